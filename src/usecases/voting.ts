/**
 * Votes (PRODUCT §1.4, R5, R6): the chair opens one on a motion or an agenda item, members
 * cast their organisation's vote, and it closes by the chair's hand, when every
 * organisation has voted, or at its deadline (the job). Dissents on a closed vote (R8).
 */
import type { Conclusion, Dissent, Objection } from '../domain/conclusion.js';
import { dissentOnVote, type DissentRefusal, repeatsDissent } from '../domain/conclusion.js';
import type { Board } from '../domain/kernel/board.js';
import { ok, refuse } from '../domain/kernel/result.js';
import {
  type AgendaItemRef,
  type Ballot,
  type CastRefusal,
  type CloseReason,
  type CloseRefusal,
  type Motion,
  type OpenRefusal,
  type Tally,
  applyBallot,
  automaticCloseReason,
  canClose,
  castAlready,
  castBallot,
  closed,
  closingTime,
  openMotion,
  tally,
  voteReminderAt,
  voteReminderUntil,
} from '../domain/voting.js';
import { stillOfUse } from '../domain/kernel/reminders.js';
import { z } from 'zod';
import { type Deps, boardStore } from './deps.js';
import { defineJob } from './jobs.js';
import { type MeetingName, type MeetingNamedRefusal, meetingNamed } from './meetings.js';
import { loadAgenda } from './agenda.js';
import { type ItemTaken, decisionOrOpenOnItem } from './decisions.js';
import { type ConclusionsLeftBehind, type VoteState, itemRef, leftBehindOn, loadVote } from './item-headings.js';
import type { MinutesEvent } from './minutes.js';
import { approveByDecisionIn } from './minutes-approval.js';
import { meetingToPlaceIn } from './minutes-record.js';
import type { Meeting, NumberedItem } from '../domain/meeting.js';

/**
 * What `afstemning` did: the vote it opened (on an item: of which meeting), or, for an item
 * already decided or with a decision under way, that one (one decision per item; `genoptag`
 * reopens a decided item).
 */
export interface OpenedVote {
  readonly motion?: Motion;
  readonly meeting?: Meeting;
  readonly item?: NumberedItem;
  readonly decided?: ItemTaken;
}
import { type Origin, type Outcome, type Tx, ask, done, personOf, run } from './runner.js';

export const VOTE_DEADLINE_JOB = 'vote.deadline';
export const voteDeadlineJobKey = (motionId: string) => `${VOTE_DEADLINE_JOB}:${motionId}`;
export const VOTE_REMINDER_JOB = 'vote.reminder';
export const voteReminderJobKey = (motionId: string) => `${VOTE_REMINDER_JOB}:${motionId}`;

// A vote as its card shows it, and its loading: said with the item lines the cards show (item-headings).
export { type VoteState, loadVote };

export type VotingEvent =
  | { readonly type: 'motion.opened'; readonly motion: Motion; readonly data: unknown }
  | ({ readonly type: 'ballot.cast' } & VoteState & { readonly data: unknown })
  | ({ readonly type: 'motion.closed' } & VoteState & { readonly data: unknown })
  | ({ readonly type: 'dissent.added'; readonly dissent: Dissent } & VoteState & { readonly data: unknown })
  /**
   * PRODUCT §1.4: the organisations that have not voted, `voteReminderHours` before the deadline (`ballots`: for the card in a 1:1 reminder).
   * `until`: the deadline, past which the reminder is not sent (voteReminderUntil), also when it waits in the outbox.
   */
  | { readonly type: 'reminder.vote'; readonly motion: Motion; readonly ballots: readonly Ballot[]; readonly organisationIds: readonly string[]; readonly until: Date; readonly key: string; readonly data: unknown };

/** What a redelivered vote action answers: the vote as it stands. */
const current = (motionId: string) => async (tx: Tx): Promise<Outcome<VoteState, 'unknown-motion'>> => {
  const state = await loadVote(tx.repo, motionId);
  return state ? done(state) : refuse('unknown-motion');
};

/** Closes the motion once (the store decides who wins a race); the event that says so, if this closed it. */
async function closeIn(tx: Tx, motion: Motion, ballots: readonly Ballot[], reason: CloseReason): Promise<VotingEvent | undefined> {
  const by = reason === 'chair' ? personOf(tx).id : undefined;
  const at = closingTime(motion, reason, tx.now);
  if (!(await tx.repo.closeMotion(motion.id, at, reason, by))) return undefined;
  await tx.repo.cancelJob(voteDeadlineJobKey(motion.id));
  await tx.repo.cancelJob(voteReminderJobKey(motion.id));
  const after = closed(motion, reason, at, by);
  // R6: its reminder held up in the outbox (Teams down, or a stop) is not sent once the vote has closed.
  await tx.repo.endReminders(voteReminderJobKey(motion.id), voteReminderUntil(after));
  return { type: 'motion.closed', motion: after, ballots, dissents: [], data: { reason, tally: tally(motion, ballots) } };
}

/**
 * R7: a vote opened on a conclusion after an objection has closed: the conclusion's card shows
 * its outcome. Only a vote on an agenda item can be one (a conclusion always names its item).
 */
export interface ConclusionVoteClosed {
  readonly type: 'conclusion.vote-closed';
  readonly conclusion: Conclusion;
  readonly objections: readonly Objection[];
  readonly dissents: readonly Dissent[];
  readonly vote: Tally;
  readonly data: unknown;
}

async function conclusionVoteClosedIn(tx: Tx, closing: VotingEvent | undefined): Promise<ConclusionVoteClosed[]> {
  if (!closing || closing.type !== 'motion.closed' || !closing.motion.agendaItem) return [];
  const { motion } = closing;
  const conclusion = (await tx.repo.listConclusions({ meetingId: motion.agendaItem!.meetingId })).find((c) => c.motionId === motion.id);
  if (!conclusion) return [];
  const [objections, dissents] = await Promise.all([tx.repo.listObjections(conclusion.id), tx.repo.listDissents({ conclusionId: conclusion.id })]);
  const vote = tally(motion, closing.ballots);
  return [{ type: 'conclusion.vote-closed', conclusion, objections, dissents, vote, data: { motionId: motion.id, adopted: vote.adopted } }];
}

/** What a vote on an item decides besides its outcome, when it closes (in the closing transaction). */
export type ClosedVoteEvent = ConclusionVoteClosed | MinutesEvent;

/**
 * What follows when a vote on an agenda item closes: the card of the conclusion it was opened
 * on shows its outcome (R7), and, adopted on the item "approval of the minutes", it approves
 * the previous meeting's minutes as consent does (R16).
 */
async function closedOnItemIn(tx: Tx, closing: VotingEvent | undefined): Promise<ClosedVoteEvent[]> {
  if (!closing || closing.type !== 'motion.closed' || !closing.motion.agendaItem) return [];
  const { motion, ballots } = closing;
  const concluded = await conclusionVoteClosedIn(tx, closing);
  // R16: approved when the vote closed (at its deadline, also when that is caught up later).
  const approved = await approveByDecisionIn(tx, motion.agendaItem!, { kind: 'vote', motionId: motion.id, adopted: tally(motion, ballots).adopted }, motion.closedAt ?? tx.now);
  return [...concluded, ...approved];
}

/** Opens a vote inside the caller's transaction (also used for a vote on a conclusion, R7). */
export async function openVoteIn(tx: Tx, input: { id?: string; text: string; agendaItem?: AgendaItemRef }): Promise<Outcome<Motion, OpenRefusal>> {
  const made = openMotion(tx.board, personOf(tx), { id: input.id ?? tx.newId(), text: input.text, now: tx.now, ...(input.agendaItem ? { agendaItem: input.agendaItem } : {}) });
  if (!made.ok) return made;
  // R16: on no item, stored with the meeting under way, whose minutes hold it (none: opened between meetings).
  const placedMeetingId = input.agendaItem ? undefined : await meetingToPlaceIn(tx);
  const motion: Motion = { ...made.value, ...(placedMeetingId ? { placedMeetingId } : {}) };
  await tx.repo.insertMotion(motion);
  await tx.repo.scheduleJob({ key: voteDeadlineJobKey(motion.id), kind: VOTE_DEADLINE_JOB, dueAt: motion.deadline, payload: { motionId: motion.id } });
  const remindAt = voteReminderAt(motion, tx.board.policies.voteReminderHours, tx.board.timezone);
  if (remindAt) await tx.repo.scheduleJob({ key: voteReminderJobKey(motion.id), kind: VOTE_REMINDER_JOB, dueAt: remindAt, payload: { motionId: motion.id } });
  // R7: on an item, the conclusions objected on it before are left behind: their cards say so.
  const behind = input.agendaItem ? await leftBehindOn(tx.repo, input.agendaItem) : [];
  return done<Motion, VotingEvent | ConclusionsLeftBehind>(motion, { type: 'motion.opened', motion, data: { text: motion.text, deadline: motion.deadline, majority: motion.majority, agendaItem: motion.agendaItem } }, behind);
}

export type OpenVoteRefusal = OpenRefusal | MeetingNamedRefusal | 'not-bound' | 'unknown-item' | 'item-not-fixed' | 'not-for-decision';

/**
 * `afstemning <forslag>` / `afstemning <punktnr>` (PRODUCT §1.4): the chair opens a vote on
 * a motion, or on an item of the current meeting that is for decision. It closes by itself
 * at voteDeadlineHours.
 */
export function openVote(deps: Deps, origin: Origin, input: { readonly motion: string } | (MeetingName & { readonly itemNumber: number })) {
  return run(deps, origin, { action: 'vote.open' }, async (tx): Promise<Outcome<OpenedVote, OpenVoteRefusal>> => {
    if (!(await tx.repo.getBinding())) return refuse('not-bound');
    if ('motion' in input) {
      const opened = await openVoteIn(tx, { text: input.motion });
      return opened.ok ? done({ motion: opened.value }, opened.events) : opened;
    }
    const found = await meetingNamed(tx, input);
    if (!found.ok) return found;
    const meeting = found.value;
    const item = (await loadAgenda(tx, meeting)).items.find((i) => i.number === input.itemNumber);
    if (!item) return refuse('unknown-item');
    // An item another feature puts on a draft has no row yet (it gets one when the agenda is sent): a decision could not name it.
    if (!item.itemId) return refuse('item-not-fixed');
    if (item.kind !== 'decision') return refuse('not-for-decision');
    const taken = await decisionOrOpenOnItem(tx.repo, meeting, item);
    if (taken) return done({ decided: taken });
    const agendaItem = await itemRef(deps, tx, meeting, item);
    const opened = await openVoteIn(tx, { text: deps.texts.itemMotion(tx.board, item, meeting), agendaItem });
    return opened.ok ? done({ motion: opened.value, meeting, item }, opened.events) : opened;
  });
}

/**
 * R5: one vote per organisation; any member casts or changes it; the last counts. The
 * motion is read once and its ballots once (together: one round trip on PostgreSQL). R6:
 * when every organisation has voted, the vote closes, once (PRODUCT §4).
 *
 * Votes on one motion do not wait for each other: the motion is read with a shared lock,
 * so a close (which locks it) waits for the votes under way, and a vote for a close under
 * way, then finding the motion closed. Where changes run one after another (SQLite), the
 * vote that sees every organisation's ballot closes the motion in its own transaction.
 * Where they run side by side (PostgreSQL), two last votes cast at the same moment may each
 * miss the other's ballot: after its commit, a vote reads the ballots as committed (the later
 * of two such votes sees both), and if every organisation has voted, closes the motion in a
 * transaction that locks it (closeWhenAllVoted).
 */
export async function castVote(deps: Deps, origin: Origin, input: { readonly motionId: string; readonly choice: unknown }) {
  const concurrent = boardStore(deps, origin.board).concurrentChanges;
  let committed: Promise<Ballot[]> | undefined;
  const cast = await run(deps, origin, { action: 'vote.cast', again: current(input.motionId) }, async (tx): Promise<Outcome<VoteState, CastRefusal | 'unknown-motion'>> => {
    const read = await tx.repo.getMotionWithBallots(input.motionId, { lock: 'shared' });
    if (!read) return refuse('unknown-motion');
    const { motion, ballots: before } = read;
    const cast = castBallot(motion, personOf(tx), input.choice, tx.now);
    // Closed, and their own ballot is this choice (a double tap on the press that closed it): the vote as it stands.
    if (!cast.ok) return cast.reason === 'vote-closed' && castAlready(before, personOf(tx), input.choice) ? current(input.motionId)(tx) : cast;
    const ballot = cast.value;
    await tx.repo.upsertBallot(ballot);
    const previous = before.find((b) => b.organisationId === ballot.organisationId);
    const ballots = applyBallot(before, ballot);
    const castEvent: VotingEvent = {
      type: 'ballot.cast',
      motion,
      ballots,
      dissents: [],
      data: { organisationId: ballot.organisationId, choice: ballot.choice, ...(previous ? { replaces: { choice: previous.choice, castBy: previous.castBy } } : {}) },
    };
    const reason = automaticCloseReason(motion, ballots, tx.now);
    // Side by side, a vote committing now may hold the missing ballot: read them as committed after this commit.
    if (concurrent && !reason) committed = tx.repo.listBallotsOnceCommitted(motion.id);
    const closing = reason && !concurrent ? await closeIn(tx, motion, ballots, reason) : undefined;
    return done<VoteState, VotingEvent | ClosedVoteEvent>({ motion: closing?.motion ?? motion, ballots, dissents: [] }, castEvent, closing ? [closing] : [], await closedOnItemIn(tx, closing));
  });
  if (!concurrent || !cast.ok) return cast;
  // A redelivery is answered from what the first delivery committed: the read this attempt
  // queued behind its COMMIT went with the rollback, and the ballots are read anew.
  const asCommitted = committed?.catch(() => boardStore(deps, origin.board).listBallots(input.motionId));
  return (await closeWhenAllVoted(deps, origin, cast.value, asCommitted)) ?? cast;
}

/**
 * After a vote's commit, where changes run side by side: closes the motion if every
 * organisation has voted (R6), reading the ballots as committed when the vote's own view
 * lacked some (`committed`: as the vote's transaction read them right after its commit;
 * a redelivered vote reads them now). The close locks the motion and reads the ballots
 * again (closeIfDue), so of two such calls one closes it and the other finds it closed.
 * The vote as closed, or undefined.
 */
async function closeWhenAllVoted(deps: Deps, origin: Origin, state: VoteState, committed?: Promise<Ballot[]>) {
  if (state.motion.closedAt) return undefined;
  const now = deps.clock();
  const ballots = automaticCloseReason(state.motion, state.ballots, now) ? state.ballots : await (committed ?? boardStore(deps, origin.board).listBallots(state.motion.id));
  if (automaticCloseReason(state.motion, ballots, now) !== 'all-voted') return undefined;
  // Not the vote's activity: that one is recorded as processed already.
  const closed = await run(deps, { board: origin.board, actor: origin.actor }, { action: 'vote.cast' }, (tx) => closeIfDue(tx, state.motion.id));
  return closed.ok && closed.value ? ok(closed.value) : undefined;
}

type NotClosed = 'unknown-motion' | 'already-closed' | 'not-due';

/**
 * Closes the motion if automaticCloseReason says it is due (every organisation has voted, or
 * its deadline has passed), reading it locked first and then its ballots: the vote as closed,
 * with the events that say so, or why not.
 */
async function closeIfDue(tx: Tx, motionId: string): Promise<Outcome<VoteState, NotClosed>> {
  const read = await tx.repo.getMotionWithBallots(motionId, { lock: true });
  if (!read) return refuse('unknown-motion');
  const { motion, ballots } = read;
  if (motion.closedAt) return refuse('already-closed');
  const reason = automaticCloseReason(motion, ballots, tx.now);
  if (!reason) return refuse('not-due');
  const closing = await closeIn(tx, motion, ballots, reason);
  if (!closing) return refuse('already-closed');
  return done<VoteState, VotingEvent | ClosedVoteEvent>({ motion: closing.motion, ballots, dissents: [] }, closing, await closedOnItemIn(tx, closing));
}

/**
 * *Luk afstemning*: the chair closes the vote; the outcome is announced. With organisations
 * missing it closes only when the chair `confirmed` (PRODUCT §1.4); else nothing changes. Past
 * its deadline it closes as the deadline closes it (R6: at the deadline).
 */
export function closeVote(deps: Deps, origin: Origin, motionId: string, confirmed = true) {
  return run(deps, origin, { action: 'vote.close', again: current(motionId) }, async (tx): Promise<Outcome<VoteState, CloseRefusal | 'unknown-motion'>> => {
    const read = await tx.repo.getMotionWithBallots(motionId, { lock: true });
    if (!read) return refuse('unknown-motion');
    const { motion, ballots } = read;
    const closable = canClose(motion, ballots, confirmed, tx.now);
    if (!closable.ok) return closable;
    const closing = await closeIn(tx, motion, ballots, closable.value);
    if (!closing) return refuse('vote-closed');
    return done<VoteState, VotingEvent | ClosedVoteEvent>({ motion: closing.motion, ballots, dissents: [] }, closing, await closedOnItemIn(tx, closing));
  });
}

/** The deadline job: closes the vote if it is still open. Idempotent. */
export async function closeVoteAtDeadline(deps: Deps, board: Board, motionId: string): Promise<'closed' | NotClosed> {
  const result = await run(deps, { board, actor: 'system' }, { action: 'vote.close' }, (tx) => closeIfDue(tx, motionId));
  if (result.ok) return 'closed';
  return result.reason === 'already-closed' || result.reason === 'not-due' ? result.reason : 'unknown-motion';
}

/**
 * The reminder job: members of the organisations that have not voted are reminded (the
 * reaction says how to reach them). Nothing when the vote is closed or everyone voted; nothing
 * either, said in a line for the log, when it runs at or past the deadline (the bot was down
 * across it: the deadline closes the vote next).
 */
export async function remindVoters(deps: Deps, board: Board, motionId: string, key: string): Promise<string | undefined> {
  const result = await run(deps, { board, actor: 'system' }, { action: 'vote.close' }, async (tx) => {
    const motion = await tx.repo.getMotion(motionId);
    if (!motion?.deadline || motion.closedAt) return done(undefined);
    const until = voteReminderUntil(motion);
    if (!stillOfUse(until, tx.now)) return done(`reminder not sent: its moment has passed (the vote closes at ${until.toISOString()})`);
    const ballots = await tx.repo.listBallots(motionId);
    const missing = tally(motion, ballots).notVoted;
    if (missing.length === 0) return done(undefined);
    return done(undefined, { type: 'reminder.vote', motion, ballots, organisationIds: missing, until, key, data: { organisations: missing } } satisfies VotingEvent);
  });
  return result.ok ? result.value : undefined;
}

/** R8: a dissent on a closed vote, by a member whose organisation voted against. */
export function dissentToVote(deps: Deps, origin: Origin, input: { readonly motionId: string; readonly text?: unknown }) {
  return run(deps, origin, { action: 'vote.dissent', again: current(input.motionId) }, async (tx): Promise<Outcome<VoteState, DissentRefusal | 'unknown-motion'>> => {
    const state = await loadVote(tx.repo, input.motionId);
    if (!state) return refuse('unknown-motion');
    if (repeatsDissent(personOf(tx), state.dissents, input.text)) return done(state);
    const made = dissentOnVote(personOf(tx), state.motion, state.ballots, state.dissents, { id: tx.newId(), text: input.text, now: tx.now });
    if (!made.ok) return made;
    const dissent = made.value;
    if (!(await tx.repo.insertDissent(dissent))) return refuse('already-dissented');
    const after = { ...state, dissents: [...state.dissents, dissent] };
    return done(after, { type: 'dissent.added', ...after, dissent, data: { organisationId: dissent.organisationId, text: dissent.text } });
  });
}

/** *Opdater* (card refresh): the vote as it stands. */
export function showVote(deps: Deps, origin: Origin, motionId: string) {
  return ask(deps, origin, 'board.read', async ({ repo }) => {
    const state = await loadVote(repo, motionId);
    return state ? { ok: true as const, value: state } : refuse('unknown-motion' as const);
  });
}

export const votingJobs = [
  /** The vote's deadline (voteDeadlineHours): it closes if it is still open. */
  defineJob({
    kind: VOTE_DEADLINE_JOB,
    payload: z.object({ motionId: z.string().min(1) }),
    run: async ({ deps, board }, { motionId }) => void (await closeVoteAtDeadline(deps, board, motionId)),
  }),
  /** voteReminderHours before the deadline: members of organisations that have not voted are reminded. */
  defineJob({
    kind: VOTE_REMINDER_JOB,
    payload: z.object({ motionId: z.string().min(1) }),
    run: async ({ deps, board }, { motionId }, job) => remindVoters(deps, board, motionId, job.key),
  }),
];
