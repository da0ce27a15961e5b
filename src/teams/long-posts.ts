/**
 * The posts whose length users decide — the minutes (their text) and the agenda (its
 * items) — built to fit Teams' 40 KB (fit.ts): when the whole does not fit, the card shows
 * the beginning, says so, and links to the whole as a file (signed, like every file link).
 * `cut` tells the caller, so that the person who asked can be told.
 */
import { type Activity, CardFactory, MessageFactory } from 'botbuilder';
import type { Board } from '../domain/kernel/board.js';
import { localIsoDate } from '../domain/kernel/calendar.js';
import type { Meeting } from '../domain/meeting.js';
import type { Minutes } from '../domain/minutes.js';
import { type FileLinks, agendaPath, minutesPath } from '../files/links.js';
import { messages } from '../i18n/index.js';
import type { AgendaView } from '../usecases/meetings.js';
import { agendaCard } from './cards/agenda-card.js';
import { minutesCard } from './cards/minutes-card.js';
import type { AdaptiveCardJson } from './cards/render.js';
import { fits, largestFitting, noteOnCard } from './fit.js';

export interface FittedPost {
  /** The message to post (card, and for the minutes the Markdown file too). */
  readonly activity: Partial<Activity>;
  /** The card alone (for an invoke answer). */
  readonly card: AdaptiveCardJson;
  /** True when the card shows only part of the content. */
  readonly cut: boolean;
}

function cardActivity(card: object): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/** R16: the minutes card with the Markdown file attached; the text cut to fit, with a link to the file. */
export function minutesPost(board: Board, minutes: Minutes, meeting: Meeting | undefined, links: FileLinks): FittedPost {
  const m = messages(board.locale);
  const url = links.url(minutesPath(minutes.id));
  const date = meeting ? localIsoDate(meeting.startsAt, board.timezone) : minutes.meetingId;
  const file = { contentType: 'text/markdown', contentUrl: url, name: m.minutes.fileName(date) };
  const build = (card: AdaptiveCardJson) => {
    const activity = cardActivity(card);
    activity.attachments = [...(activity.attachments ?? []), file];
    return activity;
  };
  const whole = minutesCard(board, minutes, url);
  if (fits(build(whole))) return { activity: build(whole), card: whole, cut: false };
  const note = m.boundary.cutNote(url);
  const shortened = (n: number) => noteOnCard(minutesCard(board, { ...minutes, text: `${minutes.text.slice(0, n).trimEnd()} …` }, url), note);
  const { value } = largestFitting(minutes.text.length, (n) => build(shortened(n)));
  return { activity: value, card: value.attachments![0]!.content as AdaptiveCardJson, cut: true };
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
