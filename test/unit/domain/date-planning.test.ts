import { describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../src/config/board.js';
import { findPersonByAadObjectId } from '../../../src/domain/kernel/board.js';
import { can } from '../../../src/domain/kernel/policy.js';
import { type DateAnswer, type DatePoll, MIN_CONFIRMED_DATES, answerPoll, canPollAgain, canStartPoll, confirmPoll, confirmPollAgainst, countsBesides, datePlanningRemindersUntil, datePlanningState, datesNeeded, ordinaryMeetingsBesides, ordinaryMeetingAhead, organisationsAvailable, placeConfirmedDates, pollStanding, yearHasDates } from '../../../src/domain/date-planning.js';
import type { Meeting } from '../../../src/domain/meeting.js';
import { stillOfUse } from '../../../src/domain/kernel/reminders.js';

const board = loadBoardFile('config/demo.yaml');
const person = (n: number) => findPersonByAadObjectId(board, `00000000-0000-4000-8000-00000000000${n}`)!;
const [anne, karsten, birgitte, henrik, soeren, pia, gustav] = [1, 2, 3, 4, 7, 8, 9].map(person) as ReturnType<typeof person>[];
const now = new Date('2027-11-20T10:00:00Z');
const poll: DatePoll = {
  id: 'p',
  year: 2028,
  proposedDates: ['2028-02-10', '2028-03-09', '2028-05-11', '2028-06-08', '2028-08-10', '2028-09-14', '2028-11-09', '2028-12-14'],
  time: '14:00',
  createdBy: 'x',
  createdAt: now,
};

describe('next year\'s dates (R10)', () => {
  it('R10: the chair or the secretary starts a poll for this year or a coming one', () => {
    expect(can(pia!, 'dates.plan').ok).toBe(true);
    expect(can(anne!, 'dates.plan').ok).toBe(true);
    expect(can(henrik!, 'dates.plan')).toEqual({ ok: false, reason: 'not-chair-or-secretary' });
    expect(canStartPoll(2028, 2027).ok).toBe(true);
    expect(canStartPoll(2026, 2027)).toEqual({ ok: false, reason: 'bad-year' });
  });

  it('R10: members mark dates among the proposed ones; guests do not answer', () => {
    expect(answerPoll(birgitte!, poll, ['2028-03-09', '2028-02-10', '2028-02-10'], now)).toMatchObject({ ok: true, value: { available: ['2028-02-10', '2028-03-09'] } });
    expect(answerPoll(birgitte!, poll, ['2028-07-13'], now)).toEqual({ ok: false, reason: 'unknown-date' });
    expect(can(birgitte!, 'dates.answer').ok).toBe(true);
    expect(can(gustav!, 'dates.answer')).toEqual({ ok: false, reason: 'not-member-or-secretary' });
    expect(can(pia!, 'dates.answer').ok).toBe(true);
    expect(answerPoll(pia!, poll, ['2028-02-10'], now).ok).toBe(true);
  });

  it('R5, R10: counts organisations per date, once each however many of their people can come', () => {
    const answer = (p: typeof anne, available: string[]): DateAnswer => ({ pollId: 'p', personId: p!.id, available, answeredAt: now });
    const counts = organisationsAvailable(board, poll, [answer(birgitte, ['2028-02-10']), answer(soeren, ['2028-02-10']), answer(karsten, ['2028-02-10', '2028-03-09']), answer(pia, ['2028-02-10'])]);
    expect(counts.get('2028-02-10')).toEqual(['SB', 'KOM']);
    expect(counts.get('2028-03-09')).toEqual(['KOM']);
    expect(counts.get('2028-05-11')).toEqual([]);
  });

  it('R9, R10: the chair confirms four or more proposed future dates, once', () => {
    const four = ['2028-02-10', '2028-05-11', '2028-08-10', '2028-11-09'];
    expect(can(anne!, 'dates.confirm').ok).toBe(true);
    expect(confirmPoll(poll, four, '2027-11-20')).toEqual({ ok: true, value: four });
    expect(can(pia!, 'dates.confirm')).toEqual({ ok: false, reason: 'not-chair' });
    expect(confirmPoll(poll, four.slice(0, 3), '2027-11-20')).toEqual({ ok: false, reason: 'too-few-dates' });
    expect(confirmPoll(poll, [...four.slice(0, 3), '2028-07-13'], '2027-11-20')).toEqual({ ok: false, reason: 'unknown-date' });
    expect(confirmPoll(poll, four, '2028-03-01')).toEqual({ ok: false, reason: 'date-in-past' });
    expect(confirmPoll({ ...poll, confirmedAt: now }, four, '2027-11-20')).toEqual({ ok: false, reason: 'poll-confirmed' });
  });

  it('R9, R10: the year\'s ordinary meetings planned on other days count toward its four: fewer dates to confirm, at least one', () => {
    const zone = 'Europe/Copenhagen';
    const meeting = (id: string, startsAt: string, kind: Meeting['kind'] = 'ordinary'): Meeting => ({ id, kind, startsAt: new Date(startsAt), status: 'planned', createdBy: 'x', createdAt: now });
    const two = [meeting('a', '2028-01-20T13:00:00Z'), meeting('b', '2028-04-20T12:00:00Z'), meeting('x', '2028-06-01T12:00:00Z', 'extraordinary'), meeting('c', '2027-12-09T13:00:00Z')];
    const besides = ordinaryMeetingsBesides(2028, ['2028-02-10'], two, zone);
    expect(besides.map((m) => m.id)).toEqual(['a', 'b']);
    expect(datesNeeded(besides)).toBe(2);
    expect(datesNeeded([])).toBe(MIN_CONFIRMED_DATES);
    expect(datesNeeded([...besides, ...besides, ...besides])).toBe(1);
    // A meeting on a chosen date is that date's, not one besides it.
    expect(ordinaryMeetingsBesides(2028, ['2028-01-20'], two, zone).map((m) => m.id)).toEqual(['b']);
    expect(confirmPoll(poll, ['2028-05-11', '2028-08-10'], '2027-11-20', 2)).toEqual({ ok: true, value: ['2028-05-11', '2028-08-10'] });
    expect(confirmPoll(poll, ['2028-05-11'], '2027-11-20', 2)).toEqual({ ok: false, reason: 'too-few-dates' });
    // R10: what a meeting planned, moved or cancelled changes on an open poll's card: an ordinary one of the poll's
    // (local) year on a day it does not propose; not one on a proposed day, of another year, or extraordinary.
    expect(countsBesides(2028, poll.proposedDates, 'ordinary', new Date('2028-01-20T13:00:00Z'), zone)).toBe(true);
    expect(countsBesides(2028, poll.proposedDates, 'ordinary', new Date('2028-02-10T13:00:00Z'), zone)).toBe(false);
    expect(countsBesides(2028, poll.proposedDates, 'ordinary', new Date('2027-12-31T23:30:00Z'), zone)).toBe(true);
    expect(countsBesides(2028, poll.proposedDates, 'ordinary', new Date('2027-12-31T22:30:00Z'), zone)).toBe(false);
    expect(countsBesides(2028, poll.proposedDates, 'extraordinary', new Date('2028-01-20T13:00:00Z'), zone)).toBe(false);
  });

  it('R9, R10: a year has its dates once four ordinary meetings are planned in it (by a confirmed poll or by hand); one meeting is not enough', () => {
    const zone = 'Europe/Copenhagen';
    const meeting = (id: string, startsAt: string, extra: Partial<Meeting> = {}): Meeting => ({ id, kind: 'ordinary', startsAt: new Date(startsAt), status: 'planned', createdBy: 'x', createdAt: now, ...extra });
    const one = [meeting('a', '2028-01-20T13:00:00Z')];
    expect(yearHasDates(2028, { meetings: [], zone })).toBe(false);
    expect(yearHasDates(2028, { meetings: one, zone })).toBe(false);
    const four = ['2028-01-20', '2028-04-20', '2028-08-17', '2028-11-16'].map((d, i) => meeting(`m${i}`, `${d}T13:00:00Z`));
    expect(four).toHaveLength(MIN_CONFIRMED_DATES);
    expect(yearHasDates(2028, { meetings: four, zone })).toBe(true);
    expect(yearHasDates(2028, { meetings: four.slice(1), zone })).toBe(false);
    // Extraordinary, cancelled and other years' meetings do not count; the year is the board's local one.
    expect(yearHasDates(2028, { meetings: [...four.slice(1), meeting('x', '2028-06-01T13:00:00Z', { kind: 'extraordinary' })], zone })).toBe(false);
    expect(yearHasDates(2028, { meetings: [...four.slice(1), meeting('c', '2028-06-01T13:00:00Z', { status: 'cancelled' })], zone })).toBe(false);
    expect(yearHasDates(2028, { meetings: [...four.slice(1), meeting('y', '2027-12-31T23:30:00Z')], zone })).toBe(true); // 00.30 on 1 January in Copenhagen
    expect(yearHasDates(2028, { meetings: [...four.slice(1), meeting('z', '2027-12-31T22:30:00Z')], zone })).toBe(false);
  });

  it('R10: the reminder of a year\'s dates is of use while the year lacks them, and ends when they are fixed', () => {
    const zone = 'Europe/Copenhagen';
    const meeting = (id: string, startsAt: string): Meeting => ({ id, kind: 'ordinary', startsAt: new Date(startsAt), status: 'planned', createdBy: 'x', createdAt: now });
    const four = ['2028-01-20', '2028-04-20', '2028-08-17', '2028-11-16'].map((d, i) => meeting(`m${i}`, `${d}T13:00:00Z`));
    const at = new Date('2027-09-15T08:00:00Z');
    expect(stillOfUse(datePlanningRemindersUntil(2028, { meetings: four.slice(1), zone }, at), new Date('2030-01-01T00:00:00Z'))).toBe(true);
    expect(datePlanningRemindersUntil(2028, { meetings: four, zone }, at)).toEqual(at);
  });

  it('R10: for the reminder, a year is fixed, has a poll open (posted, not confirmed), or is open', () => {
    const zone = 'Europe/Copenhagen';
    expect(datePlanningState(2028, { polls: [], meetings: [], zone })).toBe('open');
    expect(datePlanningState(2028, { polls: [poll], meetings: [], zone })).toBe('poll-open');
    expect(datePlanningState(2029, { polls: [poll], meetings: [], zone })).toBe('open'); // another year's poll
    // R9: a confirmed poll fixes the year by the four ordinary meetings it planned; those cancelled or moved out, it no longer does.
    const four = ['2028-02-10', '2028-05-11', '2028-08-10', '2028-11-09'].map((d, i): Meeting => ({ id: `m${i}`, kind: 'ordinary', startsAt: new Date(`${d}T13:00:00Z`), status: 'planned', createdBy: 'x', createdAt: now }));
    expect(datePlanningState(2028, { polls: [{ ...poll, confirmedAt: now }], meetings: four, zone })).toBe('fixed');
    expect(datePlanningState(2028, { polls: [{ ...poll, confirmedAt: now }], meetings: four.slice(1), zone })).toBe('reopened');
    expect(datePlanningState(2028, { polls: [{ ...poll, confirmedAt: now }], meetings: [], zone })).toBe('reopened');
    // A new poll after it: open.
    expect(datePlanningState(2028, { polls: [{ ...poll, id: 'q' }, { ...poll, confirmedAt: now }], meetings: four.slice(1), zone })).toBe('poll-open');
  });

  it('R9, R10: an open poll stands by the dates it still offers: held meetings on its passed dates count toward the four; too few dates left, it is stranded and its confirmation says so', () => {
    const zone = 'Europe/Copenhagen';
    const meeting = (id: string, startsAt: string): Meeting => ({ id, kind: 'ordinary', startsAt: new Date(startsAt), status: 'planned', createdBy: 'x', createdAt: now });
    // Nothing planned: by 20 August, three dates are left, one short of four.
    const august = pollStanding(poll, [], zone, '2028-08-20');
    expect(august).toEqual({ offered: ['2028-09-14', '2028-11-09', '2028-12-14'], besides: [], needed: 4, short: 1 });
    expect(confirmPollAgainst(poll, august.offered, '2028-08-20', [], zone)).toEqual({ ok: false, reason: 'too-few-dates-left' });
    expect(confirmPollAgainst(poll, ['2028-08-10', ...august.offered], '2028-08-20', [], zone)).toEqual({ ok: false, reason: 'too-few-dates-left' });
    // Two held on its passed dates: two of the dates left make four.
    const held = [meeting('a', '2028-02-10T13:00:00Z'), meeting('b', '2028-05-11T12:00:00Z')];
    expect(pollStanding(poll, held, zone, '2028-08-20')).toMatchObject({ needed: 2, short: 0 });
    expect(confirmPollAgainst(poll, ['2028-11-09', '2028-12-14'], '2028-08-20', held, zone)).toEqual({ ok: true, value: ['2028-11-09', '2028-12-14'] });
    expect(confirmPollAgainst(poll, ['2028-11-09'], '2028-08-20', held, zone)).toEqual({ ok: false, reason: 'too-few-dates' });
    // One on a date left is that date's: it adds no meeting beside the dates.
    expect(pollStanding(poll, [meeting('c', '2028-11-09T13:00:00Z')], zone, '2028-08-20')).toMatchObject({ needed: 4, short: 1 });
    // One planned on another day: the three left make four.
    expect(pollStanding(poll, [meeting('d', '2028-10-05T12:00:00Z')], zone, '2028-08-20')).toMatchObject({ needed: 3, short: 0 });
    // None left: the year lacks all four.
    expect(pollStanding(poll, [], zone, '2028-12-20')).toMatchObject({ offered: [], short: 4 });
    // A year with its four already is not stranded for having no dates left.
    const four = ['2028-01-20', '2028-04-20', '2028-10-05', '2028-10-19'].map((d, i) => meeting(`m${i}`, `${d}T12:00:00Z`));
    expect(pollStanding(poll, four, zone, '2028-12-20').short).toBe(0);
  });

  it('R10: »mødedatoer« may poll a year again: not while its poll is open (stranded or not), nor once a confirmed poll gave it four; after their cancellation, it may', () => {
    const zone = 'Europe/Copenhagen';
    const four = ['2028-02-10', '2028-05-11', '2028-08-10', '2028-11-09'].map((d, i): Meeting => ({ id: `m${i}`, kind: 'ordinary', startsAt: new Date(`${d}T13:00:00Z`), status: 'planned', createdBy: 'x', createdAt: now }));
    const confirmed = { ...poll, confirmedAt: now };
    expect(canPollAgain(2028, { polls: [], meetings: [], zone }, '2027-11-20')).toEqual({ ok: true, value: true });
    expect(canPollAgain(2028, { polls: [poll], meetings: [], zone }, '2027-11-20')).toEqual({ ok: false, reason: 'poll-exists' });
    expect(canPollAgain(2028, { polls: [poll], meetings: [], zone }, '2028-08-20')).toEqual({ ok: false, reason: 'poll-stranded' });
    expect(canPollAgain(2028, { polls: [confirmed], meetings: four, zone }, '2027-11-20')).toEqual({ ok: false, reason: 'poll-confirmed' });
    expect(canPollAgain(2028, { polls: [confirmed], meetings: four.slice(1), zone }, '2027-11-20')).toEqual({ ok: true, value: true });
    expect(canPollAgain(2028, { polls: [{ ...poll, id: 'q' }, confirmed], meetings: four.slice(1), zone }, '2027-11-20')).toEqual({ ok: false, reason: 'poll-exists' });
  });

  it('R10: an ordinary meeting of the year is ahead only while one planned in it has not begun', () => {
    const zone = 'Europe/Copenhagen';
    const meeting = (id: string, startsAt: string, extra: Partial<Meeting> = {}): Meeting => ({ id, kind: 'ordinary', startsAt: new Date(startsAt), status: 'planned', createdBy: 'x', createdAt: now, ...extra });
    const last = meeting('last', '2027-12-09T13:00:00Z');
    expect(ordinaryMeetingAhead(2027, [last], now, zone)).toBe(true);
    expect(ordinaryMeetingAhead(2027, [last], new Date('2027-12-09T13:00:00Z'), zone)).toBe(false);
    expect(ordinaryMeetingAhead(2027, [], now, zone)).toBe(false);
    expect(ordinaryMeetingAhead(2027, [{ ...last, kind: 'extraordinary' }, { ...last, id: 'c', status: 'cancelled' }, meeting('next', '2028-01-20T13:00:00Z')], now, zone)).toBe(false);
  });

  it('R10: confirming keeps an ordinary meeting already on a date (at any time of the day), plans the others at the poll\'s time, and names an extraordinary meeting at that very time', () => {
    const zone = 'Europe/Copenhagen';
    const meeting = (id: string, startsAt: string, extra: Partial<Meeting> = {}): Meeting => ({ id, kind: 'ordinary', startsAt: new Date(startsAt), status: 'planned', createdBy: 'x', createdAt: now, ...extra });
    const byHand = meeting('hand', '2028-12-14T09:00:00Z'); // 10.00 local
    const morning = meeting('x1', '2028-11-09T09:00:00Z', { kind: 'extraordinary', subject: 'Budget' });
    const cancelled = meeting('c', '2028-02-10T13:00:00Z', { status: 'cancelled' });
    const placed = placeConfirmedDates(poll, ['2028-02-10', '2028-05-11', '2028-11-09', '2028-12-14'], [byHand, morning, cancelled], zone);
    expect(placed.kept).toEqual([byHand]);
    expect(placed.clashes).toEqual([]);
    expect(placed.plan.map((d) => d.toISOString())).toEqual(['2028-02-10T13:00:00.000Z', '2028-05-11T12:00:00.000Z', '2028-11-09T13:00:00.000Z']);
    const atTheTime = meeting('x2', '2028-05-11T12:00:00Z', { kind: 'extraordinary', subject: 'Helhedsplan' });
    expect(placeConfirmedDates(poll, ['2028-02-10', '2028-05-11'], [atTheTime], zone)).toEqual({ plan: [new Date('2028-02-10T13:00:00Z')], kept: [], clashes: [atTheTime] });
  });
});
