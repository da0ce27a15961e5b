/**
 * The posts whose length users decide — the minutes (their text) and the agenda (its
 * items) — built to fit Teams' 40 KB (fit.ts): when the whole does not fit, the card shows
 * the beginning, says so, and links to the whole as a file (signed, like every file link).
 * `cut` tells the caller, so that the person who asked can be told.
 */
import { type Activity, CardFactory, MessageFactory } from 'botbuilder';
import type { Board } from '../domain/kernel/board.js';
import { type FileLinks, agendaPath } from '../files/links.js';
import { messages } from '../i18n/index.js';
import type { AgendaView } from '../usecases/meetings.js';
import { agendaCard } from './cards/agenda-card.js';
import type { AdaptiveCardJson } from './cards/render.js';
import { type FittedPost, fits, largestFitting, noteOnCard } from './fit.js';

export type { FittedPost } from './fit.js';

function cardActivity(card: object): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/** R13: the agenda card; with more items than fit, the first ones, how many of how many, and a link to the whole agenda. */
export function agendaPost(board: Board, view: AgendaView, links: FileLinks, options: { canSend?: boolean } = {}): FittedPost {
  const m = messages(board.locale);
  const whole = agendaCard(board, view, options);
  if (fits(cardActivity(whole))) return { activity: cardActivity(whole), card: whole, cut: false };
  const url = links.url(agendaPath(view.meeting.id));
  const total = view.items.length;
  const shortened = (n: number) =>
    noteOnCard(agendaCard(board, { ...view, items: view.items.slice(0, n) }, options), `${m.boundary.agendaItemsShown(n, total)} ${m.boundary.cutNote(url)}`);
  const { value } = largestFitting(total, (n) => cardActivity(shortened(n)));
  const card = value.attachments![0]!.content as AdaptiveCardJson;
  return { activity: value, card, cut: true };
}
