/**
 * Dates and times as the board writes them (PRODUCT.md section 1) and the
 * moments the kommissorium asks for: the agenda deadline (R13) and the reminders
 * before a meeting. The annual date-planning reminders (R10) are date-planning-season.ts's.
 *
 * Instants are UTC `Date`s; a `LocalDate`/`LocalTime` is a wall-clock reading
 * in the board's time zone. Calendar arithmetic happens on local dates, so a
 * reminder "at 09:00, N days before" stays at 09:00 local across a
 * daylight-saving change. `now` is always a parameter: nothing here reads the
 * wall clock. Expected failures are reason codes, never user text.
 *
 * Time-zone rules come from luxon (IANA data via Intl). An unknown zone is a
 * configuration error (the board file is validated), so it throws.
 */
import { DateTime } from 'luxon';
import type { Policies } from './board.js';
import { type LocalDate, addDays, compareLocalDate, daysInMonth, isRealDate, isRealDayMonth, isoDate } from './days.js';
import { type Result, ok, refuse } from './result.js';

export interface LocalTime {
  /** 0-23 */
  readonly hour: number;
  /** 0-59 */
  readonly minute: number;
}

export type DateRefusal = 'bad-date' | 'impossible-date';
export type TimeRefusal = 'bad-time';
/** A wall time the zone's clocks skip that night (put forward to summer time): no instant shows it. */
export type WallTimeRefusal = 'nonexistent-time';
export type MeetingDateTimeRefusal = DateRefusal | TimeRefusal | WallTimeRefusal | 'missing-time' | 'in-past';

// ---------------------------------------------------------------------------
// Calendar days (days.ts), re-exported: pure calendar, no zone involved

export { type LocalDate, addDays, compareLocalDate, daysInMonth, isoDate, isoWeekOf, weekdayOf } from './days.js';

/** The local date of an instant in `zone`, ISO ("2026-12-10"). */
export function localIsoDate(at: Date, zone: string): string {
  return isoDate(localDateOf(at, zone));
}

// ---------------------------------------------------------------------------
// Zone conversions

function inZone(at: Date, zone: string): DateTime {
  const dt = DateTime.fromJSDate(at, { zone });
  if (!dt.isValid) throw new RangeError(`invalid time zone or instant: ${zone} (${dt.invalidReason ?? ''})`);
  return dt;
}

/**
 * The local readings of the instants lately asked about. Reading an instant in a zone asks
 * Intl for the zone's offset (some 20 µs), and the same instants come back again and again
 * (a meeting's start, read for every other meeting of its year when agendas are laid out).
 * An instant's reading in a zone never changes; the values are frozen and shared.
 */
const localReadings = new Map<string, { readonly date: LocalDate; readonly time: LocalTime }>();
const LOCAL_READINGS_KEPT = 4096;

function localReading(at: Date, zone: string): { readonly date: LocalDate; readonly time: LocalTime } {
  const key = `${zone} ${at.getTime()}`;
  let reading = localReadings.get(key);
  if (reading) return reading;
  const dt = inZone(at, zone);
  reading = Object.freeze({
    date: Object.freeze({ year: dt.year, month: dt.month, day: dt.day }),
    time: Object.freeze({ hour: dt.hour, minute: dt.minute }),
  });
  if (localReadings.size >= LOCAL_READINGS_KEPT) localReadings.delete(localReadings.keys().next().value!);
  localReadings.set(key, reading);
  return reading;
}

/** The local calendar date of an instant in `zone`. */
export function localDateOf(at: Date, zone: string): LocalDate {
  return localReading(at, zone).date;
}

/** The local wall time (hour and minute) of an instant in `zone`. */
export function localTimeOf(at: Date, zone: string): LocalTime {
  return localReading(at, zone).time;
}

/**
 * The instant at which the wall clock in `zone` shows `date` `time`.
 *
 * - A wall time that does not exist (the spring-forward gap, e.g. 02:30 on
 *   29 March 2026 in Copenhagen) follows luxon: it is moved forward by the
 *   length of the gap, so 02:30 becomes 03:30 CEST (01:30Z). The local reading
 *   of the result is then not the one asked for. A time people type is
 *   checked first (wallTimeExists): it is refused, never moved.
 * - A wall time that occurs twice (the fall-back overlap, e.g. 02:30 on
 *   25 October 2026 in Copenhagen) gives the first occurrence, still on summer
 *   time (02:30 CEST = 00:30Z). Luxon alone would give the second one.
 */
export function toInstant(date: LocalDate, time: LocalTime, zone: string): Date {
  const dt = DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, hour: time.hour, minute: time.minute },
    { zone },
  );
  if (!dt.isValid) throw new RangeError(`invalid local date-time or time zone: ${isoDate(date)} ${time.hour}:${time.minute} ${zone} (${dt.invalidReason ?? ''})`);
  const earliest = Math.min(dt.toMillis(), ...dt.getPossibleOffsets().map((p) => p.toMillis()));
  return new Date(earliest);
}

/**
 * Whether the wall clock in `zone` ever shows `date` `time`: not when it falls in the hour the
 * clocks skip as they are put forward (02.00-02.59 on the last Sunday of March in Copenhagen).
 * A time that occurs twice (put back) exists: toInstant takes the first.
 */
export function wallTimeExists(date: LocalDate, time: LocalTime, zone: string): boolean {
  const shown = localReading(toInstant(date, time, zone), zone);
  return compareLocalDate(shown.date, date) === 0 && shown.time.hour === time.hour && shown.time.minute === time.minute;
}

/** `date` `time` in `zone` as an instant, unless the wall clock skips that time that night (wallTimeExists). */
export function existingInstant(date: LocalDate, time: LocalTime, zone: string): Result<Date, WallTimeRefusal> {
  return wallTimeExists(date, time, zone) ? ok(toInstant(date, time, zone)) : refuse('nonexistent-time');
}

// ---------------------------------------------------------------------------
// Parsing what people type

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** 10-12-2026, 10.12.2026, 10/12/2026: one separator throughout. */
const DMY_DATE = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4})$/;
/** 10/12, 10.12 and 10.12. (the trailing dot only with dots). */
const DM_DATE = /^(\d{1,2})(?:\/(\d{1,2})|\.(\d{1,2})\.?)$/;

/**
 * A day counted from today in the board's zone, as the commands pass it on: the noncharacter
 * U+FFFF and `0` today, `1` the day after. The words that name it (»i morgen«, »tomorrow«) are the
 * language's, read where the command is read; the day is known only here, with the clock's reading.
 * No typed text holds U+FFFF (Unicode keeps it for a program's own use, and every text read from
 * Teams is made storable, which drops it), so no one can type the token: `dagsorden +1` is no date.
 */
const DAYS_FROM_TODAY = /^\uFFFF(\d{1,2})$/;

/** The date text of the day `days` after today (`relativeDate(1)`: tomorrow), which parseDate reads with `now`. */
export const relativeDate = (days: number): string => `\uFFFF${days}`;

/** How many days after today a date text of relativeDate names; undefined for any other date text. */
export function daysFromToday(text: string): number | undefined {
  const relative = DAYS_FROM_TODAY.exec(text.trim());
  return relative ? Number(relative[1]) : undefined;
}

/** A date text whose year is given or fixed by `now`: not a year-less day and month (10/12). */
const yearKnown = (text: string): boolean => /\d{4}/.test(text) || daysFromToday(text) !== undefined;

/** How many years ahead a year-less day and month can be: 29 February may skip 2100. */
const MAX_YEARS_AHEAD = 8;

/**
 * A date as typed: `2026-12-10`, `10-12-2026`, `10.12.2026`, `10/12/2026`, and
 * the year-less `10/12`, `10.12`, `10.12.` meaning the next such date on or
 * after today in `zone` (today counts). Day and month may have one digit.
 * Years have four digits. A day counted from today (relativeDate) is that day in `zone`.
 */
export function parseDate(text: string, now: Date, zone: string): Result<LocalDate, DateRefusal> {
  const s = text.trim();

  const days = daysFromToday(s);
  if (days !== undefined) return ok(addDays(localDateOf(now, zone), days));

  const full = ISO_DATE.exec(s);
  if (full) return checkedDate(Number(full[1]), Number(full[2]), Number(full[3]));

  const dmy = DMY_DATE.exec(s);
  if (dmy) return checkedDate(Number(dmy[4]), Number(dmy[3]), Number(dmy[1]));

  const dm = DM_DATE.exec(s);
  if (dm) {
    const day = Number(dm[1]);
    const month = Number(dm[2] ?? dm[3]);
    if (!isRealDayMonth(month, day)) return refuse('impossible-date');
    const today = localDateOf(now, zone);
    for (let year = today.year; year <= today.year + MAX_YEARS_AHEAD; year++) {
      if (!isRealDate(year, month, day)) continue;
      const candidate = { year, month, day };
      if (compareLocalDate(candidate, today) >= 0) return ok(candidate);
    }
    return refuse('impossible-date');
  }

  return refuse('bad-date');
}

function checkedDate(year: number, month: number, day: number): Result<LocalDate, DateRefusal> {
  return isRealDate(year, month, day) ? ok({ year, month, day }) : refuse('impossible-date');
}

/**
 * `14:00`, `14.00`, `9:05`; an hour after `kl.`, `kl `, `kl.` with no space or `at ` (`kl. 14`, `at 14.30`);
 * the 12-hour clock (`2:30 pm`, `2pm`, `11 a.m.`; `12 am` is midnight); any case. A bare number (`14`, `7`)
 * is no time (README "Times"): `moede 10-04-2027 7` is refused, not planned at 07.00.
 */
const TIME = /^(kl\.\s*|kl\s+|at\s+)?(\d{1,2})(?:[:.](\d{2}))?(?:\s*([ap])\.?m\.?)?$/;

export function parseTime(text: string): Result<LocalTime, TimeRefusal> {
  const [, marker, hourText, minuteText, half] = TIME.exec(text.trim().toLowerCase()) ?? [];
  if (hourText === undefined || (!marker && minuteText === undefined && !half)) return refuse('bad-time');
  const typed = Number(hourText);
  const hour = half ? (typed % 12) + (half === 'p' ? 12 : 0) : typed;
  const minute = Number(minuteText ?? 0);
  if ((half && (typed < 1 || typed > 12)) || hour > 23 || minute > 59) return refuse('bad-time');
  return ok({ hour, minute });
}

/**
 * A policy time such as "09:00", already validated by the configuration.
 * A malformed one is a programming or configuration error, so it throws.
 */
export function parseHhmm(s: string): LocalTime {
  const m = /^(\d{2}):(\d{2})$/.exec(s);
  const hour = Number(m?.[1]);
  const minute = Number(m?.[2]);
  if (!m || hour > 23 || minute > 59) throw new RangeError(`not an HH:mm time: ${JSON.stringify(s)}`);
  return { hour, minute };
}

/**
 * A meeting's start from the date and time as typed (PRODUCT §1.2: `moede <dato> <tid>`). The
 * time is required: no time is `missing-time`, never the board's `meetingTime` (that is the
 * time of the meetings a date poll plans, R10). A time the clocks skip that night is
 * `nonexistent-time` (not moved on an hour); one that occurs twice is the first. A start not
 * after `now` is refused.
 */
export function parseMeetingDateTime(
  dateText: string,
  timeText: string | undefined,
  now: Date,
  zone: string,
): Result<Date, MeetingDateTimeRefusal> {
  const date = parseDate(dateText, now, zone);
  if (!date.ok) return date;
  if (timeText === undefined || timeText.trim() === '') return refuse('missing-time');
  const time = parseTime(timeText);
  if (!time.ok) return time;
  const start = existingInstant(date.value, time.value, zone);
  if (!start.ok) return start;
  return start.value.getTime() > now.getTime() ? start : refuse('in-past');
}

// ---------------------------------------------------------------------------
// Deadlines and reminders around a meeting (R13), each at postingTime local

/** `postingTime` local on the day `daysBefore` days before the meeting's local date. */
function postingTimeBefore(meetingStart: Date, daysBefore: number, postingTime: string, zone: string): Date {
  const day = addDays(localDateOf(meetingStart, zone), -daysBefore);
  return toInstant(day, parseHhmm(postingTime), zone);
}

/** R13: the agenda goes out at `postingTime`, `agendaLeadDays` days before the meeting's date. */
export function agendaDeadline(
  meetingStart: Date,
  policies: Pick<Policies, 'agendaLeadDays' | 'postingTime'>,
  zone: string,
): Date {
  return postingTimeBefore(meetingStart, policies.agendaLeadDays, policies.postingTime, zone);
}

/** The chair and secretary are reminded `agendaReminderDays` days before the meeting's date. */
export function agendaReminderAt(
  meetingStart: Date,
  policies: Pick<Policies, 'agendaReminderDays' | 'postingTime'>,
  zone: string,
): Date {
  return postingTimeBefore(meetingStart, policies.agendaReminderDays, policies.postingTime, zone);
}

/**
 * R13: the chair and secretary's reminder to prepare the agenda is of use until the agenda goes
 * out at its deadline (reminders.ts): caught up or held up past it, it is not sent.
 */
export function agendaReminderUntil(
  meetingStart: Date,
  policies: Pick<Policies, 'agendaLeadDays' | 'postingTime'>,
  zone: string,
): Date {
  return agendaDeadline(meetingStart, policies, zone);
}

/** The reminder linking to the agenda, on the day before the meeting. */
export function dayBeforeReminderAt(meetingStart: Date, policies: Pick<Policies, 'postingTime'>, zone: string): Date {
  return postingTimeBefore(meetingStart, 1, policies.postingTime, zone);
}

/** R13: the board's reminder the day before is of use until the meeting begins (reminders.ts). */
export function dayBeforeReminderUntil(meetingStart: Date): Date {
  return meetingStart;
}

/**
 * R13: the meeting's day as the day-before reminder names it, in the board's zone: `today`
 * when it goes out on the meeting's own date (caught up after an outage), else `tomorrow`
 * (it is never sent before the day before: dayBeforeReminderAt).
 */
export function dayBeforeReminderDay(meetingStart: Date, now: Date, zone: string): 'today' | 'tomorrow' {
  return compareLocalDate(localDateOf(now, zone), localDateOf(meetingStart, zone)) >= 0 ? 'today' : 'tomorrow';
}

/** R13: an agenda sent after its deadline is late; sent exactly at the deadline is not. */
export function isAgendaLate(
  meetingStart: Date,
  sentAt: Date,
  policies: Pick<Policies, 'agendaLeadDays' | 'postingTime'>,
  zone: string,
): boolean {
  // R13 asks for the agenda "senest 5 dage foer moededatoen" (at the latest 5 days before the meeting date): a question of dates. The
  // 09:00 posting time is the bot's habit, so an agenda that goes out later on the
  // deadline day (a late scheduler tick, a restart) is still on time.
  const lastDay = localDateOf(agendaDeadline(meetingStart, policies, zone), zone);
  return compareLocalDate(localDateOf(sentAt, zone), lastDay) > 0;
}

/**
 * A date about the past or a period (`referat <dato>`, `status <fra> <til>`): a year-less
 * date means the latest such date up to today.
 */
export function parsePastDate(text: string, now: Date, zone: string): Result<LocalDate, DateRefusal> {
  const parsed = parseDate(text, now, zone);
  if (!parsed.ok || yearKnown(text)) return parsed;
  // The parsed date is the next such one (it may be next year's): the latest one up to today is wanted.
  const today = localDateOf(now, zone);
  const { month, day } = parsed.value;
  for (let year = today.year; year >= today.year - MAX_YEARS_AHEAD; year--) {
    const candidate = { year, month, day };
    if (isRealDate(year, month, day) && compareLocalDate(candidate, today) <= 0) return ok(candidate);
  }
  return refuse('impossible-date');
}

export type PeriodRefusal = DateRefusal | 'reversed-period';

/**
 * R18: the period `status <fra> <til>` names, both days included (PRODUCT §1.8). A year-less
 * start is the latest such date up to today; a year-less end is the first such date on or after
 * the start (the same or the following year). With years given, an end before the start is
 * refused as a reversed period.
 */
export function parsePeriod(fromText: string, toText: string, now: Date, zone: string): Result<{ from: LocalDate; to: LocalDate }, PeriodRefusal> {
  const from = parsePastDate(fromText, now, zone);
  if (!from.ok) return from;
  const parsed = parseDate(toText, now, zone);
  if (!parsed.ok) return parsed;
  let to = parsed.value;
  if (!yearKnown(toText)) {
    const sameYear = { ...to, year: from.value.year };
    const candidate = compareLocalDate(sameYear, from.value) >= 0 && isRealDate(sameYear.year, sameYear.month, sameYear.day) ? sameYear : { ...to, year: from.value.year + 1 };
    if (!isRealDate(candidate.year, candidate.month, candidate.day)) return refuse('impossible-date');
    to = candidate;
  }
  if (compareLocalDate(to, from.value) < 0) return refuse('reversed-period');
  return ok({ from: from.value, to });
}

/** R18: bare `status`: from 1 January this year up to today. */
export function yearToDate(now: Date, zone: string): { from: LocalDate; to: LocalDate } {
  const today = localDateOf(now, zone);
  return { from: { year: today.year, month: 1, day: 1 }, to: today };
}
