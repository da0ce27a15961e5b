/**
 * Minutes ("referat", R16): drafted from the record by the secretary, corrected by
 * the secretary, approved by the board. Approved minutes never change; a later
 * correction is a new record linked to the one it corrects.
 */
import type { Conclusion, Dissent, Objection } from './conclusion.js';
import { type Board, type Person, type StandingItemKey, foldName, isVotingMember, personByName } from './kernel/board.js';
import { type Result, ok, refuse } from './kernel/result.js';
import type { Meeting, NumberedItem } from './meeting.js';
import type { Ballot, Motion, Tally } from './voting.js';
import { MAX_NAME_TEXT, visibleText } from './kernel/text.js';

export interface Minutes {
  readonly id: string;
  readonly meetingId: string;
  /** 1 for the first minutes of a meeting; a correction after approval is version n + 1. */
  readonly version: number;
  /** The minutes this one corrects (approved earlier). */
  readonly correctsId?: string;
  /** Markdown. */
  readonly text: string;
  readonly draftedBy: string;
  readonly draftedAt: Date;
  readonly updatedAt: Date;
  readonly approvedAt?: Date;
  /**
   * Person id of the chair; 'consent' when approved by the standing item's conclusion;
   * `vote:<motion id>` when approved by an adopted vote on the standing item (approvedByVote).
   */
  readonly approvedBy?: string;
  /** When the meeting's record last changed while these minutes did not follow it (a corrected draft). */
  readonly recordChangedAt?: Date;
}

export type MinutesEditRefusal = 'not-secretary' | 'minutes-approved' | 'empty-minutes';
export type MinutesApproveRefusal = 'not-chair' | 'minutes-approved' | 'objection-window-open' | 'record-changed';

/** Approved minutes never change (R16). */
export function canEditMinutes(minutes: Minutes): boolean {
  return minutes.approvedAt === undefined;
}

/**
 * R16: minutes as drafted from the record, not corrected since by the secretary (nor approved,
 * nor a correction of approved ones): they follow the record, drafted again when it has changed.
 */
export function followsRecord(minutes: Minutes): boolean {
  return minutes.approvedAt === undefined && minutes.correctsId === undefined && minutes.updatedAt.getTime() === minutes.draftedAt.getTime();
}

/**
 * R16, R8: a draft the secretary corrected, whose meeting's record has changed since (a vote
 * closed, a dissent, an attendee): what the board would approve is not the record as it stands,
 * so neither the chair nor a decision approves it until she has corrected it again.
 */
export function behindTheRecord(minutes: Minutes): boolean {
  return minutes.approvedAt === undefined && minutes.recordChangedAt !== undefined && minutes.recordChangedAt.getTime() > minutes.updatedAt.getTime();
}

/** The chair approves minutes once the objection window since their last change has ended. */
export function approvableFrom(minutes: Minutes, objectionHours: number): Date {
  return new Date(minutes.updatedAt.getTime() + objectionHours * 3_600_000);
}

/** How the board decided the standing item "approval of the minutes" (R7): by consent, or by a vote and its outcome. */
export type ItemDecidedBy = { readonly kind: 'consent' } | { readonly kind: 'vote'; readonly motionId: string; readonly adopted: boolean };

const BY_VOTE = 'vote:';

/**
 * R16: the board approves the minutes by deciding the standing item "approval of the
 * minutes": by consent (a conclusion decided), or by an adopted vote (on the item, or on a
 * conclusion objected to). The `approvedBy` such a decision records, or undefined when it
 * approves nothing (another item, or a vote not adopted).
 */
export function approvalByDecision(standing: StandingItemKey | undefined, decided: ItemDecidedBy): string | undefined {
  if (standing !== 'approve-minutes') return undefined;
  if (decided.kind === 'consent') return 'consent';
  return decided.adopted ? `${BY_VOTE}${decided.motionId}` : undefined;
}

/**
 * R16: what a decision on the standing item that approves the minutes (approve-minutes) does
 * with one of the meetings before it, taken from the meeting just before (`first`) backwards:
 * whether it approves that meeting's latest minutes, and whether it looks at the one before too.
 * - The meeting just before: its minutes awaiting approval are approved (also a correction of
 *   minutes approved earlier: that is what the board approves at the next meeting).
 * - Past it only when it is an extraordinary meeting or has no minutes yet (the ordinary
 *   meeting before it would otherwise never come up again), back to an ordinary meeting with
 *   minutes; an older meeting's minutes are approved only if none of their versions ever was.
 * - Never past minutes approved once: what lies before was dealt with then.
 */
export function approvalByDecisionOf(
  meeting: Pick<Meeting, 'kind'>,
  versions: readonly Pick<Minutes, 'approvedAt'>[],
  first: boolean,
): { readonly approve: boolean; readonly further: boolean } {
  const latest = versions[versions.length - 1];
  const everApproved = versions.some((v) => v.approvedAt !== undefined);
  return {
    approve: latest !== undefined && latest.approvedAt === undefined && (first || !everApproved),
    further: !everApproved && (latest === undefined || meeting.kind === 'extraordinary'),
  };
}

/** The vote that approved the minutes (its motion id), if a vote did. */
export function approvedByVote(minutes: Pick<Minutes, 'approvedBy'>): string | undefined {
  return minutes.approvedBy?.startsWith(BY_VOTE) ? minutes.approvedBy.slice(BY_VOTE.length) : undefined;
}

/** Someone present at a meeting: a board person, or a name the secretary added. */
export interface Attendee {
  readonly meetingId: string;
  readonly personId?: string;
  /** R16: the organisation a voting member represented when recorded: counted as present even after they leave the board. */
  readonly organisationId?: string;
  readonly name: string;
  readonly addedBy: string;
  readonly addedAt: Date;
}

/** A name the secretary writes (`deltager <navn>`), tidied: its spacing, not its spelling. */
export const attendeeName = (text: string): string => visibleText(text).replace(/\s+/g, ' ');

/** A name `deltager` and `fjern deltager` take: tidied (attendeeName), not empty, and at most MAX_NAME_TEXT characters. */
export function attendeeNameOf(text: string): Result<string, 'empty-name' | 'name-too-long'> {
  const name = attendeeName(text);
  if (!name) return refuse('empty-name');
  return name.length > MAX_NAME_TEXT ? refuse('name-too-long') : ok(name);
}

/** Several board people a name fits alike (a shared first name): they are named, and nothing is recorded. */
export type AttendeeRefusal = 'ambiguous-name';

/**
 * Whom `deltager <navn>` records (R16): the board person the name points to, as every
 * command reads a name (`personByName`); else someone from outside the board (a guest, an
 * adviser), under the name as written, who counts for no organisation.
 */
export function attendeeNamed(board: Board, text: string, at: { readonly meetingId: string; readonly by: Person; readonly now: Date }): Result<Attendee, AttendeeRefusal> {
  const found = personByName(board, text);
  if (found.kind === 'ambiguous') return refuse('ambiguous-name');
  const base = { meetingId: at.meetingId, addedBy: at.by.id, addedAt: at.now };
  return ok(found.kind === 'person' ? boardAttendee(found.person, base) : { ...base, name: attendeeName(text) });
}

/** A board person as an attendee: with the organisation they vote for, kept for the minutes (R16). */
export function boardAttendee(person: Person, base: Pick<Attendee, 'meetingId' | 'addedBy' | 'addedAt'>): Attendee {
  return { ...base, name: person.name, personId: person.id, ...(isVotingMember(person) ? { organisationId: person.organisationId! } : {}) };
}

/** `attendee` as recorded already, if they are: the same board person, or someone from outside under the same name however written. */
export function recordedAs(attendees: readonly Attendee[], attendee: Attendee): Attendee | undefined {
  return attendees.find((a) => (attendee.personId ? a.personId === attendee.personId : !a.personId && foldName(a.name) === foldName(attendee.name)));
}

/**
 * The recorded attendee `fjern deltager <navn>` means (R16): one recorded under that name
 * however written (someone from outside, or a member who has since left the board), else
 * the board person the name points to, as `deltager` reads it.
 */
export function recordedAttendee(board: Board, attendees: readonly Attendee[], text: string): Result<Attendee | undefined, AttendeeRefusal> {
  const asWritten = attendees.find((a) => foldName(a.name) === foldName(text));
  if (asWritten) return ok(asWritten);
  const found = personByName(board, text);
  if (found.kind === 'ambiguous') return refuse('ambiguous-name');
  return ok(found.kind === 'person' ? attendees.find((a) => a.personId === found.person.id) : undefined);
}

export interface VoteRecord {
  readonly motion: Motion;
  readonly ballots: readonly Ballot[];
  readonly tally: Tally;
  readonly dissents: readonly Dissent[];
}

export interface ConclusionRecord {
  readonly conclusion: Conclusion;
  readonly objections: readonly Objection[];
  readonly dissents: readonly Dissent[];
}

/** Everything the minutes say, gathered from the record (R16); turned into text by the shell. */
export interface MinutesRecord {
  readonly meeting: Meeting;
  /** Organisation ids present, in board order. */
  readonly organisations: readonly string[];
  /** Person ids of board people who acted in the meeting or were added. */
  readonly people: readonly string[];
  /** Names the secretary added who are not board people (e.g. guests). */
  readonly otherAttendees: readonly string[];
  /** Those who sent apologies (`afbud`) and were not recorded as present, by when they sent them. */
  readonly apologies?: readonly { readonly personId: string; readonly organisationId?: string }[];
  readonly items: readonly {
    readonly item: NumberedItem;
    readonly conclusions: readonly ConclusionRecord[];
    readonly votes: readonly VoteRecord[];
  }[];
  /** Votes of the meeting not tied to an agenda item (free motions opened on the meeting day). */
  readonly otherVotes: readonly VoteRecord[];
  /** Votes on no item opened since the previous meeting on days without a meeting (betweenMeetingsFrom), by opening. */
  readonly votesBetween?: readonly VoteRecord[];
  /** The meetings cancelled since the previous meeting, with the decisions on their items (betweenMeetingsFrom), by start. */
  readonly cancelledBetween?: readonly {
    readonly meeting: Meeting;
    readonly conclusions: readonly ConclusionRecord[];
    readonly votes: readonly VoteRecord[];
  }[];
  /** What other features record of the meeting (e.g. the tasks made at it), each a titled section of Markdown. */
  readonly sections?: readonly { readonly title: string; readonly text: string }[];
}

/**
 * A decision as the record places it: a vote (opened then) or a conclusion (`openedAt`: when it
 * was concluded), on an item or (a vote) on none; or what is given on no item as such a vote is
 * (a task: `openedAt`, when it was given). `placedMeetingId`, on no item: the meeting it was made
 * at, stored when it was made (absent: made between meetings).
 */
export interface Placed {
  readonly agendaItem?: { readonly meetingId: string };
  readonly openedAt: Date;
  readonly placedMeetingId?: string;
}

/**
 * R16: for a decision taken between meetings, which no meeting's record holds by its item or by
 * where it was made, the instant after which the next meeting's minutes report it; undefined for
 * the others.
 * - On an item of a meeting since cancelled: that meeting's start, where it would have been
 *   dealt with. (A meeting is cancelled before it begins, so this never reaches minutes drafted
 *   already, and a conclusion and the vote on it go to the same minutes.)
 * - On no item, made between meetings (no meeting stored as where it was made), or stored with
 *   a meeting not among `planned` (cancelled: cancelling stores another place, so only what a
 *   cancellation did not see): when it was made.
 * `itemMeeting` is the meeting of its item, if it has one; `planned` the planned meetings from
 * the day it was made on.
 */
export function betweenMeetingsFrom(
  decision: Placed,
  itemMeeting: Pick<Meeting, 'status' | 'startsAt'> | undefined,
  planned: readonly Meeting[],
): Date | undefined {
  if (decision.agendaItem) return itemMeeting?.status === 'cancelled' ? itemMeeting.startsAt : undefined;
  const at = decision.placedMeetingId;
  return at !== undefined && planned.some((m) => m.id === at && m.status === 'planned') ? undefined : decision.openedAt;
}

/**
 * R16: the meeting whose minutes record a decision: its item's meeting; a vote on no item, the
 * meeting stored when it was opened (the one under way then: meetingOfMoment); one taken between
 * meetings (betweenMeetingsFrom), the first planned meeting after that instant, whose minutes
 * report it. None while no meeting is planned after it. `planned`: the planned meetings by start,
 * from the day it was made on, or from the cancelled meeting's start.
 */
export function recordMeetingOf(decision: Placed, itemMeeting: Pick<Meeting, 'status' | 'startsAt'> | undefined, planned: readonly Meeting[]): string | undefined {
  const from = betweenMeetingsFrom(decision, itemMeeting, planned);
  if (from === undefined) return decision.agendaItem?.meetingId ?? decision.placedMeetingId;
  return nextMeetingAfter(planned, from)?.id;
}

/** The first planned meeting that starts after `at`. */
export const nextMeetingAfter = (planned: readonly Meeting[], at: Date): Meeting | undefined =>
  planned.find((m) => m.status === 'planned' && m.startsAt.getTime() > at.getTime());

/**
 * R16: of what was made on no item (votes on no item, tasks: `placed`), what `meeting`'s minutes
 * hold (recordMeetingOf), in order: made at it (stored with it when made), and made between
 * meetings (betweenMeetingsFrom: no meeting under way then, or its meeting cancelled since), which
 * the next meeting's minutes report. The one rule for both, so a task follows a vote on no item made
 * beside it. `planned`: the planned meetings by start, from the day of the earliest of `made` on.
 */
export function madeOnNoItemIn<T>(meeting: Pick<Meeting, 'id'>, made: readonly T[], placed: (t: T) => Placed, planned: readonly Meeting[]): { readonly at: T[]; readonly between: T[] } {
  const at: T[] = [];
  const between: T[] = [];
  for (const t of made) {
    const where = placed(t);
    if (recordMeetingOf(where, undefined, planned) !== meeting.id) continue;
    (betweenMeetingsFrom(where, undefined, planned) === undefined ? at : between).push(t);
  }
  return { at, between };
}
