/** What follows from a vote: its card, posted and kept up to date, and the announced outcome (PRODUCT §1.4). */
import type { VotingEvent, VoteState } from '../../usecases/voting.js';
import { outboxKeys } from '../outbox/keys.js';
import { type Post, type ReactionContext, type Reactions, cardPost, textPost } from '../outbox/posts.js';
import { outcomeAnnouncement, voteCard } from './card.js';

async function card(ctx: ReactionContext, state: VoteState, update: boolean): Promise<Post> {
  const refresh = await ctx.refreshUserIds();
  return cardPost(outboxKeys.voteCard(state.motion.id), ctx.channel, () => voteCard(ctx.board, state.motion, state.ballots, refresh, state.dissents), update);
}

export const votingReactions: Reactions<VotingEvent> = {
  'motion.opened': async (event, ctx) => [await card(ctx, { motion: event.motion, ballots: [], dissents: [] }, false)],
  'ballot.cast': async (event, ctx) => [await card(ctx, event, true)],
  'motion.closed': async (event, ctx) => [
    await card(ctx, event, true),
    textPost(outboxKeys.voteOutcome(event.motion.id), ctx.channel, outcomeAnnouncement(ctx.board, event.motion, event.ballots)),
  ],
  // A dissent on a conclusion is the conclusions' (its event carries no motion).
  'dissent.added': async (event, ctx) => ('motion' in event ? [await card(ctx, event, true)] : []),
};
