/**
 * Proposed dates for next year's ordinary meetings (R9, R10): the dates the
 * date-planning poll (`date-planning.ts`) offers the board at the last meeting
 * of the year.
 *
 * Pure calendar work: the year is a parameter, nothing reads the wall clock,
 * and the results are data (local dates and ISO strings), never text.
 * The board's country (`board.country`, default DK) gives its days off: its
 * public holidays come from date-holidays; Easter is computed.
 */
import type Holidays from 'date-holidays';
import { DEFAULT_COUNTRY } from './kernel/board.js';
import { type LocalDate, addDays, compareLocalDate, daysInMonth, isoDate, isoWeekOf, weekdayOf } from './kernel/calendar.js';

export interface ProposalOptions {
  /** The board's usual weekday, 1 = Monday … 7 = Sunday. Default 4 (Thursday). */
  readonly weekday?: number;
  /** Proposals per quarter, 1–3. Default 2. */
  readonly perQuarter?: number;
  /** ISO local dates ("2027-12-09") that already hold a planned meeting: never proposed. */
  readonly occupied?: ReadonlySet<string>;
  /** The board's country (ISO 3166-1 alpha-2, one date-holidays knows: holiday-countries.ts). Default DK. */
  readonly country?: string;
}

export const DEFAULT_PROPOSAL_WEEKDAY = 4;
export const DEFAULT_PROPOSALS_PER_QUARTER = 2;
export const MAX_PROPOSALS_PER_QUARTER = 3;

// ---------------------------------------------------------------------------
// Days off

/** date-holidays for each country asked about, made once. */
const holidaysByCountry = new Map<string, Holidays>();

/**
 * date-holidays (the rules of every country, some 20 MB in memory) is loaded on the first
 * question about days off, not when the bot starts (issue 12): a synchronous require, the
 * same module an import would give. One instance per country, kept.
 */
function holidaysOf(country: string): Holidays {
  let holidays = holidaysByCountry.get(country);
  if (!holidays) {
    const { createRequire } = process.getBuiltinModule('node:module');
    const HolidaysOf = createRequire(import.meta.url)('date-holidays') as typeof Holidays;
    holidays = new HolidaysOf(country);
    holidaysByCountry.set(country, holidays);
  }
  return holidays;
}

/**
 * Customary days off that date-holidays lists only as observances
 * (Grundlovsdag, Juleaftensdag) or not at all (Nytaarsaftensdag): month, day.
 */
const DANISH_CUSTOMARY_DAYS_OFF: readonly (readonly [number, number])[] = [
  [6, 5], // Grundlovsdag
  [12, 24], // Juleaftensdag
  [12, 31], // Nytaarsaftensdag
];

/**
 * Another country's board does not meet on Christmas Eve, Christmas Day, Boxing Day, New
 * Year's Eve or New Year's Day either, whether its public holidays include them or not.
 */
const CHRISTMAS_AND_NEW_YEAR: readonly (readonly [number, number])[] = [
  [12, 24],
  [12, 25],
  [12, 26],
  [12, 31],
  [1, 1],
];

/**
 * The ISO local dates ("2028-06-05") of `year` on which a Danish board does not
 * meet: every `public` holiday date-holidays lists for DK (from 2024 without
 * Store Bededag, which was abolished), plus Grundlovsdag (5 June),
 * Juleaftensdag (24 December) and Nytaarsaftensdag (31 December). Other
 * observances (Fastelavn, 1. maj, Mors Dag) are ordinary days.
 */
export function danishDaysOff(year: number): ReadonlySet<string> {
  return daysOff(year, DEFAULT_COUNTRY);
}

/**
 * The ISO local dates of `year` on which a board of `country` (ISO 3166-1 alpha-2, one
 * date-holidays knows; default DK) does not meet. DK: danishDaysOff. Another country: every
 * `public` holiday date-holidays lists for it (each day of one that lasts several), plus 24,
 * 25, 26 and 31 December and 1 January; its observances are ordinary days.
 */
export function daysOff(year: number, country: string = DEFAULT_COUNTRY): ReadonlySet<string> {
  const key = `${country} ${year}`;
  let days = daysOffByYear.get(key);
  if (days) return days;
  days = computeDaysOff(year, country);
  if (daysOffByYear.size >= DAYS_OFF_YEARS_KEPT) daysOffByYear.delete(daysOffByYear.keys().next().value!);
  daysOffByYear.set(key, days);
  return days;
}

/**
 * The days off of the countries and years asked about lately: date-holidays takes a millisecond
 * or two per year, and a year's proposals and checks ask many times. A year's days off never change.
 */
const daysOffByYear = new Map<string, ReadonlySet<string>>();
const DAYS_OFF_YEARS_KEPT = 64;

const HOUR_MS = 3_600_000;

function computeDaysOff(year: number, country: string): ReadonlySet<string> {
  const days = new Set<string>();
  for (const h of holidaysOf(country).getHolidays(year)) {
    if (h.type !== 'public') continue;
    // `date` is the local start, "YYYY-MM-DD hh:mm:ss", in the country's zone; `end` an instant.
    // A holiday of several days (a three-day Eid) is off on each local day it touches; the
    // hour's slack absorbs a change of clocks within it (Easter Sunday lasts 23 hours).
    const [y, m, d] = h.date.slice(0, 10).split('-').map(Number) as [number, number, number];
    const startHour = Number(h.date.slice(11, 13)) + Number(h.date.slice(14, 16)) / 60;
    const endHour = startHour + (h.end.getTime() - h.start.getTime()) / HOUR_MS;
    const count = Math.max(1, Math.ceil((endHour - 1) / 24));
    for (let i = 0; i < count; i++) days.add(isoDate(addDays({ year: y, month: m, day: d }, i)));
  }
  const customary = country === DEFAULT_COUNTRY ? DANISH_CUSTOMARY_DAYS_OFF : CHRISTMAS_AND_NEW_YEAR;
  for (const [month, day] of customary) days.add(isoDate({ year, month, day }));
  return days;
}

/**
 * A day the board can meet: Monday to Friday, not in `daysOff` (ISO dates, as
 * from `daysOff`), and not in July (the board's summer holiday).
 */
export function isMeetingDay(date: LocalDate, daysOff: ReadonlySet<string>): boolean {
  return weekdayOf(date) <= 5 && date.month !== 7 && !daysOff.has(isoDate(date));
}

// ---------------------------------------------------------------------------
// Holiday periods the proposals keep away from

/** Easter Sunday of `year` (Gregorian; the anonymous Meeus/Jones/Butcher algorithm). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** ISO weeks of the usual school holidays in Zealand: winter (vinterferie) and autumn (efteraarsferie). */
const SCHOOL_HOLIDAY_WEEKS: readonly number[] = [7, 42];

/**
 * A Danish holiday period around `date` that a Danish board's proposal avoids even
 * on a meeting day: Easter week (Palm Sunday to 2. paaskedag) and the school winter
 * and autumn holidays (ISO weeks 7 and 42). Another country's board keeps away from
 * its public holidays and July only. July, the first week of August, the first half
 * of January and the days after 15 December are kept out by the windows below, for
 * every board.
 */
function inHolidayPeriod(date: LocalDate, easter: LocalDate): boolean {
  if (compareLocalDate(date, addDays(easter, -7)) >= 0 && compareLocalDate(date, addDays(easter, 1)) <= 0) return true;
  return SCHOOL_HOLIDAY_WEEKS.includes(isoWeekOf(date));
}

// ---------------------------------------------------------------------------
// Proposals

/** A window of days in one month: `from` to `to` (inclusive; `to` is capped at the month's end). */
interface Window {
  readonly month: number;
  readonly from: number;
  readonly to: number;
}

const END = 31;

/**
 * Per quarter, the windows in order of preference; the first `perQuarter` are
 * used. Windows never overlap, so the proposals are distinct.
 */
const QUARTER_WINDOWS: readonly (readonly Window[])[] = [
  // Q1: February and March; late January (after the first half) only for a third date.
  [{ month: 2, from: 8, to: END }, { month: 3, from: 8, to: END }, { month: 1, from: 15, to: END }],
  // Q2: May and June; April (outside Easter week) only for a third date.
  [{ month: 5, from: 8, to: END }, { month: 6, from: 8, to: END }, { month: 4, from: 8, to: END }],
  // Q3: August after its first week, and September; never July. A third date is late September.
  [{ month: 8, from: 8, to: END }, { month: 9, from: 8, to: 21 }, { month: 9, from: 22, to: END }],
  // Q4: November and early December (not after the 15th); October only for a third date.
  [{ month: 11, from: 8, to: END }, { month: 12, from: 8, to: 15 }, { month: 10, from: 8, to: END }],
];

function daysOfWindow(year: number, w: Window): LocalDate[] {
  const to = Math.min(w.to, daysInMonth(year, w.month));
  const days: LocalDate[] = [];
  for (let day = w.from; day <= to; day++) days.push({ year, month: w.month, day });
  return days;
}

/**
 * The proposal in one window: the first occurrence of `weekday` on or after the
 * window's first day; failing that the later occurrences in the window in
 * order; failing all of them, the days after the first occurrence one by one
 * (the next days of the same week first), then the window's days before it.
 * Each must be `ok` (a meeting day) and `free` (no meeting planned on it); none
 * free, none proposed.
 */
function proposeInWindow(year: number, w: Window, weekday: number, ok: (d: LocalDate) => boolean, free: (d: LocalDate) => boolean): LocalDate | undefined {
  const days = daysOfWindow(year, w);
  const first = days.findIndex((d) => weekdayOf(d) === weekday);
  const occurrences = days.filter((d) => weekdayOf(d) === weekday);
  const fallback = [...days.slice(first + 1), ...days.slice(0, Math.max(first, 0))];
  const candidates = [...occurrences, ...fallback].filter(ok);
  // Every window holds at least six working days outside holiday periods.
  if (candidates.length === 0) throw new Error(`no meeting day in ${year}-${w.month} ${w.from}-${w.to}`);
  // A window whose every meeting day already holds a meeting proposes nothing.
  return candidates.find(free);
}

/**
 * R9/R10: proposed dates for the ordinary meetings of `year`, `perQuarter` in
 * each quarter, in date order and all distinct, for the board to choose from.
 *
 * Placement rule. Each quarter has fixed windows, in different months where
 * the quarter allows, taken in this order:
 * - Q1: February from the 8th; March from the 8th; (third) 15–31 January.
 * - Q2: May from the 8th; June from the 8th; (third) April from the 8th.
 * - Q3: August from the 8th; 8–21 September; (third) 22–30 September. Never July.
 * - Q4: November from the 8th; 8–15 December; (third) October from the 8th.
 *
 * In each window the proposal is the first occurrence of `weekday` on or after
 * the window's first day (from the 8th: the month's second occurrence). If that
 * day is not acceptable, the next occurrence in the window is tried, and so on;
 * if none is, the days after the first occurrence one by one (the next
 * weekdays of that week first), then the window's earlier days. A day is
 * acceptable when it `isMeetingDay` (Monday–Friday, not a day off of the board's
 * `country`, not July), for a Danish board (DK, the default) is outside Easter week
 * (Palm Sunday to 2. paaskedag, computed) and the school winter and autumn holidays
 * (ISO weeks 7 and 42) too, and holds no planned meeting yet (`occupied`: the board does not meet twice on a day it
 * has planned already; a window whose every acceptable day is occupied
 * proposes nothing).
 *
 * A weekend `weekday` (6, 7) therefore gives the next working day after it.
 * Throws a RangeError for a weekday outside 1–7 or perQuarter outside 1–3.
 */
export function proposeMeetingDates(year: number, options: ProposalOptions = {}): LocalDate[] {
  const weekday = options.weekday ?? DEFAULT_PROPOSAL_WEEKDAY;
  const perQuarter = options.perQuarter ?? DEFAULT_PROPOSALS_PER_QUARTER;
  if (!Number.isInteger(year)) throw new RangeError(`not a year: ${year}`);
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) throw new RangeError(`not a weekday 1-7: ${weekday}`);
  if (!Number.isInteger(perQuarter) || perQuarter < 1 || perQuarter > MAX_PROPOSALS_PER_QUARTER) {
    throw new RangeError(`perQuarter must be 1-${MAX_PROPOSALS_PER_QUARTER}: ${perQuarter}`);
  }

  const country = options.country ?? DEFAULT_COUNTRY;
  const off = daysOff(year, country);
  const easter = easterSunday(year);
  const danish = country === DEFAULT_COUNTRY;
  const ok = (d: LocalDate) => isMeetingDay(d, off) && !(danish && inHolidayPeriod(d, easter));
  const occupied = options.occupied ?? new Set<string>();
  const free = (d: LocalDate) => !occupied.has(isoDate(d));

  return QUARTER_WINDOWS.flatMap((windows) => windows.slice(0, perQuarter))
    .map((w) => proposeInWindow(year, w, weekday, ok, free))
    .filter((d): d is LocalDate => d !== undefined)
    .sort(compareLocalDate);
}
