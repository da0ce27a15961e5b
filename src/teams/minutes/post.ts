/**
 * The minutes as a post (R16), built to fit Teams' 40 KB (fit.ts): when the whole text does
 * not fit, the card shows its beginning, says so, and links to the whole as a signed file.
 * `cut` tells the caller, so that the secretary can be told.
 */
import type { Board } from '../../domain/kernel/board.js';
import type { Meeting } from '../../domain/meeting.js';
import type { Minutes } from '../../domain/minutes.js';
import { type FileLinks, minutesPath, minutesWordPath } from '../../files/links.js';
import { messages } from '../../i18n/index.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import { type FittedPost, fits, largestFitting, noteOnCard } from '../fit.js';
import { cardActivity } from '../outbox/posts.js';
import { minutesCard } from './card.js';
import { minutesFileStem } from './file.js';

/** R16: the minutes card with the Markdown file attached; the text cut to fit, with a link to the file. */
/** `mayApprove`: false for a card shown to someone who may not approve them (minutesCard). */
export function minutesPost(board: Board, minutes: Minutes, meeting: Meeting | undefined, links: FileLinks, sharesDay = false, mayApprove = true): FittedPost {
  const m = messages(board.locale);
  const url = links.url(minutesPath(board.id, minutes.id), board.policies.linkTtlDays);
  const wordUrl = links.url(minutesWordPath(board.id, minutes.id), board.policies.linkTtlDays);
  // Named as the download is (http/files.ts): the date, the time when the day has another meeting (`sharesDay`), the version above 1.
  const file = { contentType: 'text/markdown', contentUrl: url, name: m.minutes.fileName(minutesFileStem(board, minutes, meeting, sharesDay)) };
  const build = (card: AdaptiveCardJson) => {
    const activity = cardActivity(card);
    activity.attachments = [...(activity.attachments ?? []), file];
    return activity;
  };
  const whole = minutesCard(board, minutes, url, wordUrl, minutes, mayApprove);
  if (fits(build(whole))) return { activity: build(whole), card: whole, cut: false };
  const note = m.boundary.cutNote(url);
  // Cut, the card still stands for the whole text (its link gives it): *Godkend referat* names that.
  const shortened = (n: number) => noteOnCard(minutesCard(board, { ...minutes, text: `${minutes.text.slice(0, n).trimEnd()} …` }, url, wordUrl, minutes, mayApprove), note);
  const { value } = largestFitting(minutes.text.length, (n) => build(shortened(n)));
  return { activity: value, card: value.attachments![0]!.content as AdaptiveCardJson, cut: true };
}
