/** What follows from minutes (R16): their card (with the Markdown file), kept up to date. */
import type { MinutesEvent } from '../../usecases/minutes.js';
import { outboxKeys } from '../outbox/keys.js';
import { type Post, type ReactionContext, type Reactions, messagePost } from '../outbox/posts.js';
import { minutesPost } from './post.js';

const post = (ctx: ReactionContext, event: Extract<MinutesEvent, { minutes: unknown }>, update: boolean): Post =>
  messagePost(outboxKeys.minutesCard(event.minutes.id), ctx.channel, () => minutesPost(ctx.board, event.minutes, event.meeting, ctx.links).activity, update);

export const minutesReactions: Reactions<MinutesEvent> = {
  'minutes.drafted': (event, ctx) => [post(ctx, event, false)],
  'minutes.correction': (event, ctx) => [post(ctx, event, false)],
  'minutes.corrected': (event, ctx) => [post(ctx, event, true)],
  'minutes.redrafted': (event, ctx) => [post(ctx, event, true)],
  'minutes.approved': (event, ctx) => [post(ctx, event, true)],
};
