/**
 * A version of the minutes as a file (R16, PRODUCT §1.7), Markdown or Word: a head built from
 * the record — the board, "Referat", the meeting, the version's status as its card shows it (a
 * correction with its version) — then the version's text. A download thus says which minutes
 * it is even when a correction replaced the whole text, and a draft and its approved version
 * differ. The text's own opening (minutesOpening: the title with the meeting, the board, the
 * subject), when it has it, is not said twice.
 */
import type { Board } from '../../domain/kernel/board.js';
import { localIsoDate, localTimeOf } from '../../domain/kernel/calendar.js';
import type { Meeting } from '../../domain/meeting.js';
import type { Minutes } from '../../domain/minutes.js';
import { formatDateTime, messages } from '../../i18n/index.js';
import { md } from '../text/markdown.js';
import { minutesStatus } from './card.js';
import { minutesOpening } from './text.js';

/** The head of a minutes file, each part Markdown (what a person typed, escaped). */
export interface MinutesFileHead {
  readonly board: string;
  readonly title: string;
  /** The meeting: its kind, weekday, date and time ("Ordinary meeting Thursday 3 December 2026 at 15:00"). */
  readonly meeting?: string;
  /** An extraordinary meeting's subject ("Emne: …"). */
  readonly subject?: string;
  readonly status: string;
}

export interface MinutesFile {
  readonly head: MinutesFileHead;
  /** The version's text after what the head says already. */
  readonly body: string;
  /** The whole Markdown file: the text's opening, the status, the body. */
  readonly markdown: string;
  /** The version's times: drafted, and last changed or approved (the Word document's properties). */
  readonly dates: { readonly created: Date; readonly modified: Date };
}

/** `text` without the paragraphs it opens with that are `opening`'s, in order. */
function withoutOpening(text: string, opening: readonly string[]): string {
  let rest = text;
  for (const paragraph of opening) {
    if (rest.trimEnd() === paragraph) return '';
    if (!rest.startsWith(`${paragraph}\n\n`)) break;
    rest = rest.slice(paragraph.length + 2).replace(/^\n+/, '');
  }
  return rest;
}

export function minutesFile(board: Board, minutes: Minutes, meeting: Meeting | undefined): MinutesFile {
  const m = messages(board.locale);
  const when = (d: Date) => formatDateTime(d, board.locale, board.timezone);
  const status = minutesStatus(board, minutes, when);
  const opening = meeting ? minutesOpening(board, meeting) : [`**${m.minutes.title}**`, md(board.name)];
  const body = withoutOpening(minutes.text, opening);
  const head = {
    board: md(board.name),
    title: m.minutes.title,
    status,
    ...(meeting ? { meeting: m.minutes.meeting(m.meeting.kind[meeting.kind], when(meeting.startsAt)) } : {}),
    ...(meeting?.subject ? { subject: m.meeting.subject(md(meeting.subject)) } : {}),
  };
  const dates = { created: minutes.draftedAt, modified: minutes.approvedAt ?? minutes.updatedAt };
  return { head, body, markdown: `${[...opening, status, ...(body ? [body] : [])].join('\n\n')}\n`, dates };
}

/**
 * The name of a version's files, without the extension's part (README "HTTP"): the meeting's
 * date; then its time (hhmm) when its day holds another meeting; then the version when it is
 * above 1. `2026-12-03`, `2026-12-03-1500`, `2026-12-03-1500-v2`.
 */
export function minutesFileStem(board: Board, minutes: Pick<Minutes, 'meetingId' | 'version'>, meeting: Meeting | undefined, sharesDay: boolean): string {
  const parts = [meeting ? meetingFileStem(board, meeting, sharesDay) : minutes.meetingId];
  if (minutes.version > 1) parts.push(`v${minutes.version}`);
  return parts.join('-');
}

/** A meeting's files (its minutes, its agenda, its calendar invitation) by its date, and its time (hhmm) when its day holds another meeting. */
export function meetingFileStem(board: Board, meeting: Meeting, sharesDay: boolean): string {
  const date = localIsoDate(meeting.startsAt, board.timezone);
  if (!sharesDay) return date;
  const { hour, minute } = localTimeOf(meeting.startsAt, board.timezone);
  return `${date}-${String(hour).padStart(2, '0')}${String(minute).padStart(2, '0')}`;
}
