/**
 * Agendas (R12–R16): the standing items every meeting has, the items the chair and
 * the secretary add, and the numbering the board refers to (`punktnr`).
 */
import type { AgendaItemKind, Board, Person, StandingItemKey } from './kernel/board.js';
import { localDateOf } from './kernel/calendar.js';
import { type Result, ok, refuse } from './kernel/result.js';
import type { AgendaItem, Meeting, NumberedItem } from './meeting.js';

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

function sameLocalYear(a: Date, b: Date, zone: string): boolean {
  return localDateOf(a, zone).year === localDateOf(b, zone).year;
}

/** The planned ordinary meetings in the meeting's calendar year, in order. */
function ordinaryMeetingsOfYear(meeting: Meeting, meetings: readonly Meeting[], zone: string): Meeting[] {
  return meetings
    .filter((m) => m.kind === 'ordinary' && m.status === 'planned' && sameLocalYear(m.startsAt, meeting.startsAt, zone))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
}

/**
 * Whether a standing item belongs on this meeting's agenda:
 * - R14: economy, like approval of the agenda and the minutes and any other business, on every meeting;
 * - R15: the LBF follow-up on one ordinary meeting a year (policy lbfFollowUpMeeting: first | last);
 * - R10: next year's meeting dates on the last ordinary meeting of the year.
 */
export function standingItemApplies(
  key: StandingItemKey,
  board: Board,
  meeting: Meeting,
  meetings: readonly Meeting[],
): boolean {
  if (key !== 'lbf-follow-up' && key !== 'next-year-dates') return true;
  if (meeting.kind !== 'ordinary') return false;
  const year = ordinaryMeetingsOfYear(meeting, meetings, board.timezone);
  const first = year[0];
  const last = year[year.length - 1];
  if (key === 'next-year-dates') return last?.id === meeting.id;
  return (board.policies.lbfFollowUpMeeting === 'first' ? first : last)?.id === meeting.id;
}

/** An item another feature puts on the agenda (the tasks' follow-up): a title and lines under it. */
export interface ExtraItem {
  readonly title: string;
  readonly kind: AgendaItemKind;
  readonly notes: readonly string[];
}

/**
 * The numbered agenda: opening standing items, the added items in order, the items other
 * features put on it (`extra`), then the closing standing items. `meetings` are the
 * board's meetings (to place R10 and R15).
 */
export function numberedAgenda(
  board: Board,
  meeting: Meeting,
  items: readonly AgendaItem[],
  meetings: readonly Meeting[],
  extra: readonly ExtraItem[] = [],
): NumberedItem[] {
  const standing = board.standingItems ?? DEFAULT_STANDING_ITEMS;
  const opening: Omit<NumberedItem, 'number'>[] = [];
  const closing: Omit<NumberedItem, 'number'>[] = [];
  for (const entry of standing) {
    if (typeof entry === 'string') {
      if (!standingItemApplies(entry, board, meeting, meetings)) continue;
      (CLOSING.has(entry) ? closing : opening).push({ title: '', kind: STANDING_ITEM_KIND[entry], standing: entry, attachments: [] });
    } else {
      opening.push({ title: entry.title, kind: entry.kind, attachments: [] });
    }
  }
  const added = [...items]
    .sort((a, b) => a.position - b.position)
    .map((i) => ({ title: i.title, kind: i.kind, itemId: i.id, attachments: i.attachments }));
  const contributed = extra.map((i) => ({ title: i.title, kind: i.kind, attachments: [], notes: i.notes }));
  return [...opening, ...added, ...contributed, ...closing].map((item, index) => ({ ...item, number: index + 1 }));
}

export type AgendaRefusal = 'empty-title' | 'title-too-long';

/** R12: the chair and the programme manager prepare the agenda (policy `agenda.edit`). */
export function addAgendaItem(
  person: Person,
  meeting: Meeting,
  existing: readonly AgendaItem[],
  input: { id: string; title: string; kind: AgendaItemKind; now: Date },
): Result<AgendaItem, AgendaRefusal> {
  const title = input.title.trim().replace(/\s+/g, ' ');
  if (!title) return refuse('empty-title');
  if (title.length > MAX_ITEM_TITLE) return refuse('title-too-long');
  const position = existing.reduce((max, i) => Math.max(max, i.position), 0) + 1;
  return ok({ id: input.id, meetingId: meeting.id, title, kind: input.kind, position, attachments: [], addedBy: person.id, addedAt: input.now });
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
