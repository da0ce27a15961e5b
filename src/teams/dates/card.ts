import type { Board } from '../../domain/kernel/board.js';
import { localIsoDate } from '../../domain/kernel/calendar.js';
import { MIN_CONFIRMED_DATES, ordinaryMeetingsBesides, organisationsAvailable, pollStanding } from '../../domain/date-planning.js';
import type { Meeting } from '../../domain/meeting.js';
import { countWord, formatClock, formatDate, formatDateTime, formatList, messages } from '../../i18n/index.js';
import type { PollState } from '../../usecases/dates.js';
import { type AdaptiveCardJson, renderCard } from '../cards/render.js';
import { placeholdersShown } from '../text/markdown.js';
import { personName } from '../text/names.js';

const byStart = (a: Meeting, b: Meeting) => a.startsAt.getTime() - b.startsAt.getTime();

/** A local ISO date at noon in the zone, for formatting only. */
export function localDateAsInstant(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}

/**
 * R10: the poll of next year's dates: per date, how many organisations can come. The
 * channel's card shows the counts only; `mine` (one member's own answer) ticks that
 * member's dates on the card they get back (after *Gem mine svar*, and when their client
 * refreshes the card: `refreshUserIds`, as the vote card, at most 60). `canConfirm`: the
 * confirm action (`dates.confirm`, R10, the chair's); the channel's card has it, for the clients that
 * never refresh, and a member's own card has it only when that member may confirm.
 * Once confirmed, it names the dates that already held a meeting (`state.kept`, the
 * confirmation's own: a card drawn later from the store alone does not name them).
 * Without `now` (a card drawn after the confirmation), every proposed date counts as offered.
 */
export function datesCard(board: Board, state: PollState, refreshUserIds: readonly string[], mine: readonly string[] = [], canConfirm = true, now?: Date): AdaptiveCardJson {
  const m = messages(board.locale);
  // As of `now` (one person's card, or the channel's as of its change): the dates that have passed are no longer offered (R10: confirming one is refused).
  const today = now ? localIsoDate(now, board.timezone) : '';
  const { poll, answers } = state;
  // R9: the year's ordinary meetings already planned on days other than the dates offered (held ones on its
  // passed dates too) count toward its four: named, and fewer dates to choose; too few dates left for the
  // four, the card says so and how to go on, and offers no confirmation (it would be refused).
  const { offered, besides, needed, short } = pollStanding(poll, state.planned ?? [], board.timezone, today);
  const byDate = organisationsAvailable(board, poll, answers);
  const total = board.organisations.length;
  const day = (iso: string) => formatDate(localDateAsInstant(iso), board.locale, 'UTC');
  const answeredNames = answers.map((a) => personName(board, a.personId));
  const at = (meeting: Meeting) => formatDateTime(meeting.startsAt, board.locale, board.timezone);
  // Once confirmed, those kept on its dates and those on other days, at their own time, which may not be the poll's.
  const kept = poll.confirmedAt ? [...(state.kept ?? []), ...ordinaryMeetingsBesides(poll.year, poll.confirmedDates ?? [], state.planned ?? [], board.timezone)].sort(byStart).map(at) : [];
  const besidesText = besides.length ? m.dates.besides(poll.year, formatList(besides.map(at), board.locale)) : '';
  // The placeholders (the Danish "move <date> <time>" command words) as typed: a card's TextBlock would drop them as HTML.
  const strandedText = short > 0 ? placeholdersShown(m.dates.stranded(poll.year, offered.length, countWord(offered.length, board.locale), short, countWord(short, board.locale), countWord(MIN_CONFIRMED_DATES, board.locale))) : '';
  return renderCard('dates', {
    pollId: poll.id,
    refreshUserIds: poll.confirmedAt ? [] : refreshUserIds.slice(0, 60),
    title: m.dates.title(poll.year),
    intro: m.dates.intro(poll.year, formatClock(poll.time, board.locale)),
    besidesText,
    strandedText,
    availableLabel: m.dates.available,
    mine: offered.filter((d) => mine.includes(d)).join(','),
    options: offered.map((d) => ({ title: m.dates.option(day(d), byDate.get(d)?.length ?? 0, total), value: d })),
    confirmOptions: offered.map((d) => ({ title: m.dates.option(day(d), byDate.get(d)?.length ?? 0, total), value: d })),
    answered: answeredNames.length ? m.dates.answered(formatList(answeredNames, board.locale)) : '',
    confirmed: poll.confirmedAt !== undefined,
    canConfirm: canConfirm && offered.length >= needed,
    confirmedText: m.dates.confirmedCard(formatList((poll.confirmedDates ?? []).map(day), board.locale)),
    keptText: kept.length ? m.dates.keptCard(formatList(kept, board.locale)) : '',
    confirmedNote: m.dates.confirmedNote,
    labels: { save: m.dates.save, confirm: m.dates.confirm, confirmSubmit: m.dates.confirmSubmit, confirmLabel: m.dates.confirmLabel(needed, countWord(needed, board.locale)) },
  });
}
