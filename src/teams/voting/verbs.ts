/** The vote card's actions (PRODUCT §2): the answer is the card as the change left it, rendered once. */
import { z } from 'zod';
import type { Result } from '../../domain/kernel/result.js';
import { refreshAudience } from '../../usecases/roster.js';
import { type VoteState, castVote, closeVote, dissentToVote, showVote } from '../../usecases/voting.js';
import { type VerbSpec, verb } from '../feature.js';
import { outboxKeys } from '../outbox/keys.js';
import type { Turn } from '../turn/context.js';
import { type RefusalKey, type Reply, refusal, showCard } from '../turn/reply.js';
import { id, text } from '../verb-data.js';
import { voteCard } from './card.js';

/**
 * The card the change posted, or (a redelivery, a refresh: nothing posted) the card of the state it returned;
 * `personal`: the card of the person who asks, with only the buttons they may press (a refresh).
 */
async function answer(turn: Turn, result: Result<VoteState, RefusalKey>, personal = false): Promise<Reply> {
  if (!result.ok) return refusal(result.reason);
  const { motion, ballots, dissents } = result.value;
  const viewer = personal && turn.origin.actor !== 'system' ? { viewer: turn.origin.actor } : {};
  return showCard(turn.posted(outboxKeys.voteCard(motion.id)) ?? voteCard(turn.origin.board, motion, ballots, await refreshAudience(turn.deps, turn.origin.board), dissents, { now: turn.deps.clock(), ...viewer }));
}

/** A refusal said in the words of this verb ("only the chair can close the vote"). */
const saying = <T, R extends string>(result: Result<T, R>, words: Partial<Record<R, RefusalKey>>): Result<T, RefusalKey> =>
  result.ok ? result : { ok: false, reason: words[result.reason] ?? (result.reason as unknown as RefusalKey) };

export const votingVerbs: Record<string, VerbSpec> = {
  'vote.cast': verb(z.object({ motionId: id, choice: z.string() }), async (turn, data) => answer(turn, await castVote(turn.deps, turn.origin, data))),
  'vote.close': verb(z.object({ motionId: id, confirm: z.boolean().optional() }), async (turn, data) => {
    const result = await closeVote(turn.deps, turn.origin, data.motionId, data.confirm === true);
    if (result.ok || result.reason !== 'organisations-missing') return answer(turn, saying(result, { 'not-chair': 'not-chair-close' }));
    // PRODUCT §1.4: organisations are missing: the chair's card asks to confirm, naming them; nothing changed.
    const state = await showVote(turn.deps, turn.origin, data.motionId);
    if (!state.ok) return refusal(state.reason);
    const { motion, ballots, dissents } = state.value;
    return showCard(voteCard(turn.origin.board, motion, ballots, await refreshAudience(turn.deps, turn.origin.board), dissents, { confirmClose: true, now: turn.deps.clock() }));
  }),
  // Teams asks for it when one of the card's refresh.userIds sees the card: theirs, with their buttons only.
  'vote.refresh': verb(z.object({ motionId: id }), async (turn, data) => answer(turn, await showVote(turn.deps, turn.origin, data.motionId), true)),
  'vote.dissent': verb(z.object({ motionId: id, text: text('dissent-too-long') }), async (turn, data) => answer(turn, await dissentToVote(turn.deps, turn.origin, data))),
};
