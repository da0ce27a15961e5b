import type { Person } from '../domain/kernel/board.js';
import { type Result, ok, refuse } from '../domain/kernel/result.js';
import { can } from '../domain/kernel/policy.js';
import {
  type AgendaItemRef,
  type Ballot,
  type CastRefusal,
  type CloseReason,
  type Motion,
  type OpenRefusal,
  applyBallot,
  automaticCloseReason,
  canClose,
  castBallot,
  openMotion,
  tally,
} from '../domain/voting.js';
import type { Repository } from '../store/port.js';
import { type Deps, type Origin, audit, firstDelivery } from './deps.js';

export const VOTE_DEADLINE_JOB = 'vote.deadline';
export const voteDeadlineJobKey = (motionId: string) => `${VOTE_DEADLINE_JOB}:${motionId}`;

export interface VoteState {
  readonly motion: Motion;
  readonly ballots: readonly Ballot[];
}

/** The audit entry of a change to a motion. */
function auditMotion(repo: Repository, now: Date, actor: string, action: string, motionId: string, data: unknown, origin: Origin) {
  return audit(repo, { at: now, actor, action, subject: `motion:${motionId}`, data }, origin);
}

export async function loadVote(repo: Repository, motionId: string): Promise<VoteState | undefined> {
  const motion = await repo.getMotion(motionId);
  if (!motion) return undefined;
  return { motion, ballots: await repo.listBallots(motionId) };
}

/** Closes the motion once (the store decides who wins a race) and emits the outcome. */
async function closeOnce(
  deps: Deps,
  repo: Repository,
  motion: Motion,
  reason: CloseReason,
  now: Date,
  actor: string,
  origin: Origin,
): Promise<boolean> {
  const won = await repo.closeMotion(motion.id, now, reason, reason === 'chair' ? actor : undefined);
  if (!won) return false;
  const ballots = await repo.listBallots(motion.id);
  await auditMotion(repo, now, actor, 'motion.closed', motion.id, { reason, tally: tally(motion, ballots) }, origin);
  await repo.cancelJob(voteDeadlineJobKey(motion.id));
  await deps.publisher.publish(repo, { type: 'vote.closed', motionId: motion.id });
  return true;
}

/** Opens a vote inside the caller's transaction (also used for a vote on a conclusion, R7). */
export async function openVoteIn(
  deps: Deps,
  repo: Repository,
  opener: Person,
  input: { id?: string; text: string; agendaItem?: AgendaItemRef; now: Date },
  origin: Origin,
): Promise<Result<Motion, OpenRefusal | 'not-bound'>> {
  if (!(await repo.getBinding())) return refuse('not-bound' as const);
  const result = openMotion(deps.board, opener, { id: input.id ?? deps.newId(), text: input.text, now: input.now, ...(input.agendaItem ? { agendaItem: input.agendaItem } : {}) });
  if (!result.ok) return result;
  const motion = result.value;
  await repo.insertMotion(motion);
  await repo.scheduleJob({ key: voteDeadlineJobKey(motion.id), kind: VOTE_DEADLINE_JOB, dueAt: motion.deadline, payload: { motionId: motion.id } });
  await auditMotion(repo, input.now, opener.id, 'motion.opened', motion.id, { text: motion.text, deadline: motion.deadline, majority: motion.majority, agendaItem: motion.agendaItem }, origin);
  await deps.publisher.publish(repo, { type: 'vote.opened', motionId: motion.id });
  return ok(motion);
}

/** PRODUCT §1.4: the chair opens a vote on a motion; it closes by itself at voteDeadlineHours. */
export async function openVote(
  deps: Deps,
  opener: Person,
  text: string,
  origin: Origin,
  agendaItem?: AgendaItemRef,
): Promise<Result<Motion | undefined, OpenRefusal | 'not-bound' | 'not-chair'>> {
  const allowed = can(opener, 'vote.open');
  if (!allowed.ok) return allowed;
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    if (!(await repo.getBinding())) return refuse('not-bound' as const);
    const check = openMotion(deps.board, opener, { id: 'check', text, now });
    if (!check.ok) return check;
    if (!(await firstDelivery(repo, origin, now))) return ok(undefined);
    return openVoteIn(deps, repo, opener, { text, now, ...(agendaItem ? { agendaItem } : {}) }, origin);
  });
}

export type CastFailure = CastRefusal | 'unknown-motion' | 'secretary-cannot-vote' | 'guest-cannot-vote';

/**
 * R5: one vote per organisation; any member casts or changes it; the last counts.
 * The ballot is committed before this resolves (the invoke is answered after).
 * When every organisation has voted the vote closes by itself.
 */
export async function castVote(
  deps: Deps,
  voter: Person,
  input: { motionId: string; choice: unknown },
  origin: Origin,
): Promise<Result<VoteState, CastFailure>> {
  const allowed = can(voter, 'vote.cast');
  if (!allowed.ok) return allowed;
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    // Locked first: of two last ballots cast at once, the second counts the first (PRODUCT §4).
    const motion = await repo.getMotion(input.motionId, { lock: true });
    if (!motion) return refuse('unknown-motion' as const);
    if (!(await firstDelivery(repo, origin, now))) return ok((await loadVote(repo, motion.id))!);
    const before = await repo.listBallots(motion.id);
    const cast = castBallot(motion, voter, input.choice, now);
    if (!cast.ok) return cast;
    const ballot = cast.value;
    await repo.upsertBallot(ballot);
    const previous = before.find((b) => b.organisationId === ballot.organisationId);
    await auditMotion(repo,
      now,
      voter.id,
      'ballot.cast',
      motion.id,
      { organisationId: ballot.organisationId, choice: ballot.choice, ...(previous ? { replaces: { choice: previous.choice, castBy: previous.castBy } } : {}) },
      origin,
    );
    await deps.publisher.publish(repo, { type: 'vote.cast', motionId: motion.id });
    const after = applyBallot(before, ballot);
    const reason = automaticCloseReason(motion, after, now);
    if (reason) await closeOnce(deps, repo, motion, reason, now, voter.id, origin);
    return ok((await loadVote(repo, motion.id))!);
  });
}

export type CloseFailure = 'not-chair' | 'vote-closed' | 'unknown-motion';

/** The chair closes the vote; the outcome is announced. */
export async function closeVote(
  deps: Deps,
  chair: Person,
  motionId: string,
  origin: Origin,
): Promise<Result<VoteState, CloseFailure>> {
  const allowed = can(chair, 'vote.close');
  if (!allowed.ok) return allowed;
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    const motion = await repo.getMotion(motionId, { lock: true });
    if (!motion) return refuse('unknown-motion' as const);
    if (!(await firstDelivery(repo, origin, now))) return ok((await loadVote(repo, motion.id))!);
    const closable = canClose(motion);
    if (!closable.ok) return closable;
    await closeOnce(deps, repo, motion, 'chair', now, chair.id, origin);
    return ok((await loadVote(repo, motion.id))!);
  });
}

/** The deadline job: closes the vote if it is still open. Idempotent. */
export async function closeVoteAtDeadline(deps: Deps, motionId: string): Promise<'closed' | 'already-closed' | 'not-due' | 'unknown-motion'> {
  const now = deps.clock();
  return deps.store.transaction(async (repo) => {
    const motion = await repo.getMotion(motionId, { lock: true });
    if (!motion) return 'unknown-motion';
    if (motion.closedAt) return 'already-closed';
    const reason = automaticCloseReason(motion, await repo.listBallots(motionId), now);
    if (!reason) return 'not-due';
    await closeOnce(deps, repo, motion, reason, now, 'system', {});
    return 'closed';
  });
}
