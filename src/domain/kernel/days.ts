/**
 * Pure calendar days: local dates without a zone, and arithmetic on them (plain day
 * numbers, days since 1970-01-01 in the proleptic Gregorian calendar as `Date` counts
 * them). `calendar.ts` adds zones, parsing and the board's deadlines, and re-exports these.
 */

export interface LocalDate {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  /** 1-31 */
  readonly day: number;
}

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The number of days in `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** A day and month that exist in some year (29 February does, 30 February does not). */
export function isRealDayMonth(month: number, day: number): boolean {
  return isRealDate(2000, month, day);
}

/** Plain arithmetic on day numbers: a luxon value per step made a year's date proposals (thousands of steps) slow. */
const MS_PER_DAY = 86_400_000;
const utcDay = (year: number, month: number, day: number): number => new Date(0).setUTCFullYear(year, month - 1, day) / MS_PER_DAY;
const dayNumber = (d: LocalDate): number => utcDay(d.year, d.month, d.day);
function fromDayNumber(n: number): LocalDate {
  const at = new Date(n * MS_PER_DAY);
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
}

export function addDays(d: LocalDate, n: number): LocalDate {
  return fromDayNumber(dayNumber(d) + n);
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export function weekdayOf(d: LocalDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(d) + 3) % 7) + 7) % 7) + 1;
}

/** The ISO 8601 week number (1-53): the week's Thursday decides its year. */
export function isoWeekOf(d: LocalDate): number {
  const thursday = dayNumber(d) - weekdayOf(d) + 4;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  return Math.floor((thursday - utcDay(year, 1, 1)) / 7) + 1;
}

/** Negative when `a` is before `b`, 0 when the same day, positive when after. */
export function compareLocalDate(a: LocalDate, b: LocalDate): number {
  return Math.sign(a.year - b.year || a.month - b.month || a.day - b.day);
}

/** "2026-12-10" */
export function isoDate(d: LocalDate): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}
