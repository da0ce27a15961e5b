/**
 * R10: the reminders to fix a year's meeting dates, and when they are due.
 *
 * The season of reminders about year Y begins on `datePlanningStart` of the year before
 * (default 1 September) at `postingTime` local and goes on every 14 days on the local
 * calendar, across New Year, until the season about Y + 1 begins (`datePlanningStart` of Y).
 * A reminder is sent while Y's dates are not fixed (yearHasDates: R9's four ordinary meetings
 * planned, by a confirmed poll or by hand) and Y can still hold four ordinary meetings (pollProposals:
 * the limit by which `moededatoer <aar>` refuses a year). A board that enters Y without its
 * dates is therefore reminded on into Y, of this year's dates, until they are fixed or the
 * year is too far gone; then the season is over, and the next one starts as before. A board
 * the bot first serves in Y itself is not reminded of Y's dates (datePlanningReminderState).
 *
 * Pure: `now` is always a parameter; instants are UTC `Date`s, read in the board's zone.
 */
import { type DatePlanningState, type DatePoll, datePlanningState, datesNeeded, openPoll, ordinaryMeetingsBesides, pollStanding } from './date-planning.js';
import { proposeMeetingDates } from './date-proposals.js';
import type { Policies } from './kernel/board.js';
import { type LocalDate, addDays, compareLocalDate, daysInMonth, isoDate, localDateOf, localIsoDate, parseHhmm, toInstant } from './kernel/calendar.js';
import { isRealDayMonth } from './kernel/days.js';
import { type Result, ok, refuse } from './kernel/result.js';
import type { Meeting } from './meeting.js';

type Planning = Pick<Policies, 'datePlanningStart' | 'postingTime'>;

const DATE_PLANNING_INTERVAL_DAYS = 14;

/** The local date `datePlanningStart` ("MM-DD") falls on in `year`: "02-29" in a year without one is 28 February. */
function seasonStartDate(year: number, policies: Planning): LocalDate {
  const m = /^(\d{2})-(\d{2})$/.exec(policies.datePlanningStart);
  const month = Number(m?.[1]);
  const day = Number(m?.[2]);
  if (!m || !isRealDayMonth(month, day)) throw new RangeError(`not an MM-DD date: ${JSON.stringify(policies.datePlanningStart)}`);
  return { year, month, day: Math.min(day, daysInMonth(year, month)) };
}

/**
 * R10: the reminders about `year`'s dates: from `datePlanningStart` of the year before, every
 * 14 days on the local calendar (across New Year), up to the day before `datePlanningStart`
 * of `year`, where the season about the year after begins; each at `postingTime` local.
 */
export function datePlanningSeason(year: number, policies: Planning, zone: string): Date[] {
  const time = parseHhmm(policies.postingTime);
  const end = seasonStartDate(year, policies);
  const reminders: Date[] = [];
  for (let d = seasonStartDate(year - 1, policies); compareLocalDate(d, end) < 0; d = addDays(d, DATE_PLANNING_INTERVAL_DAYS)) {
    reminders.push(toInstant(d, time, zone));
  }
  return reminders;
}

/**
 * R10: the year whose dates the reminders at `now` are about: next year from this year's
 * `datePlanningStart` (at `postingTime`) on, else this year (the season begun last autumn).
 */
export function datePlanningYearAt(now: Date, policies: Planning, zone: string): number {
  const { year } = localDateOf(now, zone);
  const start = toInstant(seasonStartDate(year, policies), parseHhmm(policies.postingTime), zone);
  return now.getTime() >= start.getTime() ? year + 1 : year;
}

/**
 * R10: the latest reminder at or before `now` of the season `now` falls in: the one a reminder
 * sent now stands for. There always is one (a season begins with its first reminder).
 */
export function latestDatePlanningReminder(now: Date, policies: Planning, zone: string): Date {
  const season = datePlanningSeason(datePlanningYearAt(now, policies, zone), policies, zone);
  return season.filter((r) => r.getTime() <= now.getTime()).at(-1)!;
}

/**
 * R10: the reminder to come after `now`: the season's next, else (after its last, or with
 * `seasonOver`: the year's dates are fixed, or it can no longer hold four meetings) the first
 * of the next season, so that a bot that runs on reminds every year.
 */
export function upcomingDatePlanningReminder(now: Date, policies: Planning, zone: string, seasonOver = false): Date {
  const year = datePlanningYearAt(now, policies, zone);
  const next = seasonOver ? undefined : datePlanningSeason(year, policies, zone).find((r) => r.getTime() > now.getTime());
  return next ?? datePlanningSeason(year + 1, policies, zone)[0]!;
}

/**
 * R9, R10: the dates a poll for `year` offers at `now` (ISO local dates, after today, none on
 * a day that already holds a planned meeting); 'year-too-late' when fewer remain than the year
 * lacks of four ordinary meetings (datesNeeded: its ordinary meetings planned, held ones too,
 * count): no poll for the year could then be confirmed, so `moededatoer` refuses it and its
 * reminders stop. `meetings` are the board's meetings; `zone` its time zone; `country` the one
 * whose days off the proposals keep away from (board.country; default DK).
 */
export function pollProposals(
  year: number,
  known: { readonly meetings: readonly Meeting[]; readonly zone: string; readonly country?: string },
  now: Date,
): Result<string[], 'year-too-late'> {
  const today = localIsoDate(now, known.zone);
  const occupied = new Set(known.meetings.filter((m) => m.status === 'planned').map((m) => localIsoDate(m.startsAt, known.zone)));
  const dates = proposeMeetingDates(year, { occupied, ...(known.country ? { country: known.country } : {}) }).map(isoDate).filter((d) => d > today);
  return dates.length < datesNeeded(ordinaryMeetingsBesides(year, dates, known.meetings, known.zone)) ? refuse('year-too-late') : ok(dates);
}

/**
 * R10: where `year`'s dates stand at `now` for its reminder: 'fixed', 'too-late' or
 * 'new-this-year' (the season is over: no reminder), else 'poll-open', 'reopened' or 'open'
 * (datePlanningState), and 'poll-stranded' for an open poll whose dates left can no longer give
 * the year its four ordinary meetings (pollStanding): the reminder then says so and how to go
 * on, instead of asking for a confirmation that cannot be made. A reminder in `year` itself (the season gone on past New Year) is
 * only for a board the bot served before `year` began: `servedSince`, its first record
 * (undefined: none yet), lies in an earlier local year. A board first served in `year` had
 * its dates fixed before the bot knew it (its earlier meetings held without it): it is not
 * reminded of them; `moededatoer <aar>` still works by hand, and the next season begins as before.
 */
export function datePlanningReminderState(
  year: number,
  known: { readonly polls: readonly DatePoll[]; readonly meetings: readonly Meeting[]; readonly zone: string; readonly country?: string; readonly servedSince: Date | undefined },
  now: Date,
): DatePlanningState | 'poll-stranded' | 'too-late' | 'new-this-year' {
  const state = datePlanningState(year, known);
  if (state === 'fixed') return state;
  const servedBefore = known.servedSince !== undefined && localDateOf(known.servedSince, known.zone).year < year;
  if (localDateOf(now, known.zone).year >= year && !servedBefore) return 'new-this-year';
  if (!pollProposals(year, known, now).ok) return 'too-late';
  const open = state === 'poll-open' ? openPoll(year, known.polls) : undefined;
  return open && pollStanding(open, known.meetings, known.zone, localIsoDate(now, known.zone)).short > 0 ? 'poll-stranded' : state;
}
