import { describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../src/config/board.js';
import { agendaSkeleton, attachmentFor, numberedAgenda, standingItemApplies } from '../../../src/domain/agenda.js';
import { findPersonByAadObjectId } from '../../../src/domain/kernel/board.js';
import { can } from '../../../src/domain/kernel/policy.js';
import type { Board } from '../../../src/domain/kernel/board.js';
import { type AgendaItem, type Meeting, type NumberedItem, attendanceMeeting, currentMeeting, mayCancel, meetingOfMoment, meetingOn, moveMeeting, planMeeting } from '../../../src/domain/meeting.js';
import { type PetitionSupport, answersPetition, meetingCalledOn, openPetition, petitionHasMajority, petitionReminderUntil, supportPetition } from '../../../src/domain/petition.js';

const board = loadBoardFile('config/demo.yaml');
const person = (n: number) => findPersonByAadObjectId(board, `00000000-0000-4000-8000-00000000000${n}`)!;
const [anne, , birgitte, henrik, mette, lars, soeren, pia, gustav] = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(person) as [
  ReturnType<typeof person>, ...ReturnType<typeof person>[],
];
const now = new Date('2027-01-10T09:00:00Z');

function meeting(id: string, startsAt: string, kind: Meeting['kind'] = 'ordinary', status: Meeting['status'] = 'planned'): Meeting {
  return { id, kind, startsAt: new Date(startsAt), status, createdBy: anne.id, createdAt: now };
}

describe('cancelling meetings', () => {
  const zone = board.timezone;
  // Monday 1 March 2027 at 14.00 in Copenhagen.
  const m = meeting('m', '2027-03-01T13:00:00Z');
  const none = { attendees: 0, openInMeeting: 0, made: 0 };
  const at = (iso: string, record = none) => mayCancel(m, new Date(iso), zone, record);

  it('R16: before its start, refused only in the hour before once attendance or an open conclusion is recorded', () => {
    expect(at('2027-03-01T11:00:00Z', { attendees: 1, openInMeeting: 1, made: 1 }).ok).toBe(true);
    expect(at('2027-03-01T12:30:00Z', { ...none, made: 1 }).ok).toBe(true);
    expect(at('2027-03-01T12:30:00Z', { ...none, attendees: 1 })).toEqual({ ok: false, reason: 'meeting-record-begun' });
    expect(at('2027-03-01T12:30:00Z', { ...none, openInMeeting: 1 })).toEqual({ ok: false, reason: 'meeting-record-begun' });
  });

  it('R16: after its start, on its day, cancelled while nothing of its record exists; after its day, never', () => {
    expect(at('2027-03-01T13:20:00Z').ok).toBe(true);
    expect(at('2027-03-01T22:59:00Z').ok).toBe(true);
    expect(at('2027-03-01T13:20:00Z', { ...none, attendees: 2 })).toEqual({ ok: false, reason: 'meeting-attendance-recorded' });
    expect(at('2027-03-01T13:20:00Z', { ...none, made: 1 })).toEqual({ ok: false, reason: 'meeting-held-record' });
    expect(at('2027-03-01T13:20:00Z', { attendees: 1, openInMeeting: 1, made: 0 })).toEqual({ ok: false, reason: 'meeting-held-record' });
    expect(at('2027-03-01T23:00:00Z')).toEqual({ ok: false, reason: 'meeting-day-over' });
  });
});

describe('moving meetings', () => {
  const zone = board;
  it('R9: a meeting not begun moves to a free time to come, the same meeting with its revision raised', () => {
    const m = meeting('m', '2027-03-01T13:00:00Z');
    const moved = moveMeeting(m, [m], new Date('2027-03-08T13:00:00Z'), now, zone);
    expect(moved).toEqual({ ok: true, value: { ...m, startsAt: new Date('2027-03-08T13:00:00Z'), revision: 1 } });
    expect(moveMeeting({ ...m, revision: 1 }, [m], new Date('2027-03-09T13:00:00Z'), now, zone)).toMatchObject({ ok: true, value: { revision: 2 } });
  });

  it('R9, R16: refused: begun, on its day to another day, into the past, to the same time, onto another meeting', () => {
    const m = meeting('m', '2027-03-01T13:00:00Z');
    const other = meeting('o', '2027-03-08T13:00:00Z');
    expect(moveMeeting(m, [m], new Date('2027-03-08T13:00:00Z'), new Date('2027-03-01T13:00:00Z'), zone)).toEqual({ ok: false, reason: 'meeting-begun-move' });
    // R16: on its day, what is given or decided is its record already: another time that day, not another day.
    expect(moveMeeting(m, [m], new Date('2027-03-08T13:00:00Z'), new Date('2027-03-01T07:00:00Z'), zone)).toEqual({ ok: false, reason: 'meeting-day-move' });
    expect(moveMeeting(m, [m], new Date('2027-03-01T15:00:00Z'), new Date('2027-03-01T12:30:00Z'), zone).ok).toBe(true);
    expect(moveMeeting(m, [m], new Date('2027-03-08T13:00:00Z'), new Date('2027-02-28T22:59:00Z'), zone).ok).toBe(true);
    expect(moveMeeting(m, [m], new Date('2027-01-09T13:00:00Z'), now, zone)).toEqual({ ok: false, reason: 'in-past' });
    expect(moveMeeting(m, [m], m.startsAt, now, zone)).toEqual({ ok: false, reason: 'same-time' });
    expect(moveMeeting(m, [m, other], other.startsAt, now, zone)).toEqual({ ok: false, reason: 'meeting-exists' });
    // A cancelled meeting at that time is no obstacle.
    expect(moveMeeting(m, [m, { ...other, status: 'cancelled' }], other.startsAt, now, zone).ok).toBe(true);
  });

  it('R10, R15: a meeting whose agenda was sent stays in its year (its yearly items are that year\'s)', () => {
    const m = { ...meeting('m', '2027-12-28T13:00:00Z'), agendaSentAt: new Date('2027-12-23T08:00:00Z') };
    expect(moveMeeting(m, [m], new Date('2028-01-04T13:00:00Z'), new Date('2027-12-24T08:00:00Z'), zone)).toEqual({ ok: false, reason: 'sent-agenda-other-year' });
    expect(moveMeeting(m, [m], new Date('2027-12-29T13:00:00Z'), new Date('2027-12-24T08:00:00Z'), zone).ok).toBe(true);
  });

  it('R13: a sent agenda is late or not by the new time\'s deadline', () => {
    // Sent on Tuesday 8 December for Thursday 10 December: late.
    const m = { ...meeting('m', '2027-12-10T13:00:00Z'), agendaSentAt: new Date('2027-12-08T09:00:00Z'), agendaLate: true };
    const at = new Date('2027-12-08T10:00:00Z');
    expect(moveMeeting(m, [m], new Date('2027-12-21T13:00:00Z'), at, zone)).toMatchObject({ ok: true, value: { agendaLate: false } });
    const onTime = { ...m, startsAt: new Date('2027-12-21T13:00:00Z'), agendaLate: false };
    expect(moveMeeting(onTime, [onTime], new Date('2027-12-09T13:00:00Z'), at, zone)).toMatchObject({ ok: true, value: { agendaLate: true } });
  });
});

describe('planning meetings', () => {
  it('R9: the secretary and the chair plan ordinary meetings; members do not', () => {
    const input = { id: 'm', kind: 'ordinary' as const, startsAt: new Date('2027-03-01T13:00:00Z'), now };
    expect(can(pia!, 'meeting.plan').ok).toBe(true);
    expect(can(anne, 'meeting.plan').ok).toBe(true);
    expect(planMeeting(pia!, [], input).ok).toBe(true);
    expect(can(henrik!, 'meeting.plan')).toEqual({ ok: false, reason: 'not-chair-or-secretary' });
  });

  it('R11: an extraordinary meeting is called by the chair or the programme manager, with a subject', () => {
    const input = { id: 'x', kind: 'extraordinary' as const, startsAt: new Date('2027-01-12T13:00:00Z'), now };
    expect(planMeeting(anne, [], input)).toEqual({ ok: false, reason: 'empty-subject' });
    expect(planMeeting(pia!, [], { ...input, subject: ' Akut  budget ' })).toMatchObject({ ok: true, value: { kind: 'extraordinary', subject: 'Akut budget' } });
    expect(can(gustav!, 'meeting.plan')).toEqual({ ok: false, reason: 'not-chair-or-secretary' });
  });

  it('refuses a meeting in the past and a second meeting at the same moment', () => {
    expect(planMeeting(anne, [], { id: 'p', kind: 'ordinary', startsAt: now, now })).toEqual({ ok: false, reason: 'in-past' });
    const taken = meeting('a', '2027-03-01T13:00:00Z');
    expect(planMeeting(anne, [taken], { id: 'b', kind: 'ordinary', startsAt: taken.startsAt, now })).toEqual({ ok: false, reason: 'meeting-exists' });
  });

  it('the current meeting is today\'s if there is one, else the next; cancelled ones do not count', () => {
    const today = meeting('today', '2027-01-10T07:00:00Z'); // 08:00 local, already begun
    const next = meeting('next', '2027-02-01T13:00:00Z');
    const cancelled = meeting('c', '2027-01-20T13:00:00Z', 'ordinary', 'cancelled');
    expect(currentMeeting([next, today, cancelled], now, board.timezone)?.id).toBe('today');
    expect(currentMeeting([next, cancelled], now, board.timezone)?.id).toBe('next');
    expect(currentMeeting([cancelled], now, board.timezone)).toBeUndefined();
  });

  it('with two meetings today, the current one is the last under way (from an hour before its start), else the first of the day', () => {
    // now: 10:00 local on 10 January 2027.
    const early = meeting('early', '2027-01-10T08:30:00Z'); // 09:30 local: under way
    const noon = meeting('noon', '2027-01-10T11:00:00Z'); // 12:00 local: not yet
    const late = meeting('late', '2027-01-10T09:30:00Z'); // 10:30 local: under way from 09:30
    expect(currentMeeting([noon, early], now, board.timezone)?.id).toBe('early');
    expect(currentMeeting([noon, early, late], now, board.timezone)?.id).toBe('late');
    const afternoon = meeting('afternoon', '2027-01-10T14:00:00Z');
    expect(currentMeeting([afternoon, noon], now, board.timezone)?.id).toBe('noon');
  });
});

describe('the meeting deltager and fjern deltager record attendance at (R16)', () => {
  // now: 10:00 local on 10 January 2027.
  const last = meeting('last', '2027-01-05T13:00:00Z');
  const cancelled = meeting('cancelled', '2027-01-09T13:00:00Z', 'ordinary', 'cancelled');
  const next = meeting('next', '2027-02-01T13:00:00Z');

  it('is today\'s from an hour before its start (as Jeg deltager counts), else the last that has begun; cancelled ones do not count', () => {
    const soon = meeting('soon', '2027-01-10T09:45:00Z'); // 10:45 local: its hour has begun
    const later = meeting('later', '2027-01-10T10:30:00Z'); // 11:30 local: not yet
    expect(attendanceMeeting([next, soon, last, cancelled], now, board.timezone)?.id).toBe('soon');
    expect(attendanceMeeting([next, later, last, cancelled], now, board.timezone)?.id).toBe('last');
    expect(attendanceMeeting([next, cancelled], now, board.timezone)).toBeUndefined();
  });

  it('with two meetings today, the last whose hour has begun', () => {
    const morning = meeting('morning', '2027-01-10T07:00:00Z'); // 08:00 local
    const noon = meeting('noon', '2027-01-10T09:30:00Z'); // 10:30 local: from 09:30
    const afternoon = meeting('afternoon', '2027-01-10T13:00:00Z');
    expect(attendanceMeeting([afternoon, noon, morning, last], now, board.timezone)?.id).toBe('noon');
    expect(attendanceMeeting([afternoon, morning, last], now, board.timezone)?.id).toBe('morning');
  });
});

describe('the meeting a vote on no item and a task belong to (R16: meetingOfMoment)', () => {
  // 3 December 2026, Copenhagen (UTC+1): meetings at 10:00 and 15:00 local.
  const ten = meeting('ten', '2026-12-03T09:00:00Z');
  const three = meeting('three', '2026-12-03T14:00:00Z');
  const other = meeting('other', '2026-12-04T09:00:00Z');
  const cancelled = meeting('cancelled', '2026-12-03T11:00:00Z', 'ordinary', 'cancelled');
  const at = (iso: string) => meetingOfMoment([other, three, cancelled, ten], new Date(iso), board.timezone)?.id;

  it('R16: with two meetings on a day, the one under way (from an hour before its start), the later once its hour has begun; cancelled ones do not count', () => {
    expect(at('2026-12-03T09:30:00Z')).toBe('ten'); // 10:30
    expect(at('2026-12-03T12:30:00Z')).toBe('ten'); // 13:30, between the two
    expect(at('2026-12-03T12:59:59Z')).toBe('ten');
    expect(at('2026-12-03T13:00:00Z')).toBe('three'); // 14:00, the hour before 15:00
    expect(at('2026-12-03T14:30:00Z')).toBe('three');
  });

  it('R16: before every meeting of the day, the first; after the last, the last; a day without meetings, none', () => {
    expect(at('2026-12-02T23:30:00Z')).toBe('ten'); // 00:30 on the 3rd
    expect(at('2026-12-03T07:59:59Z')).toBe('ten'); // 08:59
    expect(at('2026-12-03T22:59:00Z')).toBe('three'); // 23:59
    expect(at('2026-12-05T09:00:00Z')).toBeUndefined();
    expect(meetingOfMoment([cancelled], new Date('2026-12-03T11:00:00Z'), board.timezone)).toBeUndefined();
  });

  it('R16: with one meeting on a day, that one, at any time of the day', () => {
    // 00:30, 07:00, 10:30 and 23:59 on 4 December, the day of `other` alone.
    for (const iso of ['2026-12-03T23:30:00Z', '2026-12-04T06:00:00Z', '2026-12-04T09:30:00Z', '2026-12-04T22:59:00Z']) {
      expect(meetingOfMoment([ten, three, other], new Date(iso), board.timezone)?.id).toBe('other');
    }
  });
});

describe('the meeting a date, and a time, name (PRODUCT §1.2–§1.5: `[dato [tid]]`)', () => {
  const day = { year: 2027, month: 3, day: 1 };
  const ten = meeting('ten', '2027-03-01T09:00:00Z'); // 10:00 local
  const three = meeting('three', '2027-03-01T14:00:00Z'); // 15:00 local
  const gone = meeting('gone', '2027-03-01T11:00:00Z', 'ordinary', 'cancelled');
  const other = meeting('other', '2027-03-02T09:00:00Z');

  it('a date alone names the day\'s one planned meeting; cancelled ones do not count', () => {
    expect(meetingOn([ten, gone, other], day, undefined, board.timezone)).toEqual({ ok: true, value: ten });
    expect(meetingOn([gone, other], day, undefined, board.timezone)).toEqual({ ok: false, reason: 'no-meeting-on' });
  });

  it('a date alone that names a day with several meetings names none of them', () => {
    expect(meetingOn([three, ten, other], day, undefined, board.timezone)).toEqual({ ok: false, reason: 'several-meetings-on' });
  });

  it('R9: a time the clocks skip that night (put forward to summer time) names no meeting: nonexistent-time, not the hour after', () => {
    const gapDay = { year: 2027, month: 3, day: 28 };
    const atThree = meeting('g', '2027-03-28T01:00:00Z'); // 03.00 CEST
    expect(meetingOn([atThree], gapDay, { hour: 2, minute: 0 }, board.timezone)).toEqual({ ok: false, reason: 'nonexistent-time' });
    expect(meetingOn([], gapDay, { hour: 2, minute: 30 }, board.timezone)).toEqual({ ok: false, reason: 'nonexistent-time' });
    expect(meetingOn([atThree], gapDay, { hour: 3, minute: 0 }, board.timezone)).toEqual({ ok: true, value: atThree });
  });

  it('a date and a time name the meeting that starts then, whether the day has one or several', () => {
    expect(meetingOn([three, ten], day, { hour: 15, minute: 0 }, board.timezone)).toEqual({ ok: true, value: three });
    expect(meetingOn([ten], day, { hour: 10, minute: 0 }, board.timezone)).toEqual({ ok: true, value: ten });
    expect(meetingOn([three, ten], day, { hour: 12, minute: 0 }, board.timezone)).toEqual({ ok: false, reason: 'no-meeting-at' });
    expect(meetingOn([ten], day, { hour: 12, minute: 0 }, board.timezone)).toEqual({ ok: false, reason: 'no-meeting-at' });
    expect(meetingOn([other], day, { hour: 10, minute: 0 }, board.timezone)).toEqual({ ok: false, reason: 'no-meeting-on' });
  });
});

/** The skeleton's rows as the store keeps them. */
function stored(b: Board, m: Meeting, all: readonly Meeting[]): AgendaItem[] {
  return agendaSkeleton(b, m, all).map((row, i) => ({ id: `s${i}`, meetingId: m.id, ...row, attachments: [], addedBy: 'system', addedAt: now }));
}

describe('standing items', () => {
  const q1 = meeting('q1', '2027-03-04T13:00:00Z');
  const q2 = meeting('q2', '2027-06-03T12:00:00Z');
  const q4 = meeting('q4', '2027-12-02T13:00:00Z');
  const extra = meeting('x', '2027-04-01T12:00:00Z', 'extraordinary');
  const all = [q1, q2, q4, extra];

  it('R14: the economy is on every agenda, ordinary and extraordinary', () => {
    for (const m of all) expect(standingItemApplies('economy', board, m, all)).toBe(true);
  });

  it('R15: the LBF follow-up is on one meeting a year: the first by default, the last when the policy says so', () => {
    expect(all.filter((m) => standingItemApplies('lbf-follow-up', board, m, all)).map((m) => m.id)).toEqual(['q1']);
    const last = { ...board, policies: { ...board.policies, lbfFollowUpMeeting: 'last' as const } };
    expect(all.filter((m) => standingItemApplies('lbf-follow-up', last, m, all)).map((m) => m.id)).toEqual(['q4']);
  });

  it('R10: next year\'s dates are a standing item on the last ordinary meeting of the year', () => {
    expect(all.filter((m) => standingItemApplies('next-year-dates', board, m, all)).map((m) => m.id)).toEqual(['q4']);
  });

  it('R10: a lone spring meeting is not the year\'s last: it does not carry next year\'s dates', () => {
    expect(standingItemApplies('next-year-dates', board, q1, [q1])).toBe(false);
    expect(standingItemApplies('next-year-dates', board, q4, [q1, q4])).toBe(true);
  });

  it('R10, R15: a yearly item already on a sent agenda of the year is on no other meeting of that year; one of another year does not count', () => {
    const sentQ2 = { ...q2, agendaSentAt: new Date('2027-05-29T07:00:00Z') };
    const sentQ1 = { ...q1, agendaSentAt: new Date('2027-02-27T08:00:00Z') };
    const year = [sentQ1, sentQ2, q4];
    // The LBF follow-up went out with the second meeting (the first planned later): the first does not get it too.
    const lbfOnQ2 = new Map([[sentQ2.id, new Set(['lbf-follow-up' as const])]]);
    expect(year.filter((m) => standingItemApplies('lbf-follow-up', board, m, year, lbfOnQ2)).map((m) => m.id)).toEqual([]);
    // Next year's dates went out with q2 (q4 planned later): q4 does not get them too.
    const datesOnQ2 = new Map([[sentQ2.id, new Set(['next-year-dates' as const])]]);
    expect(standingItemApplies('next-year-dates', board, q4, year, datesOnQ2)).toBe(false);
    // A sent agenda without the item keeps the ordinary placement.
    expect(standingItemApplies('next-year-dates', board, q4, year, new Map([[sentQ2.id, new Set(['economy' as const])]]))).toBe(true);
    // A sent agenda of the year before does not count.
    const lastYear = { ...meeting('d', '2026-12-10T13:00:00Z'), agendaSentAt: new Date('2026-12-05T08:00:00Z') };
    const carried = new Map([[lastYear.id, new Set(['lbf-follow-up' as const, 'next-year-dates' as const])]]);
    expect(standingItemApplies('lbf-follow-up', board, q1, [lastYear, q1, q4], carried)).toBe(true);
    expect(standingItemApplies('next-year-dates', board, q4, [lastYear, q1, q4], carried)).toBe(true);
  });

  it('R11: an extraordinary meeting\'s subject is an item for decision right after the opening standing items', () => {
    const x = { ...extra, subject: 'Nyt tag' };
    expect(numberedAgenda(x, stored(board, x, all)).map((i) => [i.number, i.standing ?? i.title, i.kind])).toEqual([
      [1, 'approve-agenda', 'decision'],
      [2, 'approve-minutes', 'decision'],
      [3, 'economy', 'information'],
      [4, 'Nyt tag', 'decision'],
      [5, 'any-other-business', 'information'],
    ]);
  });

  it('R12, R16: approval of the agenda and of the last minutes open every agenda; added items come before the closing items', () => {
    const items = [
      { id: 'i2', meetingId: 'q4', title: 'Anden', kind: 'information' as const, section: 'added' as const, position: 2, attachments: [], addedBy: pia!.id, addedAt: now },
      { id: 'i1', meetingId: 'q4', title: 'Første', kind: 'decision' as const, section: 'added' as const, position: 1, attachments: [], addedBy: pia!.id, addedAt: now },
    ];
    expect(numberedAgenda(q4, [...items, ...stored(board, q4, all)]).map((i) => [i.number, i.standing ?? i.title])).toEqual([
      [1, 'approve-agenda'],
      [2, 'approve-minutes'],
      [3, 'economy'],
      [4, 'Første'],
      [5, 'Anden'],
      [6, 'next-year-dates'],
      [7, 'any-other-business'],
    ]);
  });

  it('R12: the board file may give its own standing items', () => {
    const own = { ...board, standingItems: ['economy' as const, { title: 'Nyt fra følgegrupperne', kind: 'information' as const }] };
    expect(numberedAgenda(q2, stored(own, q2, all)).map((i) => i.standing ?? i.title)).toEqual(['economy', 'Nyt fra følgegrupperne']);
  });
});

describe('petitions (R11)', () => {
  const petition = (() => {
    const r = openPetition(birgitte!, { id: 'p', subject: 'Budget', now });
    if (!r.ok) throw new Error(r.reason);
    return r.value;
  })();
  const support = (p: typeof anne): PetitionSupport => ({ petitionId: 'p', personId: p.id, supportedAt: now });

  it('R11: a majority is more than half of the seven voting members, as persons: four', () => {
    const three = [birgitte, henrik, mette].map((p) => support(p!));
    expect(petitionHasMajority(board, three)).toBe(false);
    expect(petitionHasMajority(board, [...three, support(lars!)])).toBe(true);
  });

  it('R11: two members of one organisation count as two persons', () => {
    expect(petitionHasMajority(board, [birgitte, soeren, henrik, mette].map((p) => support(p!)))).toBe(true);
  });

  it('R3, R4, R11: the secretary and guests neither ask nor support', () => {
    expect(can(pia!, 'petition.open')).toEqual({ ok: false, reason: 'not-a-member' });
    expect(can(gustav!, 'petition.support')).toEqual({ ok: false, reason: 'not-a-member' });
    expect(can(pia!, 'petition.support')).toEqual({ ok: false, reason: 'not-a-member' });
    expect(can(birgitte!, 'petition.open').ok && can(birgitte!, 'petition.support').ok).toBe(true);
  });

  it('R11: each member supports once', () => {
    expect(supportPetition(henrik!, petition, [support(henrik!)], now)).toEqual({ ok: false, reason: 'already-supported' });
  });

  const extraordinary = (extra: Partial<Meeting> = {}): Meeting => ({
    id: 'x', kind: 'extraordinary', startsAt: new Date(now.getTime() + 86_400_000), subject: 'Budget', status: 'planned', createdBy: anne.id, createdAt: now, ...extra,
  });

  it('R11: support is given while the petition gathers it: not after its majority, nor once its meeting is called (again after that meeting is cancelled)', () => {
    expect(supportPetition(henrik!, { ...petition, majorityAt: now }, [], now)).toEqual({ ok: false, reason: 'petition-majority' });
    expect(supportPetition(henrik!, petition, [], now, extraordinary())).toEqual({ ok: false, reason: 'petition-meeting-called' });
    expect(supportPetition(henrik!, petition, [], now, extraordinary({ status: 'cancelled' })).ok).toBe(true);
  });

  it('R11: an extraordinary meeting called on the same subject (case, spacing aside) answers a petition no standing meeting answers', () => {
    expect(answersPetition(extraordinary({ subject: ' budget ' }), petition, undefined)).toBe(true);
    expect(answersPetition(extraordinary({ subject: 'Budget 2027' }), petition, undefined)).toBe(false);
    expect(answersPetition(extraordinary({ kind: 'ordinary' }), petition, undefined)).toBe(false);
    expect(answersPetition(extraordinary(), petition, extraordinary({ id: 'y' }))).toBe(false);
    expect(answersPetition(extraordinary(), petition, extraordinary({ id: 'y', status: 'cancelled' }))).toBe(true);
  });

  it('R11: a petition from before meetings were linked to petitions (migration 0016) is answered by the first meeting called on its subject that stands, else the last cancelled', () => {
    const day = 86_400_000;
    const at = (days: number) => new Date(now.getTime() + days * day);
    const asked = { subject: 'budget', createdAt: now };
    expect(meetingCalledOn(asked, [extraordinary({ id: 'a', createdAt: at(2), startsAt: at(9) }), extraordinary({ id: 'b', createdAt: at(1), startsAt: at(10) })])).toBe('b');
    expect(meetingCalledOn(asked, [extraordinary({ id: 'a', status: 'cancelled', createdAt: at(1) }), extraordinary({ id: 'b', createdAt: at(2) })])).toBe('b');
    expect(meetingCalledOn(asked, [extraordinary({ id: 'a', status: 'cancelled', createdAt: at(1) }), extraordinary({ id: 'b', status: 'cancelled', createdAt: at(2) })])).toBe('b');
    // Called before it was asked, and still ahead then: it answers it too.
    expect(meetingCalledOn(asked, [extraordinary({ id: 'a', createdAt: at(-3), startsAt: at(5) })])).toBe('a');
    // Not: held before it was asked, another subject, an ordinary meeting, called more than half a year after it.
    expect(meetingCalledOn(asked, [extraordinary({ createdAt: at(-9), startsAt: at(-1) }), extraordinary({ subject: 'Budget 2027' }), extraordinary({ kind: 'ordinary' }), extraordinary({ createdAt: at(200), startsAt: at(210) })])).toBeUndefined();
  });

  it('R11: the reminder to call a demanded meeting is of use until the petition\'s half year is out (183 days), or until the meeting is called before that', () => {
    const day = 86_400_000;
    const halfYear = new Date(now.getTime() + 183 * day);
    expect(petitionReminderUntil(petition)).toEqual(halfYear);
    const called = new Date(now.getTime() + 30 * day);
    expect(petitionReminderUntil(petition, called)).toEqual(called);
    // A call after the half year answers it no more: the half year stays the end.
    expect(petitionReminderUntil(petition, new Date(now.getTime() + 200 * day))).toEqual(halfYear);
  });
});

describe('attachments (R12–R14, R16)', () => {
  const economy: NumberedItem = { number: 3, title: '', kind: 'information', section: 'opening', standing: 'economy', itemId: 'i-3', attachments: [] };
  const draft = meeting('m', '2027-03-01T13:00:00Z');

  it('R12, R14: a standing item (Økonomi) takes an attachment like any other; a blank title is left out', () => {
    expect(attachmentFor(draft, economy, { url: 'https://x.dk/regnskab.pdf', title: ' Regnskab ' })).toEqual({ ok: true, value: { url: 'https://x.dk/regnskab.pdf', title: 'Regnskab' } });
    expect(attachmentFor(draft, { ...economy, section: 'closing', standing: 'any-other-business' }, { url: 'https://x.dk/a.pdf', title: '  ' })).toEqual({ ok: true, value: { url: 'https://x.dk/a.pdf' } });
  });

  it('R12, R13: added after the agenda was sent, the attachment is marked so', () => {
    const sent = { ...draft, agendaSentAt: now };
    expect(attachmentFor(sent, economy, { url: 'https://x.dk/r.pdf' })).toEqual({ ok: true, value: { url: 'https://x.dk/r.pdf', addedAfterSending: true } });
  });

  it('an item another feature lists on a draft (no stored row) takes none', () => {
    const followUp: NumberedItem = { number: 5, title: 'Opfølgning på opgaver', kind: 'information', section: 'added', itemId: '', attachments: [], notes: [] };
    expect(attachmentFor(draft, followUp, { url: 'https://x.dk/r.pdf' })).toEqual({ ok: false, reason: 'not-attachable' });
  });
});
