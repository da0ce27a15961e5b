import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES, type Policies } from '../../../src/domain/kernel/board.js';
import {
  type LocalDate,
  type LocalTime,
  addDays,
  agendaDeadline,
  agendaReminderAt,
  compareLocalDate,
  dayBeforeReminderAt,
  dayBeforeReminderDay,
  isAgendaLate,
  isoDate,
  isoWeekOf,
  localDateOf,
  localTimeOf,
  parseDate,
  parseHhmm,
  parseMeetingDateTime,
  parsePastDate,
  parseTime,
  relativeDate,
  toInstant,
  weekdayOf,
} from '../../../src/domain/kernel/calendar.js';

const zone = 'Europe/Copenhagen';
const now = new Date('2026-11-26T10:00:00Z'); // Thursday 26 November 2026, 11:00 CET
const policies: Policies = DEFAULT_POLICIES; // agendaLeadDays 5, agendaReminderDays 7, postingTime 09:00
const z = (iso: string) => new Date(iso);
const d = (year: number, month: number, day: number): LocalDate => ({ year, month, day });
const t = (hour: number, minute: number): LocalTime => ({ hour, minute });
const dateOf = (text: string, at: Date = now) => {
  const r = parseDate(text, at, zone);
  return r.ok ? isoDate(r.value) : r.reason;
};
const timeOf = (text: string) => {
  const r = parseTime(text);
  return r.ok ? r.value : r.reason;
};

describe('parseDate', () => {
  it.each([
    ['2026-12-10', '2026-12-10'],
    ['10-12-2026', '2026-12-10'],
    ['10.12.2026', '2026-12-10'],
    ['10/12/2026', '2026-12-10'],
    ['1.3.2027', '2027-03-01'],
    ['1/3/2027', '2027-03-01'],
    ['01-03-2027', '2027-03-01'],
    ['2027-3-1', '2027-03-01'],
    ['  10/12/2026  ', '2026-12-10'],
    ['\t2026-12-10\n', '2026-12-10'],
    ['29/02/2028', '2028-02-29'],
    ['2028-02-29', '2028-02-29'],
    ['31.12.2026', '2026-12-31'],
  ])('accepts %j as %s', (text, iso) => {
    expect(dateOf(text)).toBe(iso);
  });

  it.each([
    ['10/12', '2026-12-10'],
    ['10.12', '2026-12-10'],
    ['10.12.', '2026-12-10'],
    [' 10.12. ', '2026-12-10'],
    ['1/3', '2027-03-01'],
    ['1.3', '2027-03-01'],
    ['26/11', '2026-11-26'], // today counts
    ['27/11', '2026-11-27'], // tomorrow
    ['25/11', '2027-11-25'], // yesterday: next year
    ['1/1', '2027-01-01'],
    ['29/2', '2028-02-29'], // the next 29 February
  ])('reads the year-less %j as the next such date on or after today: %s', (text, iso) => {
    expect(dateOf(text)).toBe(iso);
  });

  it('takes "today" in the board\'s zone, not in UTC', () => {
    const justAfterLocalMidnight = z('2026-11-25T23:30:00Z'); // 26 November 00:30 CET
    expect(dateOf('26/11', justAfterLocalMidnight)).toBe('2026-11-26');
    expect(dateOf('25/11', justAfterLocalMidnight)).toBe('2027-11-25');
  });

  it('reads a day counted from today (»i dag«, »i morgen«: relativeDate) as that day in the board\'s zone, also as a date of the past', () => {
    expect(dateOf(relativeDate(0))).toBe('2026-11-26');
    expect(dateOf(relativeDate(1))).toBe('2026-11-27');
    expect(dateOf(relativeDate(2))).toBe('2026-11-28');
    const justAfterLocalMidnight = z('2026-11-25T23:30:00Z'); // 26 November 00:30 CET
    expect(dateOf(relativeDate(0), justAfterLocalMidnight)).toBe('2026-11-26');
    const past = parsePastDate(relativeDate(0), justAfterLocalMidnight, zone);
    expect(past.ok && isoDate(past.value)).toBe('2026-11-26');
  });

  it.each([
    ['32/12'],
    ['32/12/2026'],
    ['0/12'],
    ['10/0'],
    ['10/13/2026'],
    ['2026-13-01'],
    ['31/02/2027'],
    ['30.2'],
    ['29-02-2027'],
    ['2027-02-29'],
    ['31/04/2027'],
    ['00.01.2027'],
  ])('refuses %j as impossible-date', (text) => {
    expect(dateOf(text)).toBe('impossible-date');
  });

  it.each([
    ['abc'],
    [''],
    ['   '],
    ['2026-12'],
    ['10/12/26'],
    ['10.12.26'],
    ['10-12'],
    ['10/12.2026'],
    ['10.12/2026'],
    ['10/12/'],
    ['10..12'],
    ['10 12 2026'],
    ['2026/12/10'],
    ['123/12/2026'],
    ['10/12/20266'],
    ['i morgen'],
    ['10/12 14:00'],
    ['+1'], // the day from today is the bot's own reading of »i morgen«, never a text a user types
    ['+0'],
    [' +2 '],
  ])('refuses %j as bad-date', (text) => {
    expect(dateOf(text)).toBe('bad-date');
  });
});

describe('parseTime', () => {
  it.each([
    ['14:00', t(14, 0)],
    ['14.00', t(14, 0)],
    ['kl. 14', t(14, 0)],
    ['kl 14', t(14, 0)],
    ['kl. 14.30', t(14, 30)],
    ['kl.14:30', t(14, 30)],
    ['Kl. 14', t(14, 0)],
    ['KL 9:05', t(9, 5)],
    ['9:05', t(9, 5)],
    ['09.05', t(9, 5)],
    ['0:00', t(0, 0)],
    ['23:59', t(23, 59)],
    ['  kl. 8  ', t(8, 0)],
    // English: "at" as kl., and the 12-hour clock with am/pm.
    ['at 14', t(14, 0)],
    ['at 14:30', t(14, 30)],
    ['AT 9.05', t(9, 5)],
    ['2:30 pm', t(14, 30)],
    ['2:30PM', t(14, 30)],
    ['2 pm', t(14, 0)],
    ['2pm', t(14, 0)],
    ['11 a.m.', t(11, 0)],
    ['at 2:30 p.m.', t(14, 30)],
    ['12 am', t(0, 0)],
    ['12:15 pm', t(12, 15)],
    ['12 pm', t(12, 0)],
  ])('accepts %j', (text, time) => {
    expect(timeOf(text)).toEqual(time);
  });

  it.each([['25:00'], ['24:00'], ['14:60'], ['kl.'], ['kl'], [''], ['abc'], ['14:5'], ['14:000'], ['141'], ['14h'], ['14:00:00'], ['-1'], ['kl14'], ['14,30'], ['14'], ['7'], ['07'], [' 9 '], ['at'], ['at14'], ['14:00 pm'], ['13 pm'], ['0 am'], ['pm'], ['2 pmx']])(
    'refuses %j as bad-time (a bare number is no time: README "Times")',
    (text) => {
      expect(timeOf(text)).toBe('bad-time');
    },
  );
});

describe('parseHhmm', () => {
  it('reads policy times', () => {
    expect(parseHhmm('09:00')).toEqual(t(9, 0));
    expect(parseHhmm('23:59')).toEqual(t(23, 59));
  });
  it('throws on a malformed policy time (the configuration validates them)', () => {
    expect(() => parseHhmm('9:00')).toThrow();
    expect(() => parseHhmm('24:00')).toThrow();
  });
});

describe('calendar helpers', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays(d(2026, 12, 30), 2)).toEqual(d(2027, 1, 1));
    expect(addDays(d(2028, 2, 28), 1)).toEqual(d(2028, 2, 29));
    expect(addDays(d(2026, 3, 30), -5)).toEqual(d(2026, 3, 25));
    expect(addDays(d(2026, 3, 1), 0)).toEqual(d(2026, 3, 1));
  });
  it('compares local dates', () => {
    expect(compareLocalDate(d(2026, 12, 10), d(2026, 12, 10))).toBe(0);
    expect(compareLocalDate(d(2026, 12, 9), d(2026, 12, 10))).toBeLessThan(0);
    expect(compareLocalDate(d(2027, 1, 1), d(2026, 12, 31))).toBeGreaterThan(0);
    expect(compareLocalDate(d(2026, 11, 30), d(2026, 12, 1))).toBeLessThan(0);
  });
  it('agrees with luxon on adding days, the weekday and the ISO week, years 1-9999', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: -800, max: 800 }), (at, n) => {
        const x = DateTime.fromJSDate(at, { zone: 'utc' }).startOf('day');
        const date = d(x.year, x.month, x.day);
        const later = x.plus({ days: n });
        expect(addDays(date, n)).toEqual(d(later.year, later.month, later.day));
        expect(weekdayOf(date)).toBe(x.weekday);
        expect(isoWeekOf(date)).toBe(x.weekNumber);
      }),
      { numRuns: 2000 },
    );
    expect(weekdayOf(d(2026, 12, 10))).toBe(4);
    expect(isoWeekOf(d(2027, 1, 1))).toBe(53);
    expect(isoWeekOf(d(2026, 12, 31))).toBe(53);
    expect(isoWeekOf(d(2025, 12, 29))).toBe(1);
  });
  it('formats ISO dates', () => {
    expect(isoDate(d(2026, 3, 1))).toBe('2026-03-01');
  });
  it('reads the local date and time of an instant in the zone', () => {
    expect(localDateOf(z('2026-12-09T23:30:00Z'), zone)).toEqual(d(2026, 12, 10));
    expect(localTimeOf(z('2026-12-09T23:30:00Z'), zone)).toEqual(t(0, 30));
    expect(localDateOf(z('2026-07-01T22:30:00Z'), zone)).toEqual(d(2026, 7, 2));
  });
});

describe('toInstant', () => {
  it('uses winter and summer time', () => {
    expect(toInstant(d(2026, 12, 10), t(14, 0), zone)).toEqual(z('2026-12-10T13:00:00Z'));
    expect(toInstant(d(2026, 6, 10), t(14, 0), zone)).toEqual(z('2026-06-10T12:00:00Z'));
  });
  it('moves a wall time in the spring-forward gap forward by the gap, as luxon does (02:30 -> 03:30 CEST)', () => {
    expect(toInstant(d(2026, 3, 29), t(2, 30), zone)).toEqual(z('2026-03-29T01:30:00Z'));
    expect(toInstant(d(2026, 3, 29), t(3, 0), zone)).toEqual(z('2026-03-29T01:00:00Z'));
  });
  it('takes the first occurrence of a wall time repeated at the fall-back change (02:30 CEST, not CET)', () => {
    expect(toInstant(d(2026, 10, 25), t(2, 30), zone)).toEqual(z('2026-10-25T00:30:00Z'));
    expect(toInstant(d(2026, 10, 25), t(2, 0), zone)).toEqual(z('2026-10-25T00:00:00Z'));
    expect(toInstant(d(2026, 10, 25), t(3, 0), zone)).toEqual(z('2026-10-25T02:00:00Z'));
  });
  it('throws on an unknown zone (the configuration validates zones)', () => {
    expect(() => toInstant(d(2026, 12, 10), t(14, 0), 'Nowhere/Atlantis')).toThrow();
  });
});

describe('meeting deadlines and reminders (R13)', () => {
  const springMonday = toInstant(d(2026, 3, 30), t(14, 0), zone); // the day after the spring change
  const springThursday = toInstant(d(2026, 4, 2), t(14, 0), zone);

  it('places the test meetings where they belong', () => {
    expect(springMonday).toEqual(z('2026-03-30T12:00:00Z'));
    expect(springThursday).toEqual(z('2026-04-02T12:00:00Z'));
  });

  it('R13: the agenda deadline is 09:00 local, five days before the meeting, across a daylight-saving change', () => {
    // Monday 30 March 2026 14:00 CEST -> Wednesday 25 March 09:00 CET
    expect(agendaDeadline(springMonday, policies, zone)).toEqual(z('2026-03-25T08:00:00Z'));
    // Thursday 2 April 2026 14:00 CEST -> Saturday 28 March 09:00 CET
    expect(agendaDeadline(springThursday, policies, zone)).toEqual(z('2026-03-28T08:00:00Z'));
  });

  it('R13: the chair and secretary are reminded at 09:00 local, seven days before the meeting', () => {
    expect(agendaReminderAt(springMonday, policies, zone)).toEqual(z('2026-03-23T08:00:00Z'));
    expect(agendaReminderAt(springThursday, policies, zone)).toEqual(z('2026-03-26T08:00:00Z'));
  });

  it('the day-before reminder is at 09:00 local on the day before, on either side of the change', () => {
    expect(dayBeforeReminderAt(springThursday, policies, zone)).toEqual(z('2026-04-01T07:00:00Z')); // 09:00 CEST
    expect(dayBeforeReminderAt(springMonday, policies, zone)).toEqual(z('2026-03-29T07:00:00Z')); // the change day, 09:00 CEST
  });

  it('R13: the day-before reminder names the meeting\'s day as it is when sent, in the board\'s zone: tomorrow, or today when caught up on the day', () => {
    expect(dayBeforeReminderDay(springThursday, dayBeforeReminderAt(springThursday, policies, zone), zone)).toBe('tomorrow');
    expect(dayBeforeReminderDay(springThursday, z('2026-04-01T21:59:00Z'), zone)).toBe('tomorrow'); // 23.59 CEST the day before
    expect(dayBeforeReminderDay(springThursday, z('2026-04-01T22:00:00Z'), zone)).toBe('today'); // 00.00 CEST on the day, still 1 April in UTC
    expect(dayBeforeReminderDay(springThursday, z('2026-04-02T10:00:00Z'), zone)).toBe('today');
    const justAfterMidnight = toInstant(d(2026, 12, 10), t(0, 30), zone); // 2026-12-09T23:30Z
    expect(dayBeforeReminderDay(justAfterMidnight, z('2026-12-09T22:30:00Z'), zone)).toBe('tomorrow'); // 23.30 CET, the same UTC date
    expect(dayBeforeReminderDay(justAfterMidnight, z('2026-12-09T23:10:00Z'), zone)).toBe('today'); // 00.10 CET
  });

  it('R13: the autumn change keeps every post at 09:00 local', () => {
    const autumnTuesday = toInstant(d(2026, 10, 27), t(14, 0), zone); // two days after the 25 October change
    expect(autumnTuesday).toEqual(z('2026-10-27T13:00:00Z'));
    expect(agendaDeadline(autumnTuesday, policies, zone)).toEqual(z('2026-10-22T07:00:00Z')); // Thursday 09:00 CEST
    expect(agendaReminderAt(autumnTuesday, policies, zone)).toEqual(z('2026-10-20T07:00:00Z')); // Tuesday 09:00 CEST
    expect(dayBeforeReminderAt(autumnTuesday, policies, zone)).toEqual(z('2026-10-26T08:00:00Z')); // Monday 09:00 CET

    const autumnFriday = toInstant(d(2026, 10, 30), t(14, 0), zone);
    expect(agendaDeadline(autumnFriday, policies, zone)).toEqual(z('2026-10-25T08:00:00Z')); // the change day, 09:00 CET
  });

  it('R13: counts days on the local calendar, even when the meeting is on another UTC date', () => {
    const justAfterMidnight = toInstant(d(2026, 12, 10), t(0, 30), zone); // 2026-12-09T23:30Z
    expect(agendaDeadline(justAfterMidnight, policies, zone)).toEqual(z('2026-12-05T08:00:00Z'));
  });

  it('R13: honours the board\'s agendaLeadDays, agendaReminderDays and postingTime', () => {
    const meeting = toInstant(d(2026, 12, 10), t(14, 0), zone);
    const custom = { ...policies, agendaLeadDays: 10, agendaReminderDays: 14, postingTime: '07:30' };
    expect(agendaDeadline(meeting, custom, zone)).toEqual(z('2026-11-30T06:30:00Z'));
    expect(agendaReminderAt(meeting, custom, zone)).toEqual(z('2026-11-26T06:30:00Z'));
    expect(dayBeforeReminderAt(meeting, custom, zone)).toEqual(z('2026-12-09T06:30:00Z'));
  });

  it('R13: an agenda sent on the deadline day is on time ("senest 5 dage før mødedatoen"); the day after it is late', () => {
    const meeting = toInstant(d(2026, 12, 10), t(14, 0), zone);
    const deadline = z('2026-12-05T08:00:00Z');
    expect(agendaDeadline(meeting, policies, zone)).toEqual(deadline);
    expect(isAgendaLate(meeting, z('2026-12-01T08:00:00Z'), policies, zone)).toBe(false);
    expect(isAgendaLate(meeting, deadline, policies, zone)).toBe(false);
    expect(isAgendaLate(meeting, z('2026-12-05T08:01:00Z'), policies, zone)).toBe(false);
    expect(isAgendaLate(meeting, z('2026-12-05T22:59:59Z'), policies, zone)).toBe(false);
    expect(isAgendaLate(meeting, z('2026-12-05T23:00:00Z'), policies, zone)).toBe(true);
    expect(isAgendaLate(meeting, z('2026-12-09T10:00:00Z'), policies, zone)).toBe(true);
  });
});

describe('parseMeetingDateTime', () => {
  const parse = (date: string, time: string | undefined, at: Date = now) => {
    const r = parseMeetingDateTime(date, time, at, zone);
    return r.ok ? r.value.toISOString() : r.reason;
  };

  it('combines a date and a time in the board\'s zone', () => {
    expect(parse('10/12', '14:00')).toBe('2026-12-10T13:00:00.000Z');
    expect(parse('2027-06-10', 'kl. 9.30')).toBe('2027-06-10T07:30:00.000Z');
  });

  it('R9, R11: refuses a missing time (PRODUCT §1.2: `møde <dato> <tid>`), never taking the board\'s meetingTime', () => {
    expect(parse('10/12', undefined)).toBe('missing-time');
    expect(parse('10/12', '  ')).toBe('missing-time');
  });

  it('refuses a mistyped time as bad-time', () => {
    for (const time of ['15h', '15,30', '1500', '14:00-16:00', 'kl. 15h', 'kl', '24:00', '14:60']) expect(parse('10/12', time), time).toBe('bad-time');
  });

  it('passes on date and time refusals', () => {
    expect(parse('abc', '14:00')).toBe('bad-date');
    expect(parse('31/02/2027', '14:00')).toBe('impossible-date');
    expect(parse('10/12', '25:00')).toBe('bad-time');
    expect(parse('10/12', 'kl.')).toBe('bad-time');
  });

  it('refuses a wall time that does not exist in the board\'s zone (the spring-forward gap) as nonexistent-time, not moved an hour on', () => {
    // 28 March 2027 in Copenhagen: the clocks go from 02.00 to 03.00.
    expect(parse('28-03-2027', '02:30')).toBe('nonexistent-time');
    expect(parse('28-03-2027', '02:00')).toBe('nonexistent-time');
    expect(parse('28-03-2027', '02:59')).toBe('nonexistent-time');
    expect(parse('28-03-2027', '01:59')).toBe('2027-03-28T00:59:00.000Z');
    expect(parse('28-03-2027', '03:00')).toBe('2027-03-28T01:00:00.000Z');
    // The zone is the board's: in New York that night has 02.30.
    const r = parseMeetingDateTime('28-03-2027', '02:30', now, 'America/New_York');
    expect(r.ok && r.value.toISOString()).toBe('2027-03-28T06:30:00.000Z');
    expect(parseMeetingDateTime('14-03-2027', '02:30', now, 'America/New_York')).toEqual({ ok: false, reason: 'nonexistent-time' });
  });

  it('takes the first of a wall time that occurs twice (the fall-back overlap): still summer time', () => {
    // 31 October 2027 in Copenhagen: 02.00 to 03.00 happens twice.
    expect(parse('31-10-2027', '02:30')).toBe('2027-10-31T00:30:00.000Z');
  });

  it('refuses a start that is not after now as in-past', () => {
    // now is 26 November 2026 11:00 CET
    expect(parse('26/11', 'kl. 11')).toBe('in-past');
    expect(parse('26/11', '10:59')).toBe('in-past');
    expect(parse('26/11', '11:01')).toBe('2026-11-26T10:01:00.000Z');
    expect(parse('26/11', '14:00')).toBe('2026-11-26T13:00:00.000Z');
    expect(parse('2025-12-10', '14:00')).toBe('in-past');
    expect(parse('25.11.2026', '14:00')).toBe('in-past');
  });
});

describe('properties', () => {
  const pad2 = (n: number) => String(n).padStart(2, '0');
  const epoch = d(1990, 1, 1);
  const anyDate = fc.integer({ min: 0, max: 110 * 366 }).map((n) => addDays(epoch, n));
  const anyTime = fc.record({ hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) });
  const padded = fc.boolean();

  const formatDate = (x: LocalDate, form: number, pad: boolean): string => {
    const dd = pad ? pad2(x.day) : String(x.day);
    const mm = pad ? pad2(x.month) : String(x.month);
    switch (form) {
      case 0:
        return `${x.year}-${pad2(x.month)}-${pad2(x.day)}`;
      case 1:
        return `${dd}-${mm}-${x.year}`;
      case 2:
        return `${dd}.${mm}.${x.year}`;
      default:
        return `${dd}/${mm}/${x.year}`;
    }
  };
  const formatTime = (x: LocalTime, form: number, pad: boolean): string => {
    const hh = pad ? pad2(x.hour) : String(x.hour);
    const mm = pad2(x.minute);
    const forms = [`${hh}:${mm}`, `${hh}.${mm}`, `kl. ${hh}.${mm}`, `kl ${hh}:${mm}`, `Kl.${hh}:${mm}`];
    if (x.minute === 0) forms.push(`kl. ${hh}`, `KL ${hh}`);
    return forms[form % forms.length]!;
  };

  /** True when the wall time does not exist in the zone (luxon moves it). */
  const inGap = (x: LocalDate, time: LocalTime, z: string) => {
    const dt = DateTime.fromObject({ ...x, ...time }, { zone: z });
    return dt.hour !== time.hour || dt.minute !== time.minute || dt.day !== x.day;
  };

  it('parse -> toInstant -> back to local gives the same date and time (outside DST gaps)', () => {
    fc.assert(
      fc.property(
        anyDate,
        anyTime,
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 7 }),
        padded,
        padded,
        fc.constantFrom('Europe/Copenhagen', 'America/New_York', 'Australia/Lord_Howe', 'UTC'),
        (date, time, dateForm, timeForm, padDate, padTime, z) => {
          fc.pre(!inGap(date, time, z));
          const pd = parseDate(formatDate(date, dateForm, padDate), now, z);
          const pt = parseTime(formatTime(time, timeForm, padTime));
          expect(pd).toEqual({ ok: true, value: date });
          expect(pt).toEqual({ ok: true, value: time });
          if (!pd.ok || !pt.ok) return;
          const at = toInstant(pd.value, pt.value, z);
          expect(localDateOf(at, z)).toEqual(date);
          expect(localTimeOf(at, z)).toEqual(time);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('toInstant agrees with luxon, except that a repeated wall time gives its first occurrence', () => {
    fc.assert(
      fc.property(anyDate, anyTime, fc.constantFrom('Europe/Copenhagen', 'America/New_York', 'Australia/Lord_Howe'), (date, time, z) => {
        const mine = toInstant(date, time, z).getTime();
        const luxon = DateTime.fromObject({ ...date, ...time }, { zone: z });
        const possible = luxon.getPossibleOffsets().map((p) => p.toMillis());
        expect(mine).toBe(Math.min(luxon.toMillis(), ...possible));
        expect(mine).toBeLessThanOrEqual(luxon.toMillis());
      }),
      { numRuns: 2000 },
    );
  });

  it('R10 and R13 posts fall at postingTime local on the right local day, for any meeting', () => {
    fc.assert(
      fc.property(anyDate, anyTime, fc.integer({ min: 1, max: 30 }), (date, time, lead) => {
        fc.pre(!inGap(date, time, zone));
        const meeting = toInstant(date, time, zone);
        const p = { ...policies, agendaLeadDays: lead };
        const deadline = agendaDeadline(meeting, p, zone);
        expect(localDateOf(deadline, zone)).toEqual(addDays(date, -lead));
        expect(localTimeOf(deadline, zone)).toEqual(t(9, 0));
        expect(isAgendaLate(meeting, deadline, p, zone)).toBe(false);
        expect(isAgendaLate(meeting, new Date(deadline.getTime() + 1), p, zone)).toBe(false);
        expect(isAgendaLate(meeting, DateTime.fromJSDate(deadline, { zone }).plus({ days: 1 }).startOf('day').toJSDate(), p, zone)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a year-less date is the first such date on or after today', () => {
    fc.assert(
      fc.property(
        fc.date({ min: z('1990-01-01T00:00:00Z'), max: z('2098-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (at, month, day) => {
          const r = parseDate(`${day}/${month}`, at, zone);
          const exists = DateTime.utc(2000, month, day).isValid;
          if (!exists) {
            expect(r).toEqual({ ok: false, reason: 'impossible-date' });
            return;
          }
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const today = localDateOf(at, zone);
          expect(r.value.month).toBe(month);
          expect(r.value.day).toBe(day);
          expect(compareLocalDate(r.value, today)).toBeGreaterThanOrEqual(0);
          for (let y = today.year; y < r.value.year; y++) {
            const earlier = DateTime.utc(y, month, day);
            if (earlier.isValid && earlier.month === month) expect(compareLocalDate(d(y, month, day), today)).toBeLessThan(0);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
