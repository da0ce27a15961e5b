/** What follows from minutes (R16): their card (with the Markdown file), kept up to date. */
import type { Meeting } from '../../domain/meeting.js';
import { type Minutes, approvedByVote } from '../../domain/minutes.js';
import { formatDate, formatDateTime } from '../../i18n/index.js';
import type { MinutesEvent } from '../../usecases/minutes.js';
import { typedDate } from '../agenda/commands.js';
import { outboxKeys } from '../outbox/keys.js';
import { type Post, type ReactionContext, type Reactions, messagePost, textPost } from '../outbox/posts.js';
import { minutesPost } from './post.js';

/** The meeting as a notice names it (PRODUCT §1.3): by its day, and by its time too when the day has another meeting (as meetingWhen). */
const meetingDay = async (ctx: ReactionContext, meeting: Meeting) =>
  ((await ctx.sharesDay(meeting)) ? formatDateTime : formatDate)(meeting.startsAt, ctx.board.locale, ctx.board.timezone);

export const minutesCardPost = async (ctx: ReactionContext, event: { readonly minutes: Minutes; readonly meeting: Meeting }, update: boolean): Promise<Post> => {
  const sharesDay = await ctx.sharesDay(event.meeting);
  return messagePost(outboxKeys.minutesCard(event.minutes.id), ctx.channel, () => minutesPost(ctx.board, event.minutes, event.meeting, ctx.links, sharesDay).activity, update);
};

export const minutesReactions: Reactions<MinutesEvent> = {
  'minutes.drafted': async (event, ctx) => [await minutesCardPost(ctx, event, false)],
  'minutes.correction': async (event, ctx) => [await minutesCardPost(ctx, event, false)],
  'minutes.corrected': async (event, ctx) => [await minutesCardPost(ctx, event, true)],
  'minutes.redrafted': async (event, ctx) => [await minutesCardPost(ctx, event, true)],
  'minutes.approved': async (event, ctx) => [
    await minutesCardPost(ctx, event, true),
    // Approved by the board's decision (R16, R7): said where the decision was, not only on the card far up the channel.
    ...(event.actor === 'system'
      ? [textPost(outboxKeys.minutesApproved(event.minutes.id), ctx.channel, ctx.m.minutes.approvedNotice(await meetingDay(ctx, event.meeting), approvedByVote(event.minutes) ? ctx.m.minutes.byVote : ctx.m.minutes.byConsent))]
      : []),
  ],
  'minutes.already-approved': async (event, ctx) => [
    textPost(outboxKeys.minutesAlreadyApproved(event.meeting.id, event.decidedAt), ctx.channel, ctx.m.minutes.alreadyApproved(await meetingDay(ctx, event.meeting))),
  ],
  // R16, R8: the card says it is behind the record, and the channel is told once a correction.
  'minutes.behind-record': async (event, ctx) => [
    await minutesCardPost(ctx, event, true),
    textPost(outboxKeys.minutesBehind(event.minutes.id, event.minutes.updatedAt), ctx.channel, ctx.m.minutes.behindNotice(await meetingDay(ctx, event.meeting), await typedDate(ctx, event.meeting))),
  ],
  'minutes.changed-after-approval': async (event, ctx) => [
    textPost(outboxKeys.minutesChangedAfterApproval(event.minutes.id, event.at), ctx.channel, ctx.m.minutes.changedAfterApproval(await meetingDay(ctx, event.meeting), await typedDate(ctx, event.meeting))),
  ],
  'minutes.not-approved-behind': async (event, ctx) => [
    textPost(outboxKeys.minutesNotApprovedBehind(event.meeting.id, event.decidedAt), ctx.channel, ctx.m.minutes.notApprovedBehind(await meetingDay(ctx, event.meeting), await typedDate(ctx, event.meeting))),
  ],
  'minutes.not-drafted': async (event, ctx) => [
    textPost(outboxKeys.minutesNotDrafted(event.meeting.id, event.decidedAt), ctx.channel, ctx.m.minutes.notDrafted(await meetingDay(ctx, event.meeting), await typedDate(ctx, event.meeting))),
  ],
};
