/** What follows from a petition (R11): its card, kept up to date (the meeting called on it too), and the majority announced once. */
import { chairs, secretaries, votingMembers } from '../../domain/kernel/board.js';
import { countedSupports } from '../../domain/petition.js';
import { formatDate, formatList } from '../../i18n/index.js';
import type { PetitionEvent, PetitionState } from '../../usecases/petitions.js';
import { outboxKeys } from '../outbox/keys.js';
import { type Post, type ReactionContext, type Reactions, cardPost, reminderPosts, remindsUntil, textPost } from '../outbox/posts.js';
import { md } from '../text/markdown.js';
import { petitionCard } from './card.js';

export const petitionCardPost = (ctx: ReactionContext, state: PetitionState, update: boolean): Post =>
  cardPost(outboxKeys.petitionCard(state.petition.id), ctx.channel, () => petitionCard(ctx.board, state), update);

export const petitionReactions: Reactions<PetitionEvent> = {
  'petition.opened': (event, ctx) => [petitionCardPost(ctx, event, false)],
  'petition.supported': (event, ctx) => [petitionCardPost(ctx, event, true)],
  'petition.majority': async (event, ctx) => {
    const { board, m } = ctx;
    const { names, entities } = await ctx.mentions([...chairs(board), ...secretaries(board)]);
    const text = [
      m.petition.announcement(countedSupports(board, event.supports).length, votingMembers(board).length, md(event.petition.subject)),
      m.petition.askChair(formatList(names, board.locale), md(event.petition.subject)),
    ].join('\n\n');
    // The card shows the majority too.
    return [textPost(outboxKeys.petitionMajority(event.petition.id), ctx.channel, text, entities), petitionCardPost(ctx, event, true)];
  },
  // The meeting called on it, then moved or cancelled: the card shows it as it stands.
  'petition.answered': (event, ctx) => [petitionCardPost(ctx, event, true)],
  'petition.meeting-changed': (event, ctx) => [petitionCardPost(ctx, event, true)],
  // R11: the demanded meeting not called: the chair and the secretary reminded as of the agenda (a 1:1 chat, else an @mention), once per moment.
  // Its moment (the end of the half year) is brought forward when the meeting is called before it is sent.
  'petition.reminder': async (event, ctx) => {
    const { board, m } = ctx;
    const day = formatDate(event.petition.majorityAt ?? event.petition.createdAt, board.locale, board.timezone);
    return remindsUntil(event.until, await reminderPosts(ctx, event.key, [...chairs(board), ...secretaries(board)], m.petition.reminder(day, md(event.petition.subject))));
  },
  // R11: half a year without a majority: the card says it has lapsed, without *Stoet*.
  'petition.lapsed': (event, ctx) => [petitionCardPost(ctx, event, true)],
  // At start, counted again against the board file: the card follows only where it would show otherwise (the count, the majority needed).
  'petition.recounted': (event, ctx) => [{ ...petitionCardPost(ctx, event, true), unlessShown: true }],
};
