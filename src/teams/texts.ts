/** The texts the use cases store (usecases/deps.ts `Texts`), written the way Teams shows them. */
import type { Board } from '../domain/kernel/board.js';
import type { Meeting, NumberedItem } from '../domain/meeting.js';
import { formatDate, formatDateTime, messages } from '../i18n/index.js';
import type { Texts } from '../usecases/deps.js';
import { itemTitle } from './agenda/card.js';
import { minutesMarkdown } from './minutes/text.js';

/** Whether the meeting's agenda numbers are fixed (R13: when it is sent); a draft's still move. */
const numbersFixed = (meeting: Meeting) => meeting.agendaSentAt !== undefined;

/** The meeting as a heading names it: its day, and its time when another meeting shares the day (PRODUCT §1.3). */
const meetingDay = (board: Board, meeting: Meeting, sharesDay: boolean) => (sharesDay ? formatDateTime : formatDate)(meeting.startsAt, board.locale, board.timezone);

/** The item and its meeting with the number it has now: for an answer given now, not for a text that is kept. */
export function itemHeadingNow(board: Board, item: NumberedItem, meeting: Meeting, sharesDay: boolean): string {
  return messages(board.locale).agenda.itemHeading(item.number, itemTitle(board, item), meetingDay(board, meeting, sharesDay));
}

export const teamsTexts: Texts = {
  itemLabel: (board: Board, item: NumberedItem, meeting: Meeting) =>
    numbersFixed(meeting) ? `${item.number}. ${itemTitle(board, item)}` : messages(board.locale).agenda.draftItemLabel(itemTitle(board, item)),
  itemMotion: (board: Board, item: NumberedItem, meeting: Meeting) => (numbersFixed(meeting) ? `${item.number}. ${itemTitle(board, item)}` : itemTitle(board, item)),
  itemHeading: (board: Board, item: NumberedItem, meeting: Meeting, sharesDay: boolean) =>
    numbersFixed(meeting)
      ? itemHeadingNow(board, item, meeting, sharesDay)
      : messages(board.locale).agenda.draftItemHeading(itemTitle(board, item), meetingDay(board, meeting, sharesDay)),
  minutes: minutesMarkdown,
};
