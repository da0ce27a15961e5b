/** The texts the use cases store (usecases/deps.ts `Texts`), written the way Teams shows them. */
import type { Board } from '../domain/kernel/board.js';
import type { Meeting, NumberedItem } from '../domain/meeting.js';
import { formatDate, messages } from '../i18n/index.js';
import type { Texts } from '../usecases/deps.js';
import { itemTitle } from './agenda/card.js';
import { minutesMarkdown } from './minutes/text.js';

export const teamsTexts: Texts = {
  itemLabel: (board: Board, item: NumberedItem) => `${item.number}. ${itemTitle(board, item)}`,
  itemHeading: (board: Board, item: NumberedItem, meeting: Meeting) =>
    messages(board.locale).agenda.itemHeading(item.number, itemTitle(board, item), formatDate(meeting.startsAt, board.locale, board.timezone)),
  minutes: minutesMarkdown,
};
