/** What follows from a vote: its card, posted and kept up to date, and the announced outcome (PRODUCT §1.4). */
import type { VotingEvent, VoteState } from '../../usecases/voting.js';
import type { ItemReopened } from '../../usecases/decisions.js';
import type { ItemsRenamed } from '../../usecases/item-headings.js';
import { outboxKeys } from '../outbox/keys.js';
import { membersOf } from '../../domain/kernel/board.js';
import { formatDateTime, formatList } from '../../i18n/index.js';
import { type Post, type ReactionContext, type Reactions, cardPost, reminderPosts, remindsUntil, textPost } from '../outbox/posts.js';
import { organisationLabel } from '../text/names.js';
import { md } from '../text/markdown.js';
import { outcomeAnnouncement, voteCard } from './card.js';

/** The vote card; updated, the copies 1:1 reminders carry follow it, each with its member's buttons (outbox/copies.ts). */
export async function voteCardPost(ctx: ReactionContext, state: VoteState, update: boolean): Promise<Post> {
  const refresh = await ctx.refreshUserIds();
  const { board, now } = ctx;
  return cardPost(
    outboxKeys.voteCard(state.motion.id),
    ctx.channel,
    () => voteCard(board, state.motion, state.ballots, refresh, state.dissents),
    update,
    (person) => voteCard(board, state.motion, state.ballots, refresh, state.dissents, { now, viewer: person }),
  );
}

export const votingReactions: Reactions<VotingEvent | ItemReopened | ItemsRenamed> = {
  // R7, R18: `genoptag`: the card says its decision no longer stands.
  'agenda.item-reopened': async (event, ctx) => Promise.all(event.votes.map((state) => voteCardPost(ctx, state, true))),
  // PRODUCT §1.3: a meeting planned, moved or cancelled on its meeting's day: the card names the meeting as it now stands.
  'agenda.items-renamed': async (event, ctx) => Promise.all(event.votes.map((state) => voteCardPost(ctx, state, true))),
  'motion.opened': async (event, ctx) => [await voteCardPost(ctx, { motion: event.motion, ballots: [], dissents: [] }, false)],
  'ballot.cast': async (event, ctx) => [await voteCardPost(ctx, event, true)],
  'motion.closed': async (event, ctx) => [
    await voteCardPost(ctx, event, true),
    textPost(outboxKeys.voteOutcome(event.motion.id), ctx.channel, outcomeAnnouncement(ctx.board, event.motion, event.ballots)),
  ],
  // PRODUCT §1.4: the members of each organisation that has not voted, 1:1 where the bot has a chat, else one @mention post.
  // In the 1:1 chat (R5): their own organisation named, and the vote card to vote on there (a press counts as in the channel).
  'reminder.vote': async (event, ctx) => {
    const { board, m } = ctx;
    const { motion, ballots } = event;
    const people = event.organisationIds.flatMap((id) => membersOf(board, id));
    const orgs = formatList(event.organisationIds.map((id) => organisationLabel(board, id)), board.locale);
    const deadline = formatDateTime(motion.deadline, board.locale, board.timezone);
    const text = m.reminder.vote(orgs, event.organisationIds.length, md(motion.text), deadline);
    const about = motion.agendaItem?.heading ? m.reminder.voteOnItem(md(motion.text), md(motion.agendaItem.heading)) : m.reminder.voteOnMotion(md(motion.text));
    const refresh = await ctx.refreshUserIds();
    const posts = await reminderPosts(ctx, event.key, people, text, (person) => ({
      text: m.reminder.votePersonal(organisationLabel(board, person.organisationId!), about, deadline),
      // The channel's card as this member sees it (their buttons), at the reminder's instant.
      card: () => voteCard(board, motion, ballots, refresh, [], { now: ctx.now, viewer: person }),
      // Kept up to date with the channel's card (outbox/copies.ts).
      copyOf: outboxKeys.voteCard(motion.id),
    }));
    // Not sent once the vote's deadline has passed (it waited in the outbox that long).
    return remindsUntil(event.until, posts);
  },
  // A dissent on a conclusion is the conclusions' (its event carries no motion).
  'dissent.added': async (event, ctx) => ('motion' in event ? [await voteCardPost(ctx, event, true)] : []),
};
