/** The texts the use cases store (usecases/deps.ts `Texts`), written the way Teams shows them. */
import type { Board } from '../domain/kernel/board.js';
import type { Meeting, NumberedItem } from '../domain/meeting.js';
import { formatDate, messages } from '../i18n/index.js';
import type { Texts } from '../usecases/deps.js';
import { itemTitle } from './agenda/card.js';
import { minutesMarkdown } from './minutes/text.js';

/** Whether the meeting's agenda numbers are fixed (R13: when it is sent); a draft's still move. */
const numbersFixed = (meeting: Meeting) => meeting.agendaSentAt !== undefined;

/** The item and its meeting with the number it has now: for an answer given now, not for a text that is kept. */
export function itemHeadingNow(board: Board, item: NumberedItem, meeting: Meeting): string {
  return messages(board.locale).agenda.itemHeading(item.number, itemTitle(board, item), formatDate(meeting.startsAt, board.locale, board.timezone));
}

export const teamsTexts: Texts = {
  itemLabel: (board: Board, item: NumberedItem, meeting: Meeting) =>
    numbersFixed(meeting) ? `${item.number}. ${itemTitle(board, item)}` : messages(board.locale).agenda.draftItemLabel(itemTitle(board, item)),
  itemMotion: (board: Board, item: NumberedItem, meeting: Meeting) => (numbersFixed(meeting) ? `${item.number}. ${itemTitle(board, item)}` : itemTitle(board, item)),
  itemHeading: (board: Board, item: NumberedItem, meeting: Meeting) =>
    numbersFixed(meeting)
      ? itemHeadingNow(board, item, meeting)
      : messages(board.locale).agenda.draftItemHeading(itemTitle(board, item), formatDate(meeting.startsAt, board.locale, board.timezone)),
  minutes: minutesMarkdown,
};
