import { describe, expect, it } from 'vitest';
import type { DatePoll } from '../../../src/domain/date-planning.js';
import {
  datePlanningReminderState,
  datePlanningSeason,
  datePlanningYearAt,
  latestDatePlanningReminder,
  pollProposals,
  upcomingDatePlanningReminder,
} from '../../../src/domain/date-planning-season.js';
import { localDateOf, localTimeOf } from '../../../src/domain/kernel/calendar.js';
import type { Meeting } from '../../../src/domain/meeting.js';

const zone = 'Europe/Copenhagen';
const z = (iso: string) => new Date(iso);
const iso = (dates: readonly Date[]) => dates.map((r) => r.toISOString());
const planning = { datePlanningStart: '09-01', postingTime: '09:00' };

/** The season about 2027: from 1 September 2026, every 14 days, at 09.00 local, to 31 August 2027. */
const autumn2026 = [
  '2026-09-01T07:00:00.000Z',
  '2026-09-15T07:00:00.000Z',
  '2026-09-29T07:00:00.000Z',
  '2026-10-13T07:00:00.000Z',
  '2026-10-27T08:00:00.000Z', // after the autumn change: still 09:00 local
  '2026-11-10T08:00:00.000Z',
  '2026-11-24T08:00:00.000Z',
  '2026-12-08T08:00:00.000Z',
  '2026-12-22T08:00:00.000Z',
];
const into2027 = ['2027-01-05T08:00:00.000Z', '2027-01-19T08:00:00.000Z'];

describe('the season of date-planning reminders (R10)', () => {
  it('R10: reminds about a year every 14 days from 1 September of the year before at 09:00 local, on past New Year until the next season begins', () => {
    const season = iso(datePlanningSeason(2027, planning, zone));
    expect(season.slice(0, 11)).toEqual([...autumn2026, ...into2027]);
    expect(season.at(-1)).toBe('2027-08-31T07:00:00.000Z');
    expect(season).toHaveLength(27);
    expect(iso(datePlanningSeason(2028, planning, zone))[0]).toBe('2027-09-01T07:00:00.000Z');
  });

  it('R10: every reminder is at the posting time on the local calendar', () => {
    for (const r of datePlanningSeason(2028, { datePlanningStart: '08-15', postingTime: '07:45' }, zone)) {
      expect(localTimeOf(r, zone)).toEqual({ hour: 7, minute: 45 });
    }
  });

  it('R10: a start late in December: the season reaches into the year it is about; 29 February is 28 February in another year', () => {
    expect(iso(datePlanningSeason(2027, { datePlanningStart: '12-31', postingTime: '09:00' }, zone)).slice(0, 2)).toEqual(['2026-12-31T08:00:00.000Z', '2027-01-14T08:00:00.000Z']);
    expect(localDateOf(datePlanningSeason(2027, { datePlanningStart: '02-29', postingTime: '09:00' }, zone)[0]!, zone)).toEqual({ year: 2026, month: 2, day: 28 });
  });

  it('R10: the reminders at a moment are about next year from datePlanningStart, and about this year before it', () => {
    expect(datePlanningYearAt(z('2026-09-01T06:59:59Z'), planning, zone)).toBe(2026);
    expect(datePlanningYearAt(z('2026-09-01T07:00:00Z'), planning, zone)).toBe(2027);
    expect(datePlanningYearAt(z('2026-12-31T23:30:00Z'), planning, zone)).toBe(2027); // 1 January 2027 00:30 local
    expect(datePlanningYearAt(z('2027-03-01T12:00:00Z'), planning, zone)).toBe(2027);
  });

  it('R10: the reminder a post stands for is the latest one due in the season, across New Year too', () => {
    expect(latestDatePlanningReminder(z('2026-09-01T07:00:00Z'), planning, zone).toISOString()).toBe(autumn2026[0]);
    // Down across 15 and 29 September: the 29th's is the one, not the 15th's.
    expect(latestDatePlanningReminder(z('2026-10-01T10:00:00Z'), planning, zone).toISOString()).toBe(autumn2026[2]);
    expect(latestDatePlanningReminder(z('2026-12-31T12:00:00Z'), planning, zone).toISOString()).toBe(autumn2026[8]);
    expect(latestDatePlanningReminder(z('2027-01-05T08:00:00Z'), planning, zone).toISOString()).toBe(into2027[0]);
    expect(latestDatePlanningReminder(z('2027-08-31T12:00:00Z'), planning, zone).toISOString()).toBe('2027-08-31T07:00:00.000Z');
    expect(latestDatePlanningReminder(z('2027-09-01T07:00:00Z'), planning, zone).toISOString()).toBe('2027-09-01T07:00:00.000Z');
  });

  it('R10: the next to plan is the season\'s next (past New Year too); after its last, or once the season is over, the first of the next season', () => {
    expect(upcomingDatePlanningReminder(z('2026-09-01T07:00:00Z'), planning, zone).toISOString()).toBe(autumn2026[1]);
    expect(upcomingDatePlanningReminder(z('2026-06-01T12:00:00Z'), planning, zone).toISOString()).toBe('2026-06-08T07:00:00.000Z');
    expect(upcomingDatePlanningReminder(z('2026-12-22T08:00:00Z'), planning, zone).toISOString()).toBe(into2027[0]);
    expect(upcomingDatePlanningReminder(z('2027-08-31T07:00:00Z'), planning, zone).toISOString()).toBe('2027-09-01T07:00:00.000Z');
    expect(upcomingDatePlanningReminder(z('2026-09-15T07:00:00Z'), planning, zone, true).toISOString()).toBe('2027-09-01T07:00:00.000Z');
    expect(upcomingDatePlanningReminder(z('2027-01-05T08:00:00Z'), planning, zone, true).toISOString()).toBe('2027-09-01T07:00:00.000Z');
  });
});

describe('when a reminder is due (R9, R10)', () => {
  const now = z('2026-11-20T10:00:00Z');
  const meeting = (id: string, startsAt: string, extra: Partial<Meeting> = {}): Meeting => ({ id, kind: 'ordinary', startsAt: new Date(startsAt), status: 'planned', createdBy: 'x', createdAt: now, ...extra });
  const poll: DatePoll = { id: 'p', year: 2027, proposedDates: ['2027-02-11', '2027-03-11', '2027-05-13', '2027-06-10'], time: '14:00', createdBy: 'x', createdAt: now };

  it('R9, R10: a year can hold four meetings while a poll could still offer four dates after today (the limit »mødedatoer« refuses a year by)', () => {
    expect(pollProposals(2027, { meetings: [], zone }, now)).toEqual({ ok: true, value: ['2027-02-11', '2027-03-11', '2027-05-13', '2027-06-10', '2027-08-12', '2027-09-09', '2027-11-11', '2027-12-09'] });
    expect(pollProposals(2027, { meetings: [], zone }, z('2027-08-11T10:00:00Z')).ok).toBe(true);
    expect(pollProposals(2027, { meetings: [], zone }, z('2027-08-12T10:00:00Z'))).toEqual({ ok: false, reason: 'year-too-late' });
    // A planned meeting's day is not proposed: the window's next meeting day instead.
    expect(pollProposals(2027, { meetings: [meeting('m', '2027-12-09T13:00:00Z')], zone }, z('2027-08-11T10:00:00Z'))).toEqual({ ok: true, value: ['2027-08-12', '2027-09-09', '2027-11-11', '2027-12-10'] });    // R9: the year's ordinary meetings held or planned count toward its four: with two held, two dates left still make four.
    const held = [meeting('a', '2027-02-11T13:00:00Z'), meeting('b', '2027-05-13T12:00:00Z')];
    expect(pollProposals(2027, { meetings: held, zone }, z('2027-08-20T10:00:00Z'))).toEqual({ ok: true, value: ['2027-09-09', '2027-11-11', '2027-12-09'] });
    expect(pollProposals(2027, { meetings: held, zone }, z('2027-11-20T10:00:00Z'))).toEqual({ ok: false, reason: 'year-too-late' });
  });

  it('R10: the dates are proposed by the board\'s country (board.country; none: DK)', () => {
    const early = z('2025-11-20T10:00:00Z');
    expect(pollProposals(2026, { meetings: [], zone: 'Europe/London', country: 'GB' }, early)).toEqual({
      ok: true,
      value: ['2026-02-12', '2026-03-12', '2026-05-14', '2026-06-11', '2026-08-13', '2026-09-10', '2026-11-12', '2026-12-10'],
    });
    const danish = { ok: true, value: ['2026-02-19', '2026-03-12', '2026-05-21', '2026-06-11', '2026-08-13', '2026-09-10', '2026-11-12', '2026-12-10'] };
    expect(pollProposals(2026, { meetings: [], zone }, early)).toEqual(danish);
    expect(pollProposals(2026, { meetings: [], zone, country: 'DK' }, early)).toEqual(danish);
  });

  it('R10: a reminder is due while the year is open, its poll is open (stranded or not) or its confirmed meetings are lost; not once it is fixed or can no longer hold four meetings', () => {
    const four = ['2027-02-11', '2027-05-13', '2027-08-12', '2027-11-11'].map((d, i) => meeting(`m${i}`, `${d}T13:00:00Z`));
    const january = z('2027-01-05T08:00:00Z');
    const servedSince = z('2026-10-01T08:00:00Z');
    expect(datePlanningReminderState(2027, { polls: [], meetings: [], zone, servedSince }, january)).toBe('open');
    expect(datePlanningReminderState(2027, { polls: [poll], meetings: [], zone, servedSince }, january)).toBe('poll-open');
    expect(datePlanningReminderState(2027, { polls: [{ ...poll, confirmedAt: now }], meetings: four, zone, servedSince }, january)).toBe('fixed');
    // R9: confirmed, its meetings since cancelled: reminded again, of what happened.
    expect(datePlanningReminderState(2027, { polls: [{ ...poll, confirmedAt: now }], meetings: [], zone, servedSince }, january)).toBe('reopened');
    expect(datePlanningReminderState(2027, { polls: [{ ...poll, confirmedAt: now }], meetings: four.slice(1), zone, servedSince }, january)).toBe('reopened');
    // An open poll whose dates left cannot give the year four (one planned on a proposed date adds none): stranded.
    expect(datePlanningReminderState(2027, { polls: [poll], meetings: [meeting('p', '2027-06-10T12:00:00Z')], zone, servedSince }, z('2027-03-16T08:00:00Z'))).toBe('poll-stranded');
    expect(datePlanningReminderState(2027, { polls: [], meetings: four.slice(0, 1), zone, servedSince }, january)).toBe('open');
    expect(datePlanningReminderState(2027, { polls: [], meetings: four, zone, servedSince }, january)).toBe('fixed');
    expect(datePlanningReminderState(2027, { polls: [poll], meetings: [], zone, servedSince }, z('2027-08-17T07:00:00Z'))).toBe('too-late');
    expect(datePlanningReminderState(2027, { polls: [], meetings: four, zone, servedSince }, z('2027-08-17T07:00:00Z'))).toBe('fixed');
  });

  it('R10: after New Year only a board served before the year began (its first record) is reminded of this year\'s dates; in the autumn any board is', () => {
    const march = z('2027-03-16T08:00:00Z');
    const known = { polls: [], meetings: [], zone };
    expect(datePlanningReminderState(2027, { ...known, servedSince: z('2026-12-31T22:59:00Z') }, march)).toBe('open');
    // Midnight of New Year, local time (UTC+1): already 2027.
    expect(datePlanningReminderState(2027, { ...known, servedSince: z('2026-12-31T23:00:00Z') }, march)).toBe('new-this-year');
    expect(datePlanningReminderState(2027, { ...known, servedSince: z('2027-03-03T09:00:00Z') }, march)).toBe('new-this-year');
    expect(datePlanningReminderState(2027, { ...known, servedSince: undefined }, march)).toBe('new-this-year');
    expect(datePlanningReminderState(2027, { polls: [poll], meetings: [], zone, servedSince: z('2027-03-03T09:00:00Z') }, march)).toBe('new-this-year');
    // The autumn season about next year: a board new in it is reminded.
    expect(datePlanningReminderState(2028, { ...known, servedSince: z('2027-03-03T09:00:00Z') }, z('2027-09-01T07:00:00Z'))).toBe('open');
  });
});
