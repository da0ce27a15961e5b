/**
 * The application layer: each use case authorises, validates, writes in one
 * transaction and emits what happened. No Teams, HTTP or SQL types here: the
 * store is a port, and what follows from an event (cards, announcements) is
 * the Publisher's business.
 */
import type { Board } from '../domain/kernel/board.js';
import type { Clock } from '../domain/kernel/clock.js';
import type { Repository, Store } from '../store/port.js';

export type BoardEvent =
  | { readonly type: 'board.bound'; readonly channelId: string }
  /** An install that bound nothing: the conversation is told who binds the board (once per conversation). */
  | { readonly type: 'install.notice'; readonly conversationKey: string; readonly conversationReference: unknown; readonly notice: 'officers-bind' | 'bound-elsewhere' }
  | { readonly type: 'vote.opened'; readonly motionId: string }
  | { readonly type: 'vote.cast'; readonly motionId: string }
  | { readonly type: 'vote.closed'; readonly motionId: string }
  | { readonly type: 'agenda.sent'; readonly meetingId: string }
  | { readonly type: 'agenda.changed'; readonly meetingId: string }
  | { readonly type: 'meeting.cancelled'; readonly meetingId: string }
  | { readonly type: 'vote.dissent'; readonly motionId: string }
  | { readonly type: 'conclusion.posted'; readonly conclusionId: string }
  | { readonly type: 'conclusion.objected'; readonly conclusionId: string; readonly personId: string }
  | { readonly type: 'conclusion.changed'; readonly conclusionId: string }
  | { readonly type: 'conclusion.decided'; readonly conclusionId: string }
  | { readonly type: 'dates.poll'; readonly pollId: string }
  | { readonly type: 'dates.changed'; readonly pollId: string }
  | { readonly type: 'dates.confirmed'; readonly pollId: string }
  | { readonly type: 'minutes.posted'; readonly minutesId: string }
  | { readonly type: 'minutes.updated'; readonly minutesId: string }
  | { readonly type: 'minutes.approved'; readonly minutesId: string }
  | { readonly type: 'petition.opened'; readonly petitionId: string }
  | { readonly type: 'petition.supported'; readonly petitionId: string }
  | { readonly type: 'petition.majority'; readonly petitionId: string }
  | { readonly type: 'reminder.agenda'; readonly meetingId: string; readonly key: string }
  | { readonly type: 'reminder.meeting'; readonly meetingId: string; readonly key: string }
  | { readonly type: 'reminder.dates'; readonly year: number; readonly key: string };

/** Turns events into posts. It writes to the outbox through `repo`, inside the use case's transaction. */
export interface Publisher {
  publish(repo: Repository, event: BoardEvent): Promise<void>;
}

export interface Deps {
  readonly store: Store;
  readonly board: Board;
  readonly clock: Clock;
  readonly publisher: Publisher;
  readonly newId: () => string;
}

/** Where a user's action came from: the activity id makes a redelivery a no-op and goes into the audit log. */
export interface Origin {
  readonly activityId?: string;
}

export function audit(
  repo: Repository,
  entry: { at: Date; actor: string; action: string; subject: string; data?: unknown },
  origin: Origin,
): Promise<void> {
  return repo.appendAudit({ ...entry, ...(origin.activityId ? { activityId: origin.activityId } : {}) });
}

/**
 * Records the activity as processed in the same transaction as its effect.
 * False when it was seen before: the caller then does nothing again.
 */
export async function firstDelivery(repo: Repository, origin: Origin, now: Date): Promise<boolean> {
  if (!origin.activityId) return true;
  return repo.markActivityProcessed(origin.activityId, now);
}
