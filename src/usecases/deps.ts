/**
 * The application layer: each use case authorises, validates, writes in one
 * transaction and emits what happened. No Teams, HTTP or SQL types here: the
 * store is a port, and what follows from an event (cards, announcements) is
 * the Publisher's business.
 */
import type { Board } from '../domain/kernel/board.js';
import type { Clock } from '../domain/kernel/clock.js';
import type { NumberedItem } from '../domain/meeting.js';
import type { MinutesRecord } from '../domain/minutes.js';
import type { Repository, Store } from '../store/port.js';
import type { BoardEvent as Event } from './event.js';

export type LegacyEvent =
  | { readonly type: 'board.bound'; readonly channelId: string }
  /** An install that bound nothing: the conversation is told who binds the board (once per conversation). */
  | { readonly type: 'install.notice'; readonly conversationKey: string; readonly conversationReference: unknown; readonly notice: 'officers-bind' | 'bound-elsewhere' }
  | { readonly type: 'agenda.sent'; readonly meetingId: string }
  | { readonly type: 'agenda.changed'; readonly meetingId: string }
  | { readonly type: 'meeting.cancelled'; readonly meetingId: string }
  | { readonly type: 'dates.poll'; readonly pollId: string }
  | { readonly type: 'dates.changed'; readonly pollId: string }
  | { readonly type: 'dates.confirmed'; readonly pollId: string }
  | { readonly type: 'reminder.agenda'; readonly meetingId: string; readonly key: string }
  | { readonly type: 'reminder.meeting'; readonly meetingId: string; readonly key: string }
  | { readonly type: 'reminder.dates'; readonly year: number; readonly key: string };

/** Turns events into posts. It writes to the outbox through `repo`, inside the use case's transaction. */
export interface Publisher {
  publish(repo: Repository, board: Board, events: readonly Event[], now: Date): Promise<void>;
  /** The use cases not yet on the runner (going). */
  publishOne(repo: Repository, event: LegacyEvent): Promise<void>;
}

/**
 * The texts a use case stores, in the board's language: an agenda item's label and the
 * minutes drafted from the record. The shell writes them (src/teams/texts.ts).
 */
export interface Texts {
  /** The item as the board refers to it: "5. Budget 2027". */
  itemLabel(board: Board, item: NumberedItem): string;
  /** The minutes' first text (Markdown), from the record (R16). */
  minutes(board: Board, record: MinutesRecord): string;
}

export interface Deps {
  readonly store: Store;
  /** Going: the board comes with each call (Origin). */
  readonly board: Board;
  readonly clock: Clock;
  readonly publisher: Publisher;
  readonly texts: Texts;
  readonly newId: () => string;
  /** Told after a change was committed (the Teams turn then sends what it queued and runs what fell due). */
  readonly onCommit?: () => void;
}

/** Where a user's action came from: the activity id makes a redelivery a no-op and goes into the audit log. */
export interface LegacyOrigin {
  readonly activityId?: string;
}

export function audit(
  repo: Repository,
  entry: { at: Date; actor: string; action: string; subject: string; data?: unknown },
  origin: LegacyOrigin,
): Promise<void> {
  return repo.appendAudit({ ...entry, ...(origin.activityId ? { activityId: origin.activityId } : {}) });
}

/**
 * Records the activity as processed in the same transaction as its effect.
 * False when it was seen before: the caller then does nothing again.
 */
export async function firstDelivery(repo: Repository, origin: LegacyOrigin, now: Date): Promise<boolean> {
  if (!origin.activityId) return true;
  return repo.markActivityProcessed(origin.activityId, now);
}
