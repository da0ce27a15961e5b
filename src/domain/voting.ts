/**
 * Votes ("afstemning"): a motion, one ballot per organisation (R5), decided by
 * majority (R6).
 */
import type { Board, MajorityPolicy, Person, StandingItemKey } from './kernel/board.js';
import { type LocalTime, addDays, localDateOf, localTimeOf, toInstant } from './kernel/calendar.js';
import { type Result, ok, refuse } from './kernel/result.js';
import { visibleText } from './kernel/text.js';

export const CHOICES = ['for', 'against', 'abstain'] as const;
export type Choice = (typeof CHOICES)[number];
export type CloseReason = 'chair' | 'all-voted' | 'deadline';

export const MAX_MOTION_TEXT = 1000;

/** The agenda item a vote is about: an added item by id, or a standing item by key. */
export interface AgendaItemRef {
  readonly meetingId: string;
  readonly itemId?: string;
  readonly standing?: StandingItemKey;
  /** The item and its meeting as the board knows them ("Item 7. Youth strategy – agenda of the meeting …"), in its language. */
  readonly heading?: string;
}

export interface Motion {
  readonly id: string;
  /** The text voted on ("forslag"). */
  readonly text: string;
  /** Set when the vote is on an agenda item (`afstemning <punktnr>`). */
  readonly agendaItem?: AgendaItemRef;
  /**
   * R16, a vote on no item: the meeting whose minutes hold it as opened at it, fixed when it was
   * opened (the meeting under way then: meetingOfMoment); absent, opened between meetings. Set by
   * the use case.
   */
  readonly placedMeetingId?: string;
  /** The person (chair) who opened it. */
  readonly openedBy: string;
  readonly openedAt: Date;
  /** The vote closes by itself at this instant (policy voteDeadlineHours). */
  readonly deadline: Date;
  /** The majority policy in force when the vote opened: a later config change does not alter it. */
  readonly majority: MajorityPolicy;
  /** The organisations entitled to vote when it opened (R1, R5). */
  readonly organisationIds: readonly string[];
  readonly closedAt?: Date;
  readonly closedBy?: string;
  readonly closeReason?: CloseReason;
  /** The chair reopened its item (`genoptag`): it no longer decides it. */
  readonly reopenedAt?: Date;
}

/** One organisation's vote on one motion; a changed vote replaces it, the last counts (R5). */
export interface Ballot {
  readonly motionId: string;
  readonly organisationId: string;
  readonly choice: Choice;
  /** Person id of who cast it (R5: the record shows who). */
  readonly castBy: string;
  readonly castAt: Date;
}

export interface Tally {
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
  /** Organisations with no ballot, in board order. */
  readonly notVoted: readonly string[];
  readonly adopted: boolean;
}

/** Who may open, cast and close is the role policy's (kernel/policy.ts): these are the rules beyond it. */
export type OpenRefusal = 'empty-motion' | 'motion-too-long';
export type CastRefusal = 'not-a-member' | 'organisation-not-voting' | 'vote-closed' | 'invalid-choice';
export type CloseRefusal = 'vote-closed' | 'organisations-missing';

export function isChoice(value: unknown): value is Choice {
  return typeof value === 'string' && (CHOICES as readonly string[]).includes(value);
}

export function isOpen(motion: Motion): boolean {
  return motion.closedAt === undefined;
}

/** The chair opens votes (PRODUCT §1.4; policy `vote.open`). */
export function openMotion(
  board: Board,
  opener: Person,
  input: { id: string; text: string; now: Date; agendaItem?: AgendaItemRef },
): Result<Motion, OpenRefusal> {
  const text = visibleText(input.text).replace(/\s+/g, ' ');
  if (text.length === 0) return refuse('empty-motion');
  if (text.length > MAX_MOTION_TEXT) return refuse('motion-too-long');
  return ok({
    id: input.id,
    text,
    openedBy: opener.id,
    openedAt: input.now,
    deadline: new Date(input.now.getTime() + board.policies.voteDeadlineHours * 3_600_000),
    majority: board.policies.majority,
    organisationIds: board.organisations.map((o) => o.id),
    ...(input.agendaItem ? { agendaItem: input.agendaItem } : {}),
  });
}

/**
 * R5: any member of an organisation casts or changes that organisation's vote (that the
 * secretary, R3, and guests, R4, never vote is the policy's `vote.cast`); only the
 * organisations entitled when the vote opened vote on it.
 */
export function castBallot(
  motion: Motion,
  person: Person,
  choice: unknown,
  now: Date,
): Result<Ballot, CastRefusal> {
  const may = mayCast(motion, person, now);
  if (!may.ok) return may;
  if (!isChoice(choice)) return refuse('invalid-choice');
  return ok({ motionId: motion.id, organisationId: person.organisationId!, choice, castBy: person.id, castAt: now });
}

/** R5: whether `person`'s organisation votes on `motion` and the vote is still open at `now` (castBallot's rules beyond the policy). */
export function mayCast(motion: Motion, person: Person, now: Date): Result<true, Exclude<CastRefusal, 'invalid-choice'>> {
  if (!person.organisationId) return refuse('not-a-member');
  // R1: an organisation the board file added after the vote opened does not vote on it.
  if (!motion.organisationIds.includes(person.organisationId)) return refuse('organisation-not-voting');
  if (!isOpen(motion) || now.getTime() >= motion.deadline.getTime()) return refuse('vote-closed');
  return ok(true);
}

/**
 * R5: `person` cast their organisation's ballot as `choice` themselves, and it still stands: the
 * same press again (a double tap on the press that closed the vote) asks for nothing new.
 */
export function castAlready(ballots: readonly Ballot[], person: Person, choice: unknown): boolean {
  return ballots.some((b) => b.organisationId === person.organisationId && b.castBy === person.id && b.choice === choice);
}

/** The ballots after `ballot` is cast: it replaces any earlier ballot of its organisation. */
export function applyBallot(ballots: readonly Ballot[], ballot: Ballot): Ballot[] {
  return [...ballots.filter((b) => b.organisationId !== ballot.organisationId), ballot];
}

/** R6, absolute majority: more than half of all the organisations (4 of 6). */
export function absoluteMajority(organisations: number): number {
  return Math.floor(organisations / 2) + 1;
}

/**
 * R6: `simple` — adopted when for > against; abstentions do not count; a tie is not adopted.
 * `absolute` — adopted only when more than half of all organisations vote for.
 * Only the last ballot per organisation counts, and only entitled organisations count.
 */
export function tally(motion: Pick<Motion, 'organisationIds' | 'majority'>, ballots: readonly Ballot[]): Tally {
  const latest = new Map<string, Ballot>();
  for (const b of ballots) {
    if (!motion.organisationIds.includes(b.organisationId)) continue;
    const seen = latest.get(b.organisationId);
    if (!seen || seen.castAt.getTime() <= b.castAt.getTime()) latest.set(b.organisationId, b);
  }
  let forCount = 0;
  let against = 0;
  let abstain = 0;
  for (const b of latest.values()) {
    if (b.choice === 'for') forCount++;
    else if (b.choice === 'against') against++;
    else abstain++;
  }
  const notVoted = motion.organisationIds.filter((id) => !latest.has(id));
  const adopted =
    motion.majority === 'absolute' ? forCount >= absoluteMajority(motion.organisationIds.length) : forCount > against;
  return { for: forCount, against, abstain, notVoted, adopted };
}

/** Why an open motion should close now without the chair, if it should. */
export function automaticCloseReason(motion: Motion, ballots: readonly Ballot[], now: Date): CloseReason | null {
  if (!isOpen(motion)) return null;
  if (tally(motion, ballots).notVoted.length === 0) return 'all-voted';
  if (now.getTime() >= motion.deadline.getTime()) return 'deadline';
  return null;
}

/**
 * PRODUCT §1.4: `voteReminderHours` before the deadline, members of organisations that have
 * not voted are reminded; none when that moment is not after the vote opened (or the policy is 0).
 * R6: not in the night, in the board's zone (outOfTheNight).
 */
export function voteReminderAt(motion: Pick<Motion, 'openedAt' | 'deadline'>, voteReminderHours: number, zone: string): Date | undefined {
  if (voteReminderHours <= 0) return undefined;
  const at = new Date(motion.deadline.getTime() - voteReminderHours * 3_600_000);
  return at.getTime() > motion.openedAt.getTime() ? outOfTheNight(at, motion, zone) : undefined;
}

/**
 * R6: the night, in the board's time zone, in which no reminder to vote goes out: from 22.00 to
 * 07.00. One that would fall in it goes out at 07.00 that morning, with the day ahead to vote in, as
 * long as that leaves at least an hour before the deadline; else at 21.00 the evening before (the
 * night begins after it). Earlier rather than later, never closer to the deadline than an hour.
 */
export const VOTE_REMINDER_NIGHT = {
  begins: { hour: 22, minute: 0 },
  ends: { hour: 7, minute: 0 },
  evening: { hour: 21, minute: 0 },
  /** The least time the morning's reminder leaves before the deadline. */
  marginMs: 3_600_000,
} as const;

const minuteOfDay = (t: LocalTime): number => t.hour * 60 + t.minute;

/**
 * R6: the reminder's moment `at`, moved out of the night (VOTE_REMINDER_NIGHT): to the morning, or
 * to the evening before. Where neither serves (the morning too close to the deadline, the evening
 * not after the vote opened: a deadline of a few hours set in the night), it keeps its moment: the
 * board's policies then ask for a reminder in the night.
 */
export function outOfTheNight(at: Date, motion: Pick<Motion, 'openedAt' | 'deadline'>, zone: string): Date {
  const { begins, ends, evening, marginMs } = VOTE_REMINDER_NIGHT;
  const minute = minuteOfDay(localTimeOf(at, zone));
  const late = minute >= minuteOfDay(begins);
  if (!late && minute >= minuteOfDay(ends)) return at;
  // The night it falls in began on this day's evening, or on the day before's.
  const nightBegan = late ? localDateOf(at, zone) : addDays(localDateOf(at, zone), -1);
  const morning = toInstant(addDays(nightBegan, 1), ends, zone);
  if (morning.getTime() <= motion.deadline.getTime() - marginMs) return morning;
  const before = toInstant(nightBegan, evening, zone);
  return before.getTime() > motion.openedAt.getTime() ? before : at;
}

/**
 * R6: the reminder to vote is of use until the vote closes (kernel/reminders.ts): at its deadline, or
 * earlier, when the chair closed it or every organisation voted. Past that it is not sent: it would ask
 * for votes no longer taken.
 */
export function voteReminderUntil(motion: Pick<Motion, 'deadline' | 'closedAt'>): Date {
  return motion.closedAt && motion.closedAt.getTime() < motion.deadline.getTime() ? motion.closedAt : motion.deadline;
}

/**
 * The chair closes a vote by hand (policy `vote.close`) while it is open: why it closes. Past its
 * deadline (`now`), before the scheduler has closed it, the deadline closed it (R6), and there is
 * nothing to confirm.
 */
export function canClose(motion: Motion, ballots: readonly Ballot[] = [], confirmed = true, now?: Date): Result<'chair' | 'deadline', CloseRefusal> {
  if (!isOpen(motion)) return refuse('vote-closed');
  if (now !== undefined && now.getTime() >= motion.deadline.getTime()) return ok('deadline');
  // PRODUCT §1.4: with organisations missing, the chair is asked to confirm first.
  if (!confirmed && tally(motion, ballots).notVoted.length > 0) return refuse('organisations-missing');
  return ok('chair');
}

/**
 * When a vote closes: at its deadline when the deadline closed it, also when the bot saw it
 * only later (it was down: no vote was taken after the deadline, and the record and `status`
 * put the close where it happened); else now.
 */
export function closingTime(motion: Pick<Motion, 'deadline'>, reason: CloseReason, now: Date): Date {
  return reason === 'deadline' && motion.deadline.getTime() < now.getTime() ? motion.deadline : now;
}

export function closed(motion: Motion, reason: CloseReason, at: Date, by?: string): Motion {
  return { ...motion, closedAt: at, closeReason: reason, ...(by ? { closedBy: by } : {}) };
}
