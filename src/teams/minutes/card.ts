import { createHash } from 'node:crypto';
import type { Board } from '../../domain/kernel/board.js';
import { type Minutes, approvedByVote, behindTheRecord } from '../../domain/minutes.js';
import { formatDateTime, messages } from '../../i18n/index.js';
import { timeUnbroken, unquote } from '../text/markdown.js';
import { personName } from '../text/names.js';
import { type AdaptiveCardJson, renderCard } from '../cards/render.js';

/**
 * The minutes' Markdown as the card's blocks: one per paragraph; a quotation (a member's
 * dissent) in a box of its own, its lines as they were written.
 */
function blocks(text: string): { text: string; style: 'default' | 'emphasis' }[] {
  return text.split(/\n{2,}/).map((block) => {
    const quoted = unquote(block);
    return quoted ? { text: quoted.join('\n\n'), style: 'emphasis' } : { text: block, style: 'default' };
  });
}

/**
 * R16: a version's status as its card shows it, and its files too: a draft and when it last
 * changed, or when and by whom it was approved; a correction with its version. Markdown.
 */
export function minutesStatus(board: Board, minutes: Minutes, when: (d: Date) => string): string {
  const m = messages(board.locale);
  const by =
    minutes.approvedBy === 'consent' ? m.minutes.byConsent : approvedByVote(minutes) !== undefined ? m.minutes.byVote : personName(board, minutes.approvedBy);
  const status = [minutes.approvedAt ? m.minutes.approved(when(minutes.approvedAt), by) : m.minutes.draft(when(minutes.updatedAt))];
  if (minutes.correctsId) status.push(m.minutes.corrects(minutes.version));
  return status.join(' ');
}

/** Which text of which version a card shows (a digest): *Godkend referat* approves only the text its card showed. */
export function shownText(minutes: Pick<Minutes, 'id' | 'text'>): string {
  return createHash('sha256').update(minutes.id).update('\n').update(minutes.text).digest('base64url').slice(0, 22);
}

/** R16: the minutes as a card; *Godkend referat* for the chair while unapproved; links to the Word document and the Markdown file. */
/** `whole`: the minutes the card stands for when it shows them cut to fit (minutes/post.ts): its button names their whole text. */
/** `mayApprove`: false for a card shown to someone who may not approve (a member reading them): no *Godkend referat*. */
export function minutesCard(board: Board, minutes: Minutes, downloadUrl: string, wordUrl = '', whole: Minutes = minutes, mayApprove = true): AdaptiveCardJson {
  const m = messages(board.locale);
  // The time stays with »kl.« on a phone's narrow card.
  const when = (d: Date) => timeUnbroken(formatDateTime(d, board.locale, board.timezone));
  const approved = minutes.approvedAt !== undefined;
  return renderCard('minutes', {
    meetingId: minutes.meetingId,
    // The text the card shows: approving names it, so that an old copy never approves a text it does not show.
    shown: shownText(whole),
    title: m.minutes.title,
    status: minutesStatus(board, minutes, when),
    statusColor: approved ? 'Good' : 'Default',
    // A draft's note is quiet; the approval stands out.
    statusWeight: approved ? 'Bolder' : 'Default',
    approved,
    // R16, R8: changes recorded after the secretary's correction are not in the text yet.
    behind: behindTheRecord(minutes) ? m.minutes.behindCard : '',
    paragraphs: blocks(minutes.text),
    canApprove: !approved && mayApprove,
    downloadUrl,
    wordUrl,
    labels: { approve: m.minutes.approve, download: m.minutes.download, word: m.files.wordDownload },
  });
}
