/**
 * Decisions by consent (R7) and dissents (R8). The chair concludes an agenda item;
 * if nobody objects before the chair closes it or the objection window ends, the item
 * is declared decided ("afgjort"). An objection sends it to a formal vote or back to
 * the chair. A member who disagrees may have a dissent ("saerstandpunkt") entered in
 * the minutes, in their own words.
 */
import type { Board, Person } from './kernel/board.js';
import { type Result, ok, refuse } from './kernel/result.js';
import { type AgendaItemRef, type Ballot, type Motion, tally } from './voting.js';
import { visibleText } from './kernel/text.js';

export type ConclusionStatus = 'open' | 'decided' | 'objected' | 'voted';

export interface Conclusion {
  readonly id: string;
  readonly agendaItem: AgendaItemRef;
  /** The item's number and title when concluded, as the board saw them. */
  readonly itemLabel: string;
  readonly text: string;
  readonly concludedBy: string;
  readonly concludedAt: Date;
  /** End of the objection window (policy objectionHours); it decides nothing when `untilClosed`. */
  readonly objectionDeadline: Date;
  /** R7: posted during its meeting (policy objectionWindowInMeeting: untilClosed): open until the chair closes it. */
  readonly untilClosed?: boolean;
  readonly status: ConclusionStatus;
  readonly decidedAt?: Date;
  /** How it was decided: by the chair's close, or by the window running out. */
  readonly decidedBy?: 'chair' | 'window';
  /** The formal vote opened on it after an objection. */
  readonly motionId?: string;
  /** The chair reopened its item (`genoptag`): it no longer decides it. */
  readonly reopenedAt?: Date;
}

export interface Objection {
  readonly conclusionId: string;
  readonly personId: string;
  readonly organisationId: string;
  readonly at: Date;
  /** Why, in the objector's own words (optional, PRODUCT §1.5). */
  readonly reason?: string;
}

/**
 * R7, R18: a decision (a conclusion or a vote) stands until the chair reopens its item
 * (`genoptag`); one reopened no longer decides the item and is not counted as the board's.
 */
export function stands(decision: { readonly reopenedAt?: Date }): boolean {
  return decision.reopenedAt === undefined;
}

export const MAX_OBJECTION_REASON = 2000;

/** A dissent ("saerstandpunkt", R8): on a conclusion or on a vote, word for word. */
export interface Dissent {
  readonly id: string;
  readonly subject: { readonly conclusionId: string } | { readonly motionId: string };
  readonly personId: string;
  readonly organisationId: string;
  readonly text: string;
  readonly at: Date;
}

export const MAX_CONCLUSION_TEXT = 2000;
export const MAX_DISSENT_TEXT = 2000;

export type ConcludeRefusal = 'empty-conclusion' | 'conclusion-too-long';

/** R7: the chair concludes an item (policy `conclusion.make`). */
export function conclude(
  board: Board,
  chair: Person,
  input: { id: string; agendaItem: AgendaItemRef; itemLabel: string; text: string; now: Date; duringMeeting?: boolean },
): Result<Conclusion, ConcludeRefusal> {
  const text = visibleText(input.text);
  if (!text) return refuse('empty-conclusion');
  if (text.length > MAX_CONCLUSION_TEXT) return refuse('conclusion-too-long');
  return ok({
    id: input.id,
    agendaItem: input.agendaItem,
    itemLabel: input.itemLabel,
    text,
    concludedBy: chair.id,
    concludedAt: input.now,
    objectionDeadline: new Date(input.now.getTime() + board.policies.objectionHours * 3_600_000),
    ...(input.duringMeeting && board.policies.objectionWindowInMeeting === 'untilClosed' ? { untilClosed: true } : {}),
    status: 'open',
  });
}

export type ObjectRefusal = 'conclusion-closed' | 'objection-window-ended' | 'already-objected' | 'reason-too-long' | 'objection-reopened';

/**
 * R7: any voting member (policy `conclusion.object`) may object while the conclusion is open, or,
 * objected, while it waits for the chair. That no other decision on its item has been made or
 * opened since (the chair left it behind) needs the record: the use case asks (decisionOrOpenOnItemOf).
 * Its window ended, the window decided it (decidedByWindow), recorded or not yet: said so.
 */
export function object(person: Person, conclusion: Conclusion, objections: readonly Objection[], now: Date, reasonText?: unknown): Result<Objection, ObjectRefusal> {
  if (conclusion.status === 'decided' && conclusion.decidedBy === 'window') return refuse('objection-window-ended');
  if (conclusion.status !== 'open' && conclusion.status !== 'objected') return refuse('conclusion-closed');
  if (conclusion.status === 'open' && !conclusion.untilClosed && now.getTime() >= conclusion.objectionDeadline.getTime()) return refuse('objection-window-ended');
  // Its item reopened since (`genoptag`): it goes to no vote (canVoteOnConclusion); the chair concludes anew.
  if (!stands(conclusion)) return refuse('objection-reopened');
  if (objections.some((o) => o.personId === person.id)) return refuse('already-objected');
  const reason = typeof reasonText === 'string' ? visibleText(reasonText) : '';
  if (reason.length > MAX_OBJECTION_REASON) return refuse('reason-too-long');
  return ok({ conclusionId: conclusion.id, personId: person.id, organisationId: person.organisationId!, at: now, ...(reason ? { reason } : {}) });
}

export type CloseConclusionRefusal = 'conclusion-closed' | 'has-objection';

/**
 * R7: with no objection, the chair's close (policy `conclusion.close`) declares the item decided:
 * by whom. Pressed after its window ended (`now`), before the scheduler decided it, the window did.
 */
export function closeConclusion(conclusion: Conclusion, objections: readonly Objection[], now?: Date): Result<'chair' | 'window', CloseConclusionRefusal> {
  if (conclusion.status !== 'open') return refuse(conclusion.status === 'objected' ? 'has-objection' : 'conclusion-closed');
  if (objections.length > 0) return refuse('has-objection');
  return ok(now !== undefined && decidedByWindow(conclusion, objections, now) ? 'window' : 'chair');
}

/** R7: the window ran out with no objection: decided. */
export function decidedByWindow(conclusion: Conclusion, objections: readonly Objection[], now: Date): boolean {
  return conclusion.status === 'open' && !conclusion.untilClosed && objections.length === 0 && now.getTime() >= conclusion.objectionDeadline.getTime();
}

/**
 * R7: an objected conclusion the chair has left behind: on its item, another conclusion (open,
 * decided or put to a vote) or a vote was made since. Its card then says so and offers no vote.
 */
export function leftBehind(conclusion: Conclusion, conclusions: readonly Conclusion[], motions: readonly Motion[]): boolean {
  if (conclusion.status !== 'objected') return false;
  const onItem = (ref: AgendaItemRef | undefined) => ref !== undefined && onSameItem(conclusion.agendaItem, ref);
  return conclusions.some((other) => other.id !== conclusion.id && other.status !== 'objected' && onItem(other.agendaItem)) || motions.some((m) => onItem(m.agendaItem));
}

/** Whether two decisions' references name the same item of their meeting (by its row, or a standing item's key). */
export function onSameItem(a: AgendaItemRef, b: AgendaItemRef): boolean {
  return a.meetingId === b.meetingId && (a.itemId ? b.itemId === a.itemId : a.standing !== undefined && b.standing === a.standing);
}

export type VoteOnConclusionRefusal = 'no-objection' | 'already-voting' | 'conclusion-reopened';

/**
 * R7: after an objection the chair (policy `conclusion.vote`) may send the conclusion to a formal
 * vote (R5, R6). This is the conclusion's own state; that its item has no other decision, made or
 * under way (one decision per item), needs the record: the use case asks (decisionOrOpenOnItemOf).
 */
export function canVoteOnConclusion(conclusion: Conclusion): Result<true, VoteOnConclusionRefusal> {
  if (conclusion.motionId || conclusion.status === 'voted') return refuse('already-voting');
  // Its item reopened since (`genoptag`): a new decision starts from a new conclusion, not an old objected one.
  if (!stands(conclusion)) return refuse('conclusion-reopened');
  if (conclusion.status !== 'objected') return refuse('no-objection');
  return ok(true);
}

export type DissentRefusal =
  | 'empty-dissent'
  | 'dissent-too-long'
  | 'not-against'
  | 'vote-open'
  | 'already-dissented'
  | 'dissent-conclusion-voted'
  | 'dissent-conclusion-reopened'
  | 'dissent-conclusion-left-behind'
  | 'dissent-vote-reopened';

function cleanDissent(text: unknown): Result<string, 'empty-dissent' | 'dissent-too-long'> {
  const clean = typeof text === 'string' ? visibleText(text) : '';
  if (!clean) return refuse('empty-dissent');
  if (clean.length > MAX_DISSENT_TEXT) return refuse('dissent-too-long');
  return ok(clean);
}

/**
 * R8: `text` is the dissent `person` has entered already, word for word as stored (its submit
 * button tapped twice): the one dissent stands, and nothing is refused.
 */
export function repeatsDissent(person: Person, existing: readonly Dissent[], text: unknown): boolean {
  const clean = cleanDissent(text);
  return clean.ok && existing.some((d) => d.personId === person.id && d.text === clean.value);
}

/**
 * R8: whether a dissent may be added on `conclusion` at all (dissentOnConclusion's rules beyond the
 * policy `conclusion.dissent`, its text aside; its card offers *Saerstandpunkt* only then): only
 * while it stands as the item's conclusion. Not once its item was reopened (`genoptag`): it no
 * longer decides it. Not once it was put to a vote (R7): the vote decides, and a dissent belongs on
 * the vote, under the vote's rule (mayDissentOnVote). Not once the chair has left it behind,
 * objected (`leftBehind`, which the record tells: another conclusion or a vote made on its item
 * since): the decision that took its place takes the dissent. One entered before any of that stays.
 */
export function mayDissentOnConclusion(conclusion: Conclusion, record: { readonly leftBehind: boolean }): Result<true, DissentRefusal> {
  if (!stands(conclusion)) return refuse('dissent-conclusion-reopened');
  if (conclusion.status === 'voted' || conclusion.motionId !== undefined) return refuse('dissent-conclusion-voted');
  if (record.leftBehind) return refuse('dissent-conclusion-left-behind');
  return ok(true);
}

/** R8: a member (policy `conclusion.dissent`) may ask for a dissent on a conclusion to be entered in the minutes. */
export function dissentOnConclusion(
  person: Person,
  conclusion: Conclusion,
  existing: readonly Dissent[],
  input: { id: string; text: unknown; now: Date; leftBehind: boolean },
): Result<Dissent, DissentRefusal> {
  const may = mayDissentOnConclusion(conclusion, input);
  if (!may.ok) return may;
  if (existing.some((d) => d.personId === person.id)) return refuse('already-dissented');
  const text = cleanDissent(input.text);
  if (!text.ok) return text;
  return ok({ id: input.id, subject: { conclusionId: conclusion.id }, personId: person.id, organisationId: person.organisationId!, text: text.value, at: input.now });
}

/**
 * R8: whether anyone may add a dissent on `motion` (its card shows *Saerstandpunkt* only then):
 * once it closed, with a vote against it or, not adopted, for it; and not once its item was
 * reopened (`genoptag`): it no longer decides the item.
 */
export function takesDissents(motion: Motion, ballots: readonly Ballot[]): Result<true, 'vote-open' | 'dissent-vote-reopened' | 'not-against'> {
  if (!stands(motion)) return refuse('dissent-vote-reopened');
  if (motion.closedAt === undefined) return refuse('vote-open');
  const t = tally(motion, ballots);
  if (t.against === 0 && (t.adopted || t.for === 0)) return refuse('not-against');
  return ok(true);
}

/**
 * R8: whether `person` may add a dissent on `motion` (dissentOnVote's rules beyond the policy
 * `vote.dissent`, its text aside): their organisation voted against (PRODUCT §1.4), or, the motion
 * not adopted, for it: outvoted, they disagree with the board's decision as much. Not once its
 * item was reopened (`genoptag`).
 */
export function mayDissentOnVote(person: Person, motion: Motion, ballots: readonly Ballot[], existing: readonly Dissent[]): Result<true, DissentRefusal> {
  const takes = takesDissents(motion, ballots);
  if (!takes.ok) return takes;
  const ballot = ballots.find((b) => b.organisationId === person.organisationId);
  const outvotedFor = ballot?.choice === 'for' && !tally(motion, ballots).adopted;
  if (ballot?.choice !== 'against' && !outvotedFor) return refuse('not-against');
  if (existing.some((d) => d.personId === person.id)) return refuse('already-dissented');
  return ok(true);
}

/** R8: on a closed vote, members (policy `vote.dissent`) whose organisation voted against, or for a motion not adopted, may add a dissent. */
export function dissentOnVote(
  person: Person,
  motion: Motion,
  ballots: readonly Ballot[],
  existing: readonly Dissent[],
  input: { id: string; text: unknown; now: Date },
): Result<Dissent, DissentRefusal> {
  const may = mayDissentOnVote(person, motion, ballots, existing);
  if (!may.ok) return may;
  const text = cleanDissent(input.text);
  if (!text.ok) return text;
  return ok({ id: input.id, subject: { motionId: motion.id }, personId: person.id, organisationId: person.organisationId!, text: text.value, at: input.now });
}
