/**
 * Next year's meeting dates (R10): a poll of proposed dates, the members' answers,
 * and the chair's confirmation, which creates the ordinary meetings.
 */
import { type Board, type Person, isVotingMember } from './kernel/board.js';
import { localDateOf, localIsoDate, parseHhmm, toInstant } from './kernel/calendar.js';
import { UNTIL_ENDED } from './kernel/reminders.js';
import { type Result, ok, refuse } from './kernel/result.js';
import type { Meeting } from './meeting.js';

export interface DatePoll {
  readonly id: string;
  /** The year the dates are for. */
  readonly year: number;
  /** Local dates, ISO "2028-03-09", in order. */
  readonly proposedDates: readonly string[];
  /** Local time of the meetings, "HH:mm" (policy meetingTime). */
  readonly time: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly confirmedAt?: Date;
  readonly confirmedBy?: string;
  readonly confirmedDates?: readonly string[];
}

/** One person's answer: the dates they can attend. A new answer replaces the old. */
export interface DateAnswer {
  readonly pollId: string;
  readonly personId: string;
  readonly available: readonly string[];
  readonly answeredAt: Date;
}

/** R9: four ordinary meetings a year. */
export const MIN_CONFIRMED_DATES = 4;

export type PollRefusal = 'bad-year' | 'poll-exists' | 'poll-stranded' | 'poll-confirmed';
export type AnswerRefusal = 'poll-confirmed' | 'unknown-date';
export type ConfirmRefusal = 'poll-confirmed' | 'too-few-dates' | 'too-few-dates-left' | 'unknown-date' | 'date-in-past';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** R10: the years `moededatoer <aar>` takes in `currentYear`: this year and the five after it. */
export function pollYears(currentYear: number): { readonly from: number; readonly to: number } {
  return { from: currentYear, to: currentYear + 5 };
}

/** `moededatoer <aar>` (the chair or the secretary: policy `dates.plan`): for this year or a coming one (pollYears). */
export function canStartPoll(year: number, currentYear: number): Result<true, 'bad-year'> {
  const { from, to } = pollYears(currentYear);
  if (!Number.isInteger(year) || year < from || year > to) return refuse('bad-year');
  return ok(true);
}

/** Members (and the secretary, who plans the meetings: policy `dates.answer`) mark the dates they can attend. */
export function answerPoll(person: Person, poll: DatePoll, available: readonly string[], now: Date): Result<DateAnswer, AnswerRefusal> {
  if (poll.confirmedAt) return refuse('poll-confirmed');
  const unique = [...new Set(available)];
  if (unique.some((d) => !poll.proposedDates.includes(d))) return refuse('unknown-date');
  return ok({ pollId: poll.id, personId: person.id, available: unique.sort(), answeredAt: now });
}

/** Per proposed date: the organisations that can come (any of their members can), in board order. */
export function organisationsAvailable(board: Board, poll: DatePoll, answers: readonly DateAnswer[]): Map<string, string[]> {
  const orgOf = new Map(board.people.filter(isVotingMember).map((p) => [p.id, p.organisationId!]));
  const result = new Map<string, string[]>();
  for (const date of poll.proposedDates) {
    const orgs = new Set(answers.filter((a) => a.available.includes(date)).map((a) => orgOf.get(a.personId)).filter((o): o is string => !!o));
    result.set(date, board.organisations.map((o) => o.id).filter((id) => orgs.has(id)));
  }
  return result;
}

/**
 * R9: the ordinary meetings of `year` (planned, held ones too) on days other than `dates`
 * (ISO local dates): they count toward the year's four besides the dates a poll confirms.
 */
export function ordinaryMeetingsBesides(year: number, dates: readonly string[], meetings: readonly Meeting[], zone: string): Meeting[] {
  return meetings
    .filter((m) => m.status === 'planned' && countsBesides(year, dates, m.kind, m.startsAt, zone))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/**
 * R9, R10: whether a meeting of `kind` at `at` is, while planned, one of `year`'s ordinary meetings on
 * days other than `dates` (ordinaryMeetingsBesides): one planned, moved or cancelled there changes
 * what an open poll of the year counts and names.
 */
export function countsBesides(year: number, dates: readonly string[], kind: Meeting['kind'], at: Date, zone: string): boolean {
  return kind === 'ordinary' && localDateOf(at, zone).year === year && !dates.includes(localIsoDate(at, zone));
}

/**
 * R9, R10: how many dates a confirmation must fix: what `besides` (ordinaryMeetingsBesides)
 * lacks of R9's four ordinary meetings, and at least one. A year with none planned needs four.
 */
export function datesNeeded(besides: readonly Meeting[]): number {
  return Math.max(1, MIN_CONFIRMED_DATES - besides.length);
}

/**
 * R9, R10: where an open poll stands on `today` (local ISO date): `offered`, its proposed dates
 * after today (the only ones a confirmation takes); `besides`, the year's ordinary meetings on
 * other days (ordinaryMeetingsBesides), held ones on its passed dates too (they can no longer be
 * confirmed, so they count toward the four beside the dates); `needed`, how many of the dates
 * left a confirmation must fix (datesNeeded); `short`, how many ordinary meetings the year would
 * still lack with every date left confirmed: 0 when the poll can be confirmed, else it cannot
 * (it is stranded) until that many more are planned by hand on days it does not propose.
 */
export interface PollStanding {
  readonly offered: readonly string[];
  readonly besides: readonly Meeting[];
  readonly needed: number;
  readonly short: number;
}

export function pollStanding(poll: Pick<DatePoll, 'year' | 'proposedDates'>, meetings: readonly Meeting[], zone: string, today: string): PollStanding {
  const offered = poll.proposedDates.filter((d) => d > today);
  const besides = ordinaryMeetingsBesides(poll.year, offered, meetings, zone);
  const needed = datesNeeded(besides);
  const short = offered.length < needed ? Math.max(0, MIN_CONFIRMED_DATES - besides.length - offered.length) : 0;
  return { offered, besides, needed, short };
}

/**
 * R9, R10: the confirmation of `dates` against the board's `meetings` (confirmPoll, with the
 * year's ordinary meetings on other days than the dates chosen counted toward its four). Refused
 * 'too-few-dates-left' when the dates chosen fall short, or one has passed, while the poll is
 * stranded (pollStanding: no choice of its dates left gives the year four), so that the chair is
 * not asked for dates the poll no longer has.
 */
export function confirmPollAgainst(poll: DatePoll, dates: readonly string[], today: string, meetings: readonly Meeting[], zone: string): Result<readonly string[], ConfirmRefusal> {
  const confirmed = confirmPoll(poll, dates, today, datesNeeded(ordinaryMeetingsBesides(poll.year, dates, meetings, zone)));
  if (confirmed.ok || (confirmed.reason !== 'too-few-dates' && confirmed.reason !== 'date-in-past')) return confirmed;
  return pollStanding(poll, meetings, zone, today).short > 0 ? refuse('too-few-dates-left') : confirmed;
}

/**
 * R10: whether `moededatoer <aar>` may post a new poll for `year` (the year itself is checked by
 * canStartPoll, the dates it can offer by pollProposals): not while a poll for it is open (one
 * open poll per year: 'poll-exists', or 'poll-stranded' when that poll can no longer be
 * confirmed: pollStanding), nor once a confirmed poll has given it its dates (yearHasDates). A
 * year whose confirmed poll's meetings were since cancelled or moved out of it, so that it has
 * fewer than R9's four ordinary meetings, may be polled again, for the dates it lacks.
 */
export function canPollAgain(year: number, known: { readonly polls: readonly DatePoll[]; readonly meetings: readonly Meeting[]; readonly zone: string }, today: string): Result<true, 'poll-exists' | 'poll-stranded' | 'poll-confirmed'> {
  const open = openPoll(year, known.polls);
  if (open) return refuse(pollStanding(open, known.meetings, known.zone, today).short > 0 ? 'poll-stranded' : 'poll-exists');
  if (known.polls.some((p) => p.year === year && p.confirmedAt !== undefined) && yearHasDates(year, known)) return refuse('poll-confirmed');
  return ok(true);
}

/** R10: the poll of `year` not yet confirmed (there is one at most), if any. */
export function openPoll(year: number, polls: readonly DatePoll[]): DatePoll | undefined {
  return polls.find((p) => p.year === year && p.confirmedAt === undefined);
}

/**
 * R10: the chair (policy `dates.confirm`) confirms proposed dates, none of them past (`today`
 * is the local date, ISO): at least `needed` (datesNeeded: four, less the year's ordinary
 * meetings planned on other days, so that the year has R9's four). Confirming twice is refused.
 */
export function confirmPoll(poll: DatePoll, dates: readonly string[], today: string, needed = MIN_CONFIRMED_DATES): Result<readonly string[], ConfirmRefusal> {
  if (poll.confirmedAt) return refuse('poll-confirmed');
  const unique = [...new Set(dates)].sort();
  if (unique.some((d) => !ISO_DATE.test(d) || !poll.proposedDates.includes(d))) return refuse('unknown-date');
  if (unique.some((d) => d <= today)) return refuse('date-in-past');
  if (unique.length < needed) return refuse('too-few-dates');
  return ok(unique);
}

/**
 * R10: how the confirmed dates meet the meetings already planned. `plan`: the instants of
 * the ordinary meetings to create, at the poll's time. `kept`: a date that already holds a
 * planned ordinary meeting (planned by hand after the poll was posted) is that date's meeting,
 * at its own time: it is kept, not planned twice. `clashes`: another planned meeting (an
 * extraordinary one) at the very instant of a date's meeting; the confirmation cannot plan
 * it there, and is refused naming them. One at another time of that day is no clash.
 * `dates` are ISO local dates (from confirmPoll); `existing` the board's meetings.
 */
export interface ConfirmedPlacement {
  readonly plan: readonly Date[];
  readonly kept: readonly Meeting[];
  readonly clashes: readonly Meeting[];
}

export function placeConfirmedDates(poll: Pick<DatePoll, 'time'>, dates: readonly string[], existing: readonly Meeting[], zone: string): ConfirmedPlacement {
  const time = parseHhmm(poll.time);
  const planned = existing.filter((m) => m.status === 'planned');
  const plan: Date[] = [];
  const kept: Meeting[] = [];
  const clashes: Meeting[] = [];
  for (const date of dates) {
    const ordinary = planned.filter((m) => m.kind === 'ordinary' && localIsoDate(m.startsAt, zone) === date);
    if (ordinary.length > 0) {
      kept.push(...ordinary);
      continue;
    }
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const startsAt = toInstant({ year, month, day }, time, zone);
    const clash = planned.filter((m) => m.startsAt.getTime() === startsAt.getTime());
    if (clash.length > 0) clashes.push(...clash);
    else plan.push(startsAt);
  }
  const byStart = (a: Meeting, b: Meeting) => a.startsAt.getTime() - b.startsAt.getTime();
  return { plan, kept: kept.sort(byStart), clashes: clashes.sort(byStart) };
}

/**
 * R9: the ordinary meetings of `year` (planned, held ones too), in order. `meetings` are the
 * board's meetings (any year, any status); `zone` is the board's time zone.
 */
export function ordinaryMeetingsOf(year: number, meetings: readonly Meeting[], zone: string): Meeting[] {
  return meetings
    .filter((m) => m.kind === 'ordinary' && m.status === 'planned' && localDateOf(m.startsAt, zone).year === year)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/**
 * R10, R9: whether `year` has its dates, so that the annual reminder may stop: it has the four
 * ordinary meetings R9 asks for (held ones too), planned by a confirmed date poll or by hand
 * (`moede`). A single meeting planned ahead does not fix the year's dates; nor does a poll
 * confirmed once whose meetings were since cancelled or moved out of the year, leaving it fewer
 * than four (the reminders resume, and the year may be polled again: canPollAgain).
 */
export function yearHasDates(year: number, known: { readonly meetings: readonly Meeting[]; readonly zone: string }): boolean {
  return ordinaryMeetingsOf(year, known.meetings, known.zone).length >= MIN_CONFIRMED_DATES;
}

/**
 * R10: the reminder of `year`'s dates is of use until the year has them (yearHasDates: a confirmed
 * poll, or its fourth ordinary meeting planned): it has no end of its own (kernel/reminders.ts,
 * UNTIL_ENDED); once they are fixed, at `now`, one still waiting to be sent is not sent: it would ask
 * for dates already fixed.
 */
export function datePlanningRemindersUntil(year: number, known: { readonly meetings: readonly Meeting[]; readonly zone: string }, now: Date): Date {
  return yearHasDates(year, known) ? now : UNTIL_ENDED;
}

/**
 * R10: where next year's dates stand for the annual reminder: 'fixed' (yearHasDates: the
 * reminders stop), 'poll-open' (a poll for the year is posted, not confirmed: the reminder
 * asks for answers and the chair's confirmation, not for another poll), 'reopened' (a poll for
 * it was confirmed, but the year has since lost meetings and has fewer than four: the reminder
 * says so), or 'open'.
 */
export type DatePlanningState = 'fixed' | 'poll-open' | 'reopened' | 'open';

/**
 * R10: whether an ordinary meeting of `year` is still to come after `now` (planned, not yet
 * begun): the dates of the year after are agreed there (it carries the standing item). Once
 * none remains, the annual reminder no longer says so. `zone` is the board's time zone.
 */
export function ordinaryMeetingAhead(year: number, meetings: readonly Meeting[], now: Date, zone: string): boolean {
  return meetings.some((m) => m.kind === 'ordinary' && m.status === 'planned' && m.startsAt.getTime() > now.getTime() && localDateOf(m.startsAt, zone).year === year);
}

export function datePlanningState(year: number, known: { readonly polls: readonly DatePoll[]; readonly meetings: readonly Meeting[]; readonly zone: string }): DatePlanningState {
  if (yearHasDates(year, known)) return 'fixed';
  if (openPoll(year, known.polls)) return 'poll-open';
  return known.polls.some((p) => p.year === year && p.confirmedAt !== undefined) ? 'reopened' : 'open';
}
