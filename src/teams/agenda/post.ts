/**
 * The agenda as a post (R13), built to fit Teams' 40 KB (fit.ts): with more items than fit,
 * the card shows the first ones, says how many of how many, and links to the whole agenda
 * as a signed file. `cut` tells the caller, so that the person who asked can be told.
 */
import type { Board } from '../../domain/kernel/board.js';
import { type FileLinks, agendaPath, meetingCalendarPath } from '../../files/links.js';
import { messages } from '../../i18n/index.js';
import type { AgendaView } from '../../usecases/agenda.js';
import { agendaCard } from './card.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import { type FittedPost, fits, largestFitting, noteOnCard } from '../fit.js';
import { cardActivity } from '../outbox/posts.js';

/** R13: the agenda card; with more items than fit, the first ones, how many of how many, and a link to the whole agenda. */
export function agendaPost(board: Board, view: AgendaView, links: FileLinks, options: { canSend?: boolean } = {}): FittedPost {
  // The calendar invitation rides on every agenda card (PRODUCT §1.2).
  const m = messages(board.locale);
  const cardOptions = { ...options, calendarUrl: links.url(meetingCalendarPath(board.id, view.meeting.id), board.policies.linkTtlDays) };
  const whole = agendaCard(board, view, cardOptions);
  if (fits(cardActivity(whole))) return { activity: cardActivity(whole), card: whole, cut: false };
  const url = links.url(agendaPath(board.id, view.meeting.id), board.policies.linkTtlDays);
  const total = view.items.length;
  const shortened = (n: number) =>
    noteOnCard(agendaCard(board, { ...view, items: view.items.slice(0, n) }, cardOptions), `${m.boundary.agendaItemsShown(n, total)} ${m.boundary.cutNote(url)}`);
  const { value } = largestFitting(total, (n) => cardActivity(shortened(n)));
  const card = value.attachments![0]!.content as AdaptiveCardJson;
  return { activity: value, card, cut: true };
}
