/** What follows from the date poll (R10): its card, kept up to date, the dates announced, and the annual reminder. */
import { MIN_CONFIRMED_DATES, ordinaryMeetingsBesides } from '../../domain/date-planning.js';
import { chairs, secretaries } from '../../domain/kernel/board.js';
import { datesCalendarPath } from '../../files/links.js';
import { type Messages, countWord, formatDateTime, formatList } from '../../i18n/index.js';
import type { Board } from '../../domain/kernel/board.js';
import type { DatesEvent, PollState, Stranded } from '../../usecases/dates.js';
import { outboxKeys } from '../outbox/keys.js';
import { type Post, type ReactionContext, type Reactions, cardPost, reminderPosts, remindsUntil, textPost } from '../outbox/posts.js';
import { mdLink } from '../text/markdown.js';
import { datesCard } from './card.js';

/**
 * The channel's card: counts only; each member who wrote to the bot sees their own ticks by refresh.
 * As of the change (`ctx.now`): the dates passed by then are no longer offered (R10: confirming one is refused).
 */
export const datesCardPost = async (ctx: ReactionContext, state: PollState, update = true): Promise<Post> => {
  const refresh = await ctx.refreshUserIds();
  return cardPost(outboxKeys.datesCard(state.poll.id), ctx.channel, () => datesCard(ctx.board, state, refresh, [], true, ctx.now), update);
};

/** R9, R10: what a stranded poll lacks, in words: the card's, the confirmation's, the meeting-dates command's and the reminder's sentence. */
export function strandedText(m: Messages, board: Board, { year, left, short }: Stranded): string {
  const word = (n: number) => countWord(n, board.locale);
  return m.dates.stranded(year, left, word(left), short, word(short), word(MIN_CONFIRMED_DATES));
}

/**
 * R10: the reminder's words: this year's dates after New Year, else next year's (agreed at the year's last meeting while one is ahead); while a poll
 * is open, about the poll, and what it lacks when it can no longer be confirmed; a year whose confirmed dates were since lost, how many meetings it has.
 */
function reminderText({ m, board }: ReactionContext, event: Extract<DatesEvent, { type: 'reminder.dates' }>): string {
  const { year, thisYear } = event;
  if (event.state === 'poll-stranded' && event.stranded) return m.reminder.datePlanningPollStranded(year, thisYear, strandedText(m, board, event.stranded));
  if (event.state === 'reopened') {
    const ordinary = event.ordinary ?? 0;
    return m.reminder.datePlanningReopened(year, thisYear, ordinary, countWord(ordinary, board.locale), countWord(MIN_CONFIRMED_DATES, board.locale));
  }
  const pollOpen = event.state === 'poll-open' || event.state === 'poll-stranded';
  if (thisYear) return (pollOpen ? m.reminder.datePlanningThisYearPollOpen : m.reminder.datePlanningThisYear)(year);
  return (pollOpen ? m.reminder.datePlanningPollOpen : event.meetingAhead ? m.reminder.datePlanning : m.reminder.datePlanningNoMeetingLeft)(year);
}

export const datesReactions: Reactions<DatesEvent> = {
  'dates.poll': async (event, ctx) => [await datesCardPost(ctx, event, false)],
  'dates.answered': async (event, ctx) => [await datesCardPost(ctx, event)],
  'dates.confirmed': async (event, ctx) => {
    const { board, m } = ctx;
    const { poll } = event;
    // The year's meetings as they stand: those planned now and those kept, each at its own time.
    const at = (when: Date) => formatDateTime(when, board.locale, board.timezone);
    // R9: the year's ordinary meetings on other days (held or planned by hand) are among its meetings, already planned as the kept ones.
    const before = [...event.kept, ...ordinaryMeetingsBesides(poll.year, poll.confirmedDates ?? [], event.planned ?? [], board.timezone)];
    const byStart = (a: Date, b: Date) => a.getTime() - b.getTime();
    const dates = [...event.meetings, ...before].map((mt) => mt.startsAt).sort(byStart).map(at);
    const kept = before.map((mt) => mt.startsAt).sort(byStart).map(at);
    const calendar = mdLink(m.files.addYearToCalendar(poll.year), ctx.links.url(datesCalendarPath(ctx.board.id, poll.id), ctx.board.policies.linkTtlDays));
    const confirmed = m.dates.confirmed(poll.year, formatList(dates, board.locale));
    const text = `${kept.length ? `${confirmed} ${m.dates.kept(kept.length, formatList(kept, board.locale))}` : confirmed}\n\n${calendar}`;
    return [await datesCardPost(ctx, event), textPost(outboxKeys.datesConfirmed(poll.id), ctx.channel, text)];
  },
  // R9, R10: an ordinary meeting of the year planned, moved or cancelled: the card names the year's meetings as they now stand.
  'dates.meetings-changed': async (event, ctx) => Promise.all(event.polls.map((state) => datesCardPost(ctx, state))),
  // Its moment (no end while the year lacks its dates) is brought forward when they are fixed before it is sent.
  'reminder.dates': async (event, ctx) => remindsUntil(event.until, await reminderPosts(ctx, event.key, [...chairs(ctx.board), ...secretaries(ctx.board)], reminderText(ctx, event))),
};
