import Holidays from 'date-holidays';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  danishDaysOff,
  daysOff,
  easterSunday,
  isMeetingDay,
  proposeMeetingDates,
} from '../../../src/domain/date-proposals.js';
import { type LocalDate, addDays, compareLocalDate, isoDate } from '../../../src/domain/kernel/calendar.js';

const d = (year: number, month: number, day: number): LocalDate => ({ year, month, day });
const isos = (dates: readonly LocalDate[]) => dates.map(isoDate);
const weekdayOf = (x: LocalDate) => DateTime.utc(x.year, x.month, x.day).weekday;
const isoWeekOf = (x: LocalDate) => DateTime.utc(x.year, x.month, x.day).weekNumber;
const quarterOf = (x: LocalDate) => Math.ceil(x.month / 3);

/** Easter Sunday as date-holidays has it, independently of the module's own computation. */
const dk = new Holidays('DK');
const easterByYear = new Map<number, LocalDate>();
function libraryEaster(year: number): LocalDate {
  const known = easterByYear.get(year);
  if (known) return known;
  const h = dk.getHolidays(year).find((x) => x.name === 'Påskedag');
  if (!h) throw new Error(`no Påskedag in ${year}`);
  const [y, m, day] = h.date.slice(0, 10).split('-').map(Number);
  easterByYear.set(year, d(y!, m!, day!));
  return d(y!, m!, day!);
}

/** The days a board does not meet in 2027 and 2028, by name. */
const NAMED_DAYS_OFF: Record<number, Record<string, string>> = {
  2027: {
    Nytårsdag: '2027-01-01',
    Skærtorsdag: '2027-03-25',
    Langfredag: '2027-03-26',
    Påskedag: '2027-03-28',
    '2. påskedag': '2027-03-29',
    Kristi_Himmelfartsdag: '2027-05-06',
    Pinsedag: '2027-05-16',
    '2. pinsedag': '2027-05-17',
    Grundlovsdag: '2027-06-05',
    Juleaftensdag: '2027-12-24',
    Juledag: '2027-12-25',
    '2. juledag': '2027-12-26',
    Nytårsaftensdag: '2027-12-31',
  },
  2028: {
    Nytårsdag: '2028-01-01',
    Skærtorsdag: '2028-04-13',
    Langfredag: '2028-04-14',
    Påskedag: '2028-04-16',
    '2. påskedag': '2028-04-17',
    Kristi_Himmelfartsdag: '2028-05-25',
    Pinsedag: '2028-06-04',
    '2. pinsedag og Grundlovsdag': '2028-06-05',
    Juleaftensdag: '2028-12-24',
    Juledag: '2028-12-25',
    '2. juledag': '2028-12-26',
    Nytårsaftensdag: '2028-12-31',
  },
};

/** The holiday periods the proposals keep away from, computed here from the library's Easter. */
function inHolidayPeriod(x: LocalDate): boolean {
  const easter = libraryEaster(x.year);
  const inEasterWeek = compareLocalDate(x, addDays(easter, -7)) >= 0 && compareLocalDate(x, addDays(easter, 1)) <= 0;
  return (
    inEasterWeek ||
    [7, 42].includes(isoWeekOf(x)) ||
    x.month === 7 ||
    (x.month === 1 && x.day <= 14) ||
    (x.month === 8 && x.day <= 7) ||
    (x.month === 12 && x.day > 15)
  );
}

describe('danishDaysOff', () => {
  for (const year of [2027, 2028]) {
    for (const [name, iso] of Object.entries(NAMED_DAYS_OFF[year]!)) {
      it(`includes ${name} ${iso}`, () => {
        expect(danishDaysOff(year).has(iso)).toBe(true);
      });
    }

    it(`has exactly the public holidays plus Grundlovsdag, Juleaftensdag and Nytårsaftensdag in ${year}`, () => {
      expect([...danishDaysOff(year)].sort()).toEqual([...new Set(Object.values(NAMED_DAYS_OFF[year]!))].sort());
    });
  }

  it('includes Store Bededag until 2023 and not from 2024, when it was abolished', () => {
    expect(danishDaysOff(2023).has('2023-05-05')).toBe(true);
    expect(danishDaysOff(2024).has('2024-04-26')).toBe(false);
    expect(danishDaysOff(2027).has('2027-04-23')).toBe(false);
    expect(danishDaysOff(2028).has('2028-05-12')).toBe(false);
  });

  it('does not include observances such as Fastelavn, 1. maj and Mors Dag', () => {
    const days = danishDaysOff(2028);
    expect(days.has('2028-02-27')).toBe(false); // Fastelavn
    expect(days.has('2028-05-01')).toBe(false); // 1. maj
    expect(days.has('2028-05-14')).toBe(false); // Mors Dag
  });

  it('holds only ISO dates of the year asked for', () => {
    for (const year of [2025, 2027, 2028, 2040]) {
      for (const iso of danishDaysOff(year)) expect(iso).toMatch(new RegExp(`^${year}-\\d{2}-\\d{2}$`));
    }
  });
});

describe('isMeetingDay', () => {
  const off2028 = danishDaysOff(2028);

  it('accepts an ordinary weekday, including an observance such as 1. maj', () => {
    expect(isMeetingDay(d(2028, 3, 9), off2028)).toBe(true); // Thursday
    expect(isMeetingDay(d(2028, 5, 1), off2028)).toBe(true); // Monday, 1. maj
  });

  it('refuses Saturday and Sunday', () => {
    expect(isMeetingDay(d(2028, 3, 11), off2028)).toBe(false);
    expect(isMeetingDay(d(2028, 3, 12), off2028)).toBe(false);
  });

  it('refuses a day off falling on a weekday', () => {
    expect(isMeetingDay(d(2028, 4, 13), off2028)).toBe(false); // Skærtorsdag
    expect(isMeetingDay(d(2028, 5, 25), off2028)).toBe(false); // Kristi Himmelfartsdag
    expect(isMeetingDay(d(2028, 6, 5), off2028)).toBe(false); // 2. pinsedag and Grundlovsdag
    expect(isMeetingDay(d(2027, 12, 24), danishDaysOff(2027))).toBe(false); // Juleaftensdag, a Friday
    expect(isMeetingDay(d(2027, 12, 31), danishDaysOff(2027))).toBe(false); // Nytårsaftensdag, a Friday
  });

  it('refuses every day of July, the summer holiday', () => {
    for (let day = 1; day <= 31; day++) expect(isMeetingDay(d(2028, 7, day), off2028)).toBe(false);
  });
});

describe('easterSunday', () => {
  it('is 28 March 2027 and 16 April 2028', () => {
    expect(easterSunday(2027)).toEqual(d(2027, 3, 28));
    expect(easterSunday(2028)).toEqual(d(2028, 4, 16));
  });

  it('agrees with date-holidays from 2000 to 2100', () => {
    for (let year = 2000; year <= 2100; year++) expect(easterSunday(year)).toEqual(libraryEaster(year));
  });
});

describe('proposeMeetingDates', () => {
  it('R10: proposes the second Thursday of February, March, May, June, August, September, November and December 2027', () => {
    expect(isos(proposeMeetingDates(2027))).toEqual([
      '2027-02-11',
      '2027-03-11',
      '2027-05-13',
      '2027-06-10',
      '2027-08-12',
      '2027-09-09',
      '2027-11-11',
      '2027-12-09',
    ]);
  });

  it('R10: proposes the second Thursday of February, March, May, June, August, September, November and December 2028', () => {
    expect(isos(proposeMeetingDates(2028))).toEqual([
      '2028-02-10',
      '2028-03-09',
      '2028-05-11',
      '2028-06-08',
      '2028-08-10',
      '2028-09-14',
      '2028-11-09',
      '2028-12-14',
    ]);
  });

  for (const year of [2027, 2028]) {
    it(`R10: proposes no weekend, no Danish public holiday and no July date for ${year}`, () => {
      const off = danishDaysOff(year);
      for (const perQuarter of [1, 2, 3]) {
        for (const weekday of [1, 2, 3, 4, 5]) {
          const proposed = proposeMeetingDates(year, { weekday, perQuarter });
          for (const x of proposed) {
            expect(weekdayOf(x)).toBeLessThanOrEqual(5);
            expect(off.has(isoDate(x))).toBe(false);
            expect(x.month).not.toBe(7);
          }
          const proposedIsos = new Set(isos(proposed));
          for (const iso of Object.values(NAMED_DAYS_OFF[year]!)) expect(proposedIsos.has(iso)).toBe(false);
        }
      }
    });

    it(`R9: proposes two dates in each quarter of ${year}, in different months, by default`, () => {
      const proposed = proposeMeetingDates(year);
      expect(proposed).toHaveLength(8);
      for (const q of [1, 2, 3, 4]) {
        const inQuarter = proposed.filter((x) => quarterOf(x) === q);
        expect(inQuarter).toHaveLength(2);
        expect(new Set(inQuarter.map((x) => x.month)).size).toBe(2);
      }
    });

    it(`R9: proposes perQuarter dates in each quarter of ${year}`, () => {
      for (const perQuarter of [1, 2, 3]) {
        const proposed = proposeMeetingDates(year, { perQuarter });
        expect(proposed).toHaveLength(4 * perQuarter);
        for (const q of [1, 2, 3, 4]) expect(proposed.filter((x) => quarterOf(x) === q)).toHaveLength(perQuarter);
      }
    });

    it(`R10: proposes Thursdays by default in ${year}`, () => {
      for (const x of proposeMeetingDates(year, { perQuarter: 3 })) expect(weekdayOf(x)).toBe(4);
    });

    it(`R10: keeps away from Easter week, the school holidays, early January, early August and late December in ${year}`, () => {
      for (const weekday of [1, 2, 3, 4, 5]) {
        for (const x of proposeMeetingDates(year, { weekday, perQuarter: 3 })) expect(inHolidayPeriod(x)).toBe(false);
      }
    });
  }

  it('R10: the weekday option gives Tuesdays', () => {
    const proposed = proposeMeetingDates(2028, { weekday: 2 });
    expect(proposed).toHaveLength(8);
    for (const x of proposed) expect(weekdayOf(x)).toBe(2);
    expect(isos(proposed)).toEqual([
      '2028-02-08',
      '2028-03-14',
      '2028-05-09',
      '2028-06-13',
      '2028-08-08',
      '2028-09-12',
      '2028-11-14',
      '2028-12-12',
    ]);
  });

  it('R10: moves off Easter week and 2. påskedag to the next occurrence of the weekday (Mondays in April 2028)', () => {
    // Second Monday 10 April is in Easter week (Palm Sunday 9 April); 17 April is 2. påskedag.
    const april = proposeMeetingDates(2028, { weekday: 1, perQuarter: 3 }).filter((x) => x.month === 4);
    expect(isos(april)).toEqual(['2028-04-24']);
  });

  it('R10: moves off Skærtorsdag to the next Thursday (April 2028)', () => {
    const april = proposeMeetingDates(2028, { weekday: 4, perQuarter: 3 }).filter((x) => x.month === 4);
    expect(isos(april)).toEqual(['2028-04-20']);
  });

  it('R10: moves off the school winter holiday (ISO week 7) to the next occurrence', () => {
    // 2026: the second Thursday of February is 12 February, in week 7.
    expect(isoWeekOf(d(2026, 2, 12))).toBe(7);
    const february = proposeMeetingDates(2026).filter((x) => x.month === 2);
    expect(isos(february)).toEqual(['2026-02-19']);
  });

  it('R10: a weekend weekday moves to the next working day', () => {
    for (const weekday of [6, 7]) {
      const off = danishDaysOff(2028);
      const proposed = proposeMeetingDates(2028, { weekday });
      expect(proposed).toHaveLength(8);
      for (const x of proposed) expect(isMeetingDay(x, off)).toBe(true);
    }
  });

  it('R10: a day that already holds a planned meeting is not proposed: the window\'s next meeting day is', () => {
    const proposed = isos(proposeMeetingDates(2027, { occupied: new Set(['2027-12-09', '2027-06-10', '2027-06-17']) }));
    expect(proposed).toEqual(['2027-02-11', '2027-03-11', '2027-05-13', '2027-06-24', '2027-08-12', '2027-09-09', '2027-11-11', '2027-12-10']);
  });

  it('R10: a window whose every meeting day holds a meeting proposes nothing', () => {
    const december = ['2027-12-08', '2027-12-09', '2027-12-10', '2027-12-13', '2027-12-14', '2027-12-15'];
    expect(isos(proposeMeetingDates(2027, { occupied: new Set(december) }))).toEqual(['2027-02-11', '2027-03-11', '2027-05-13', '2027-06-10', '2027-08-12', '2027-09-09', '2027-11-11']);
  });

  it('refuses a weekday outside 1-7 and a perQuarter outside 1-3', () => {
    expect(() => proposeMeetingDates(2028, { weekday: 0 })).toThrow(RangeError);
    expect(() => proposeMeetingDates(2028, { weekday: 8 })).toThrow(RangeError);
    expect(() => proposeMeetingDates(2028, { weekday: 2.5 })).toThrow(RangeError);
    expect(() => proposeMeetingDates(2028, { perQuarter: 0 })).toThrow(RangeError);
    expect(() => proposeMeetingDates(2028, { perQuarter: 4 })).toThrow(RangeError);
  });

  it('R9/R10: every proposal is a meeting day on the weekday, distinct, sorted, outside holiday periods, covering all four quarters (2025-2040)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2025, max: 2040 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 3 }),
        (year, weekday, perQuarter) => {
          const off = danishDaysOff(year);
          const proposed = proposeMeetingDates(year, { weekday, perQuarter });
          expect(proposed).toHaveLength(4 * perQuarter);
          for (const x of proposed) {
            expect(x.year).toBe(year);
            expect(isMeetingDay(x, off)).toBe(true);
            expect(weekdayOf(x)).toBe(weekday);
            expect(inHolidayPeriod(x)).toBe(false);
          }
          const list = isos(proposed);
          expect(new Set(list).size).toBe(list.length);
          expect([...list].sort()).toEqual(list);
          for (const q of [1, 2, 3, 4]) expect(proposed.filter((x) => quarterOf(x) === q)).toHaveLength(perQuarter);
          // Deterministic: the same year and options give the same dates.
          expect(isos(proposeMeetingDates(year, { weekday, perQuarter }))).toEqual(list);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('another country than Denmark (R10, board.country)', () => {
  it('R10: DK is Denmark\'s days off, the default', () => {
    for (const year of [2023, 2027, 2028]) {
      expect([...daysOff(year, 'DK')].sort()).toEqual([...danishDaysOff(year)].sort());
      expect([...daysOff(year)].sort()).toEqual([...danishDaysOff(year)].sort());
    }
  });

  it('R10: DK is as before: the first day of each public holiday date-holidays lists, Grundlovsdag, 24 and 31 December (2000-2100)', () => {
    for (let year = 2000; year <= 2100; year++) {
      const before = new Set(dk.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
      for (const md of ['06-05', '12-24', '12-31']) before.add(`${year}-${md}`);
      expect([...daysOff(year, 'DK')].sort(), String(year)).toEqual([...before].sort());
    }
  });

  it('R10: GB 2027: its public holidays (type public in date-holidays), with 24, 25, 26, 31 December and 1 January; not Grundlovsdag, not a Danish holiday', () => {
    expect([...daysOff(2027, 'GB')].sort()).toEqual([
      '2027-01-01', // New Year's Day
      '2027-03-26', // Good Friday
      '2027-03-29', // Easter Monday
      '2027-05-03', // Early May bank holiday
      '2027-05-31', // Spring bank holiday
      '2027-12-24',
      '2027-12-25', // Christmas Day (a Saturday)
      '2027-12-26', // Boxing Day (a Sunday)
      '2027-12-27', // Christmas Day (substitute day)
      '2027-12-28', // Boxing Day (substitute day)
      '2027-12-31',
    ]);
    const gb = daysOff(2027, 'GB');
    for (const iso of ['2027-06-05', '2027-03-25', '2027-05-06', '2027-05-17']) expect(gb.has(iso), iso).toBe(false); // Grundlovsdag, Skaertorsdag, Kristi Himmelfart, 2. pinsedag
    expect(isMeetingDay(d(2027, 5, 3), gb)).toBe(false);
    expect(isMeetingDay(d(2027, 5, 31), gb)).toBe(false);
    expect(isMeetingDay(d(2027, 3, 29), gb)).toBe(false);
    expect(isMeetingDay(d(2027, 5, 6), gb)).toBe(true);
    expect(isMeetingDay(d(2027, 7, 15), gb)).toBe(false); // July stays the summer holiday
  });

  it('R10: a public holiday of several days is off on each of them (Eid al-Fitr in the United Arab Emirates, 2027)', () => {
    const lib = new Holidays('AE').getHolidays(2027).find((h) => h.type === 'public' && (h.end.getTime() - h.start.getTime()) / 86_400_000 >= 3)!;
    const first = lib.date.slice(0, 10);
    const [y, m, day] = first.split('-').map(Number);
    const off = daysOff(2027, 'AE');
    for (let i = 0; i < 3; i++) expect(off.has(isoDate(addDays(d(y!, m!, day!), i))), `day ${i + 1} of ${lib.name}`).toBe(true);
    expect(off.has(isoDate(addDays(d(y!, m!, day!), 3)))).toBe(false);
  });

  it('R10: GB 2026: the Danish school winter week (7) and Kristi Himmelfartsdag are proposed; Denmark keeps away from them', () => {
    expect(isos(proposeMeetingDates(2026, { country: 'GB' }))).toEqual([
      '2026-02-12', // week 7
      '2026-03-12',
      '2026-05-14', // Kristi Himmelfartsdag
      '2026-06-11',
      '2026-08-13',
      '2026-09-10',
      '2026-11-12',
      '2026-12-10',
    ]);
    const dk = isos(proposeMeetingDates(2026));
    expect(dk).toContain('2026-02-19');
    expect(dk).toContain('2026-05-21');
    expect(dk).not.toContain('2026-02-12');
    expect(dk).not.toContain('2026-05-14');
  });

  it('R10: GB: the autumn school week (42) may be proposed (Mondays in October 2026)', () => {
    expect(isoWeekOf(d(2026, 10, 12))).toBe(42);
    const october = (country?: string) => isos(proposeMeetingDates(2026, { weekday: 1, perQuarter: 3, ...(country ? { country } : {}) }).filter((x) => x.month === 10));
    expect(october('GB')).toEqual(['2026-10-12']);
    expect(october()).toEqual(['2026-10-19']);
  });

  it('R10: GB 2027: Easter week may be proposed, Easter Monday never (Mondays in March)', () => {
    const march = (occupied: string[], country?: string) =>
      isos(proposeMeetingDates(2027, { weekday: 1, occupied: new Set(occupied), ...(country ? { country } : {}) }).filter((x) => x.month === 3));
    // 22 March is in Easter week (Palm Sunday 21 March): a Danish board does not meet then, a British one may.
    expect(march(['2027-03-08', '2027-03-15'], 'GB')).toEqual(['2027-03-22']);
    expect(march(['2027-03-08', '2027-03-15'])).toEqual(['2027-03-09']);
    // 29 March, Easter Monday, is a public holiday in GB: the window's next meeting day instead.
    expect(march(['2027-03-08', '2027-03-15', '2027-03-22'], 'GB')).toEqual(['2027-03-09']);
  });

  it('R10: GB 2027: the spring bank holiday (31 May) is not proposed; in Denmark it is an ordinary Monday', () => {
    const may = (country?: string) =>
      isos(proposeMeetingDates(2027, { weekday: 1, occupied: new Set(['2027-05-10', '2027-05-17', '2027-05-24']), ...(country ? { country } : {}) }).filter((x) => x.month === 5));
    expect(may('GB')).toEqual(['2027-05-11']);
    expect(may()).toEqual(['2027-05-31']);
  });

  it('R9/R10: every country date-holidays knows gets its proposals: meeting days by its days off, perQuarter in each quarter (2025-2040)', () => {
    const countries = Object.keys(new Holidays().getCountries());
    fc.assert(
      fc.property(
        fc.constantFrom(...countries),
        fc.integer({ min: 2025, max: 2040 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 3 }),
        (country, year, weekday, perQuarter) => {
          const off = daysOff(year, country);
          const proposed = proposeMeetingDates(year, { weekday, perQuarter, country });
          expect(proposed).toHaveLength(4 * perQuarter);
          for (const x of proposed) expect(isMeetingDay(x, off), `${country} ${isoDate(x)}`).toBe(true);
          for (const [month, day] of [[12, 24], [12, 25], [12, 26], [12, 31], [1, 1]] as const) expect(off.has(isoDate(d(year, month, day)))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
