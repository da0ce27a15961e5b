/** What follows from minutes (R16): their card (with the Markdown file), kept up to date. */
import { localIsoDate } from '../../domain/kernel/calendar.js';
import type { Meeting } from '../../domain/meeting.js';
import { approvedByVote } from '../../domain/minutes.js';
import { formatDate } from '../../i18n/index.js';
import type { MinutesEvent } from '../../usecases/minutes.js';
import { outboxKeys } from '../outbox/keys.js';
import { type Post, type ReactionContext, type Reactions, messagePost, textPost } from '../outbox/posts.js';
import { minutesPost } from './post.js';

const meetingDay = (ctx: ReactionContext, meeting: Meeting) => formatDate(meeting.startsAt, ctx.board.locale, ctx.board.timezone);
/** The meeting's date as a command takes it: dd-mm-yyyy. */
const typedDate = (ctx: ReactionContext, meeting: Meeting) => localIsoDate(meeting.startsAt, ctx.board.timezone).split('-').reverse().join('-');

const post = (ctx: ReactionContext, event: Extract<MinutesEvent, { minutes: unknown }>, update: boolean): Post =>
  messagePost(outboxKeys.minutesCard(event.minutes.id), ctx.channel, () => minutesPost(ctx.board, event.minutes, event.meeting, ctx.links).activity, update);

export const minutesReactions: Reactions<MinutesEvent> = {
  'minutes.drafted': (event, ctx) => [post(ctx, event, false)],
  'minutes.correction': (event, ctx) => [post(ctx, event, false)],
  'minutes.corrected': (event, ctx) => [post(ctx, event, true)],
  'minutes.redrafted': (event, ctx) => [post(ctx, event, true)],
  'minutes.approved': (event, ctx) => [
    post(ctx, event, true),
    // Approved by the board's decision (R16, R7): said where the decision was, not only on the card far up the channel.
    ...(event.actor === 'system'
      ? [textPost(outboxKeys.minutesApproved(event.minutes.id), ctx.channel, ctx.m.minutes.approvedNotice(meetingDay(ctx, event.meeting), approvedByVote(event.minutes) ? ctx.m.minutes.byVote : ctx.m.minutes.byConsent))]
      : []),
  ],
  'minutes.already-approved': (event, ctx) => [
    textPost(outboxKeys.minutesAlreadyApproved(event.meeting.id, event.decidedAt), ctx.channel, ctx.m.minutes.alreadyApproved(meetingDay(ctx, event.meeting))),
  ],
  'minutes.not-drafted': (event, ctx) => [
    textPost(outboxKeys.minutesNotDrafted(event.meeting.id, event.decidedAt), ctx.channel, ctx.m.minutes.notDrafted(meetingDay(ctx, event.meeting), typedDate(ctx, event.meeting))),
  ],
};
