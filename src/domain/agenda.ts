/**
 * Agendas (R12–R16): the standing items every meeting has, the items the chair and
 * the secretary add, and the numbering the board refers to (`punktnr`).
 */
import type { AgendaItemKind, Board, Person, StandingItemKey } from './kernel/board.js';
import { localDateOf } from './kernel/calendar.js';
import { type Result, ok, refuse } from './kernel/result.js';
import { type AgendaItem, type AgendaSection, type Attachment, type Meeting, type NumberedItem, duringMeeting } from './meeting.js';
import { visibleText } from './kernel/text.js';

export type { StandingItemConfig } from './kernel/board.js';

/** R12, R14, R15, R16, R10: the default standing items, in agenda order. */
export const DEFAULT_STANDING_ITEMS: readonly StandingItemKey[] = [
  'approve-agenda',
  'approve-minutes',
  'economy',
  'lbf-follow-up',
  'next-year-dates',
  'any-other-business',
];

export const STANDING_ITEM_KIND: Readonly<Record<StandingItemKey, AgendaItemKind>> = {
  'approve-agenda': 'decision',
  'approve-minutes': 'decision',
  economy: 'information',
  'lbf-follow-up': 'discussion',
  'next-year-dates': 'decision',
  'any-other-business': 'information',
};

/** Standing items that close the agenda: added items come before them. */
const CLOSING: ReadonlySet<StandingItemKey> = new Set(['next-year-dates', 'any-other-business']);

export const MAX_ITEM_TITLE = 300;

const DAY_MONTH = /^(\d{2})-(\d{2})$/;

/** The planned ordinary meetings in the meeting's calendar year, in order. */
function ordinaryMeetingsOfYear(meeting: Meeting, meetings: readonly Meeting[], zone: string): Meeting[] {
  const year = localDateOf(meeting.startsAt, zone).year;
  return meetings
    .filter((m) => m.kind === 'ordinary' && m.status === 'planned' && localDateOf(m.startsAt, zone).year === year)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
}

/** Whether the meeting falls on or after `datePlanningStart` ("MM-DD") of its year: when next year's dates are due (R10). */
function inDatePlanningSeason(meeting: Meeting, board: Board): boolean {
  const local = localDateOf(meeting.startsAt, board.timezone);
  const m = DAY_MONTH.exec(board.policies.datePlanningStart);
  if (!m) return true;
  return local.month * 100 + local.day >= Number(m[1]) * 100 + Number(m[2]);
}

/** The standing items each agenda that no longer changes carries (sent, R13, or of a meeting held), by meeting id. */
export type SentStandingItems = ReadonlyMap<string, ReadonlySet<StandingItemKey>>;

const NO_SENT_ITEMS: SentStandingItems = new Map();

/** Whether another planned meeting of the meeting's calendar year has a fixed agenda (`sent`) carrying the item. */
function onSentAgendaOfYear(key: StandingItemKey, meeting: Meeting, meetings: readonly Meeting[], sent: SentStandingItems, zone: string): boolean {
  const year = localDateOf(meeting.startsAt, zone).year;
  return meetings.some(
    (m) => m.id !== meeting.id && m.status === 'planned' && localDateOf(m.startsAt, zone).year === year && (sent.get(m.id)?.has(key) ?? false),
  );
}

/**
 * Whether a standing item belongs on this meeting's agenda:
 * - R14: economy, like approval of the agenda and the minutes and any other business, on every meeting;
 * - R15: the LBF follow-up on one ordinary meeting a year (policy lbfFollowUpMeeting: first | last);
 * - R10: next year's meeting dates on the last ordinary meeting of the calendar year by date, once the
 *   date planning is due (from `datePlanningStart`): a lone spring meeting is not the year's last.
 * A yearly item (R10, R15) already on a sent agenda of the year (`sent`) is on no other meeting
 * of that year: the sent agenda never changes (R13), and the item is not taken up twice.
 */
export function standingItemApplies(
  key: StandingItemKey,
  board: Board,
  meeting: Meeting,
  meetings: readonly Meeting[],
  sent: SentStandingItems = NO_SENT_ITEMS,
): boolean {
  if (key !== 'lbf-follow-up' && key !== 'next-year-dates') return true;
  if (meeting.kind !== 'ordinary') return false;
  if (onSentAgendaOfYear(key, meeting, meetings, sent, board.timezone)) return false;
  const year = ordinaryMeetingsOfYear(meeting, meetings, board.timezone);
  const first = year[0];
  const last = year[year.length - 1];
  if (key === 'next-year-dates') return last?.id === meeting.id && inDatePlanningSeason(meeting, board);
  return (board.policies.lbfFollowUpMeeting === 'first' ? first : last)?.id === meeting.id;
}

/** An item every agenda of its kind has: what agendaSkeleton gives, stored as a row. */
export interface SkeletonItem {
  readonly section: Exclude<AgendaSection, 'added'>;
  readonly standing?: StandingItemKey;
  /** Empty for a standing item by key (its title is in the board's language). */
  readonly title: string;
  readonly kind: AgendaItemKind;
  readonly position: number;
}

/** Where each section sorts on a draft agenda. */
const SECTION_ORDER: Readonly<Record<AgendaSection, number>> = { opening: 0, subject: 1, added: 2, closing: 3 };
/** Positions of the skeleton's rows, apart from the added items' 1, 2, …: opening and subject below zero, closing far above. */
const OPENING_BASE = -1_000;
const SUBJECT_POSITION = -1;
const CLOSING_BASE = 1_000_000;

/**
 * The one place an agenda's fixed rows come from: the board's standing items that apply
 * (R12, R14–R16, R10), and an extraordinary meeting's subject as an item for decision
 * right after the opening ones (R11). `meetings` are the board's meetings and `sent` the
 * standing items their sent agendas carry (to place R10, R15).
 */
export function agendaSkeleton(board: Board, meeting: Meeting, meetings: readonly Meeting[], sent: SentStandingItems = NO_SENT_ITEMS): SkeletonItem[] {
  const standing = board.standingItems ?? DEFAULT_STANDING_ITEMS;
  const rows: SkeletonItem[] = [];
  standing.forEach((entry, index) => {
    if (typeof entry === 'string') {
      if (!standingItemApplies(entry, board, meeting, meetings, sent)) return;
      const closing = CLOSING.has(entry);
      rows.push({ section: closing ? 'closing' : 'opening', standing: entry, title: '', kind: STANDING_ITEM_KIND[entry], position: (closing ? CLOSING_BASE : OPENING_BASE) + index });
    } else {
      rows.push({ section: 'opening', title: entry.title, kind: entry.kind, position: OPENING_BASE + index });
    }
  });
  if (meeting.kind === 'extraordinary' && meeting.subject) rows.push({ section: 'subject', title: meeting.subject, kind: 'decision', position: SUBJECT_POSITION });
  return rows;
}

const sameRow = (a: Pick<AgendaItem, 'section' | 'standing' | 'title'>, b: Pick<SkeletonItem, 'section' | 'standing' | 'title'>) =>
  a.section === b.section && (a.standing || b.standing ? a.standing === b.standing : a.title === b.title);

/**
 * How a draft agenda's stored fixed rows become the skeleton: the rows to add, and the ids of
 * rows no longer wanted. A sent agenda is never reconciled (its numbering is frozen, R13).
 */
export function reconcileSkeleton(stored: readonly AgendaItem[], skeleton: readonly SkeletonItem[]): { add: SkeletonItem[]; remove: string[] } {
  const fixed = stored.filter((i) => i.section !== 'added');
  return {
    add: skeleton.filter((row) => !fixed.some((i) => sameRow(i, row))),
    remove: fixed.filter((i) => !skeleton.some((row) => sameRow(i, row))).map((i) => i.id),
  };
}

/** An item another feature puts on the agenda (the tasks' follow-up): a title and lines under it. */
export interface ExtraItem {
  readonly title: string;
  readonly kind: AgendaItemKind;
  readonly notes: readonly string[];
}

const numbered = (i: AgendaItem) => ({
  title: i.title,
  kind: i.kind,
  section: i.section,
  ...(i.standing ? { standing: i.standing } : {}),
  itemId: i.id,
  ...(i.addedAfterSending ? { addedAfterSending: true } : {}),
  attachments: i.attachments,
});

/** Whether a stored added item is the row a feature's item became when the agenda was sent. */
const isRowOf = (i: AgendaItem, extra: ExtraItem) => i.section === 'added' && i.addedBy === 'system' && i.title === extra.title;

/**
 * The numbered agenda. Sent: the numbers it went out with, and those added after it, in number
 * order; a feature's item became a row when it was sent and keeps its number, with the
 * feature's lines as they stand now. A draft: the opening items, the subject, the added
 * items in order, the items other features put on it (`extra`), the closing items.
 */
export function numberedAgenda(meeting: Meeting, items: readonly AgendaItem[], extra: readonly ExtraItem[] = []): NumberedItem[] {
  const notesOf = (i: AgendaItem) => extra.find((e) => isRowOf(i, e))?.notes;
  const withNotes = (i: AgendaItem) => {
    const notes = notesOf(i);
    return { ...numbered(i), ...(notes ? { notes } : {}) };
  };
  const frozen = meeting.agendaSentAt !== undefined && items.every((i) => i.number !== undefined);
  if (frozen) return [...items].sort((a, b) => a.number! - b.number!).map((i) => ({ ...withNotes(i), number: i.number! }));
  const ordered = [...items].sort((a, b) => SECTION_ORDER[a.section] - SECTION_ORDER[b.section] || a.position - b.position);
  const contributed = extra
    .filter((e) => !items.some((i) => isRowOf(i, e)))
    .map((e) => ({ title: e.title, kind: e.kind, section: 'added' as const, itemId: '', attachments: [], notes: e.notes }));
  const closing = ordered.filter((i) => i.section === 'closing');
  return [...ordered.filter((i) => i.section !== 'closing').map(withNotes), ...contributed, ...closing.map(withNotes)].map((item, index) => ({ ...item, number: index + 1 }));
}

/** The rows that a sent agenda's items from other features become (appended to the added items), so their numbers freeze too. */
export function extraRows(items: readonly AgendaItem[], extra: readonly ExtraItem[]): { title: string; kind: AgendaItemKind; position: number }[] {
  let position = Math.max(0, ...items.filter((i) => i.section === 'added').map((i) => i.position));
  return extra.filter((e) => !items.some((i) => isRowOf(i, e))).map((e) => ({ title: e.title, kind: e.kind, position: ++position }));
}

export type AgendaRefusal = 'empty-title' | 'title-too-long' | 'agenda-meeting-held';

/**
 * R12: the chair and the programme manager prepare the agenda (policy `agenda.edit`). On a sent
 * agenda the item is appended with the next number and marked as added after the sending. R16:
 * not once the meeting's day is over: it was held on that agenda, and its minutes follow it (on its
 * day, during it, an item may still come).
 */
export function addAgendaItem(
  person: Person,
  meeting: Meeting,
  existing: readonly AgendaItem[],
  input: { id: string; title: string; kind: AgendaItemKind; now: Date; zone: string },
): Result<AgendaItem, AgendaRefusal> {
  if (duringMeeting(meeting, input.now, input.zone) === 'after') return refuse('agenda-meeting-held');
  const title = visibleText(input.title).replace(/\s+/g, ' ');
  if (!title) return refuse('empty-title');
  if (title.length > MAX_ITEM_TITLE) return refuse('title-too-long');
  const position = existing.filter((i) => i.section === 'added').reduce((max, i) => Math.max(max, i.position), 0) + 1;
  const sent = meeting.agendaSentAt !== undefined;
  const number = sent ? existing.reduce((max, i) => Math.max(max, i.number ?? 0), 0) + 1 : undefined;
  return ok({
    id: input.id,
    meetingId: meeting.id,
    title,
    kind: input.kind,
    section: 'added',
    position,
    ...(number !== undefined ? { number, addedAfterSending: true } : {}),
    attachments: [],
    addedBy: person.id,
    addedAt: input.now,
  });
}

/** Only http(s) links: an attachment ("bilag") is a link to where the document lives. */
export function isAttachmentUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** `not-attachable`: an item another feature lists (the follow-up on tasks), which has no stored row to hold it. */
export type AttachRefusal = 'not-attachable' | 'attachment-title-too-long' | 'attachment-url-too-long';

/** The longest link an attachment takes: what every browser and Teams open, far beyond a real document's address. */
export const MAX_ATTACHMENT_URL = 2_000;

/**
 * R12–R14, R16: an attachment ("bilag") on any item of the agenda, standing ones included (the
 * economy report, the minutes to approve). Added after the agenda was sent it is marked so, as an
 * item added then is (R12), on the card and in the agenda's file.
 */
export function attachmentFor(meeting: Meeting, item: NumberedItem, input: { url: string; title?: string }): Result<Attachment, AttachRefusal> {
  if (!item.itemId) return refuse('not-attachable');
  if (input.url.length > MAX_ATTACHMENT_URL) return refuse('attachment-url-too-long');
  const title = visibleText(input.title ?? '');
  if (title.length > MAX_ITEM_TITLE) return refuse('attachment-title-too-long');
  return ok({ url: input.url, ...(title ? { title } : {}), ...(meeting.agendaSentAt !== undefined ? { addedAfterSending: true } : {}) });
}
