import type { Board } from '../../domain/kernel/board.js';
import { localIsoDate } from '../../domain/kernel/calendar.js';
import { datesNeeded, ordinaryMeetingsBesides, organisationsAvailable } from '../../domain/date-planning.js';
import type { Meeting } from '../../domain/meeting.js';
import { countWord, formatClock, formatDate, formatDateTime, formatList, messages } from '../../i18n/index.js';
import type { PollState } from '../../usecases/dates.js';
import { type AdaptiveCardJson, renderCard } from '../cards/render.js';
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
 */
export function datesCard(board: Board, state: PollState, refreshUserIds: readonly string[], mine: readonly string[] = [], canConfirm = true, now?: Date): AdaptiveCardJson {
  const m = messages(board.locale);
  // As of `now` (one person's card, or the channel's as of its change): the dates that have passed are no longer offered (R10: confirming one is refused).
  const today = now ? localIsoDate(now, board.timezone) : undefined;
  const offered = state.poll.proposedDates.filter((d) => today === undefined || d > today);
  const { poll, answers } = state;
  const byDate = organisationsAvailable(board, poll, answers);
  const total = board.organisations.length;
  const day = (iso: string) => formatDate(localDateAsInstant(iso), board.locale, 'UTC');
  const answeredNames = answers.map((a) => personName(board, a.personId));
  const at = (meeting: Meeting) => formatDateTime(meeting.startsAt, board.locale, board.timezone);
  // R9: the year's ordinary meetings already planned on other days count toward its four: named, and fewer dates to choose.
  const besides = ordinaryMeetingsBesides(poll.year, poll.proposedDates, state.planned ?? [], board.timezone);
  // Once confirmed, those kept on its dates and those on other days, at their own time, which may not be the poll's.
  const kept = poll.confirmedAt ? [...(state.kept ?? []), ...ordinaryMeetingsBesides(poll.year, poll.confirmedDates ?? [], state.planned ?? [], board.timezone)].sort(byStart).map(at) : [];
  const needed = datesNeeded(besides);
  const besidesText = besides.length ? m.dates.besides(poll.year, formatList(besides.map(at), board.locale)) : '';
  return renderCard('dates', {
    pollId: poll.id,
    refreshUserIds: poll.confirmedAt ? [] : refreshUserIds.slice(0, 60),
    title: m.dates.title(poll.year),
    intro: m.dates.intro(poll.year, formatClock(poll.time, board.locale)),
    besidesText,
    availableLabel: m.dates.available,
    mine: offered.filter((d) => mine.includes(d)).join(','),
    options: offered.map((d) => ({ title: m.dates.option(day(d), byDate.get(d)?.length ?? 0, total), value: d })),
    confirmOptions: offered.map((d) => ({ title: m.dates.option(day(d), byDate.get(d)?.length ?? 0, total), value: d })),
    answered: answeredNames.length ? m.dates.answered(formatList(answeredNames, board.locale)) : '',
    confirmed: poll.confirmedAt !== undefined,
    canConfirm,
    confirmedText: m.dates.confirmedCard(formatList((poll.confirmedDates ?? []).map(day), board.locale)),
    keptText: kept.length ? m.dates.keptCard(formatList(kept, board.locale)) : '',
    confirmedNote: m.dates.confirmedNote,
    labels: { save: m.dates.save, confirm: m.dates.confirm, confirmSubmit: m.dates.confirmSubmit, confirmLabel: m.dates.confirmLabel(needed, countWord(needed, board.locale)) },
  });
}
