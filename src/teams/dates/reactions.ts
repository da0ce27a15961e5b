/** What follows from the date poll (R10): its card, kept up to date, the dates announced, and the annual reminder. */
import { chairs, secretaries } from '../../domain/kernel/board.js';
import { parseHhmm, toInstant } from '../../domain/kernel/calendar.js';
import { datesCalendarPath } from '../../files/links.js';
import { formatDateTime, formatList } from '../../i18n/index.js';
import type { DatesEvent, PollState } from '../../usecases/dates.js';
import { outboxKeys } from '../outbox/keys.js';
import { type Post, type ReactionContext, type Reactions, cardPost, reminderPosts, textPost } from '../outbox/posts.js';
import { mdLink } from '../text/markdown.js';
import { datesCard } from './card.js';

const card = (ctx: ReactionContext, state: PollState, update = true): Post =>
  cardPost(outboxKeys.datesCard(state.poll.id), ctx.channel, () => datesCard(ctx.board, state), update);

function parseIso(iso: string) {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

export const datesReactions: Reactions<DatesEvent> = {
  'dates.poll': (event, ctx) => [card(ctx, event, false)],
  'dates.answered': (event, ctx) => [card(ctx, event)],
  'dates.confirmed': (event, ctx) => {
    const { board, m } = ctx;
    const { poll } = event;
    const dates = (poll.confirmedDates ?? []).map((d) => formatDateTime(toInstant(parseIso(d), parseHhmm(poll.time), board.timezone), board.locale, board.timezone));
    const calendar = mdLink(m.files.addYearToCalendar(poll.year), ctx.links.url(datesCalendarPath(ctx.board.id, poll.id), ctx.board.policies.linkTtlDays));
    const text = `${m.dates.confirmed(poll.year, formatList(dates, board.locale))}\n\n${calendar}`;
    return [card(ctx, event), textPost(outboxKeys.datesConfirmed(poll.id), ctx.channel, text)];
  },
  'reminder.dates': (event, ctx) => reminderPosts(ctx, event.key, [...chairs(ctx.board), ...secretaries(ctx.board)], ctx.m.reminder.datePlanning(event.year)),
};
