/** Meetings' use cases (R9, R11, R13) against a recording publisher: planned, refused, listed, cancelled — without Teams. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobKeys } from '../../../src/usecases/meeting-jobs.js';
import { cancelMeeting, scheduleMeeting, upcoming } from '../../../src/usecases/meetings.js';
import { type UseCaseWorld, by, useCaseWorld, valueOf } from '../../support/usecase-deps.js';

let world: UseCaseWorld;
beforeEach(async () => {
  world = await useCaseWorld('2027-08-20T10:00:00+02:00');
});
afterEach(async () => {
  await world.close();
});

const ordinary = (dateText: string, timeText = '14:00', rest = '') => ({ kind: 'ordinary' as const, dateText, timeText, rest });

describe('scheduleMeeting', () => {
  it('R9: the secretary plans an ordinary meeting; its agenda reminder, agenda post and day-before reminder are scheduled; meeting.planned is published', async () => {
    const result = await scheduleMeeting(world.deps, by('Pia'), ordinary('08-09-2027'));
    const { meeting, agendaLate } = valueOf(result);
    expect(meeting).toMatchObject({ kind: 'ordinary', status: 'planned', startsAt: new Date('2027-09-08T12:00:00Z') });
    expect(agendaLate).toBe(false);
    expect(await world.store.getJob(jobKeys.agendaPost(meeting.id))).toMatchObject({ status: 'pending', dueAt: new Date('2027-09-03T07:00:00Z') });
    expect(await world.store.getJob(jobKeys.agendaReminder(meeting.id))).toMatchObject({ status: 'pending', dueAt: new Date('2027-09-01T07:00:00Z') });
    expect(await world.store.getJob(jobKeys.meetingReminder(meeting.id))).toMatchObject({ status: 'pending' });
    expect(world.published.calls).toEqual([[expect.objectContaining({ type: 'meeting.planned', meeting })]]);
  });

  it('R9: a plain member cannot plan a meeting; nothing is stored or published', async () => {
    expect(await scheduleMeeting(world.deps, by('Henrik'), ordinary('08-09-2027'))).toMatchObject({ ok: false });
    expect(await world.store.listMeetings({ status: 'planned' })).toEqual([]);
    expect(world.published.calls).toEqual([]);
  });

  it('refuses a missing date, a past time, a date that does not exist, and a second meeting at the same time', async () => {
    expect(await scheduleMeeting(world.deps, by('Pia'), { kind: 'ordinary', rest: '' })).toEqual({ ok: false, reason: 'missing-date' });
    expect(await scheduleMeeting(world.deps, by('Pia'), ordinary('01-01-2027'))).toMatchObject({ ok: false, reason: 'in-past' });
    expect(await scheduleMeeting(world.deps, by('Pia'), ordinary('31-02-2027'))).toMatchObject({ ok: false });
    expect((await scheduleMeeting(world.deps, by('Pia'), ordinary('08-09-2027'))).ok).toBe(true);
    expect(await scheduleMeeting(world.deps, by('Anne'), ordinary('08-09-2027'))).toEqual({ ok: false, reason: 'meeting-exists' });
    expect(world.published.types()).toEqual(['meeting.planned']);
  });

  it('R11, R13: an extraordinary meeting needs a subject; called two days ahead, its agenda is late and due at once', async () => {
    expect(await scheduleMeeting(world.deps, by('Anne'), { kind: 'extraordinary', dateText: '22-08-2027', timeText: '14:00', rest: '' })).toEqual({ ok: false, reason: 'empty-subject' });
    const result = await scheduleMeeting(world.deps, by('Anne'), { kind: 'extraordinary', dateText: '22-08-2027', timeText: '14:00', rest: 'Akut budgetsituation' });
    const { meeting, agendaLate } = valueOf(result);
    expect(meeting).toMatchObject({ kind: 'extraordinary', subject: 'Akut budgetsituation' });
    expect(agendaLate).toBe(true);
    expect((await world.store.getJob(jobKeys.agendaPost(meeting.id)))?.dueAt).toEqual(world.clock());
  });
});

describe('upcoming and cancelMeeting', () => {
  it('lists the planned meetings from today on; a cancelled one goes, its jobs with it, and meeting.cancelled is published', async () => {
    const first = await scheduleMeeting(world.deps, by('Pia'), ordinary('08-09-2027'));
    await scheduleMeeting(world.deps, by('Pia'), ordinary('06-10-2027'));
    const listed = await upcoming(world.deps, by('Henrik'));
    expect(listed.ok && listed.value.map((m) => m.startsAt.toISOString())).toEqual(['2027-09-08T12:00:00.000Z', '2027-10-06T12:00:00.000Z']);

    world.published.clear();
    expect(await cancelMeeting(world.deps, by('Henrik'), { dateText: '08-09-2027' })).toMatchObject({ ok: false });
    expect(await cancelMeeting(world.deps, by('Pia'), { dateText: '09-09-2027' })).toEqual({ ok: false, reason: 'no-meeting-on' });
    const cancelled = await cancelMeeting(world.deps, by('Pia'), { dateText: '08-09-2027' });
    expect(valueOf(cancelled).status).toBe('cancelled');
    const id = valueOf(first).meeting.id;
    expect((await world.store.getJob(jobKeys.agendaPost(id)))?.status).toBe('cancelled');
    expect(world.published.types()).toEqual(['meeting.cancelled']);
    const after = await upcoming(world.deps, by('Henrik'));
    expect(after.ok && after.value.map((m) => m.startsAt.toISOString())).toEqual(['2027-10-06T12:00:00.000Z']);
  });
});
