/**
 * A reminder is of use until the moment it reminds of (domain/kernel/reminders.ts): the agenda's
 * deadline (R13), the meeting's start (R13), the vote's deadline (R6). At or past it, it is not sent.
 * Its subject changed so that it is wrong (the vote closed early, the meeting cancelled or moved), it
 * is of use only until that change.
 */
import { describe, expect, it } from 'vitest';
import { agendaDeadline, agendaReminderUntil, dayBeforeReminderUntil } from '../../../src/domain/kernel/calendar.js';
import { stillOfUse } from '../../../src/domain/kernel/reminders.js';
import { type Meeting, meetingRemindersUntil } from '../../../src/domain/meeting.js';
import { voteReminderUntil } from '../../../src/domain/voting.js';

const ZONE = 'Europe/Copenhagen';
const policies = { agendaLeadDays: 5, postingTime: '09:00' };
const start = new Date('2027-02-16T13:00:00Z'); // Tuesday 16 February 2027 14.00

describe('reminders after their moment (R6, R13)', () => {
  it('a reminder is of use before its moment, not at it nor after it', () => {
    const until = new Date('2027-02-11T08:00:00Z');
    expect(stillOfUse(until, new Date(until.getTime() - 1))).toBe(true);
    expect(stillOfUse(until, until)).toBe(false);
    expect(stillOfUse(until, new Date(until.getTime() + 86_400_000))).toBe(false);
  });

  it('R13: the chair\'s reminder to prepare the agenda is of use until the agenda is due (Thursday 11 February 09.00)', () => {
    expect(agendaReminderUntil(start, policies, ZONE)).toEqual(agendaDeadline(start, policies, ZONE));
    expect(agendaReminderUntil(start, policies, ZONE)).toEqual(new Date('2027-02-11T08:00:00Z'));
  });

  it('R13: the board\'s reminder the day before is of use until the meeting begins', () => {
    expect(dayBeforeReminderUntil(start)).toEqual(start);
  });

  it('R6: the reminder to vote is of use until the vote\'s deadline', () => {
    const deadline = new Date('2027-02-11T09:00:00Z');
    expect(voteReminderUntil({ deadline })).toEqual(deadline);
    expect(voteReminderUntil({ deadline, closedAt: deadline })).toEqual(deadline);
  });

  it('R6: closed early, by the chair or because every organisation voted, the reminder to vote is of use until the close', () => {
    const deadline = new Date('2027-02-11T09:00:00Z');
    const closedAt = new Date('2027-02-10T11:00:00Z');
    expect(voteReminderUntil({ deadline, closedAt })).toEqual(closedAt);
  });

  it('R13: a meeting\'s reminders are of use until it is cancelled or moved to another time; nothing else ends them', () => {
    const now = new Date('2027-02-15T09:00:00Z');
    const planned: Pick<Meeting, 'startsAt' | 'status'> = { startsAt: start, status: 'planned' };
    expect(meetingRemindersUntil(planned, { ...planned, status: 'cancelled' }, now)).toEqual(now);
    expect(meetingRemindersUntil(planned, { ...planned, startsAt: new Date('2027-02-18T13:00:00Z') }, now)).toEqual(now);
    expect(meetingRemindersUntil(planned, { ...planned, startsAt: new Date('2027-02-16T14:00:00Z') }, now)).toEqual(now);
    expect(meetingRemindersUntil(planned, { ...planned }, now)).toBeUndefined();
  });
});
