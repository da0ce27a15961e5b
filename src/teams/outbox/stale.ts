/**
 * Reminders after an outage (R6, R13): a reminder's post names the moment it reminds of
 * (OutboxInput.staleAt: a vote's deadline, a meeting's start, the agenda's deadline). One that
 * waited in the outbox to that moment (Teams did not answer; the bot was stopped before it went
 * out) reminds of nothing any more: it is not sent, but marked failed, which gives up the updates
 * of the card copy it carried too, and said in one line of the log. A change that made it wrong
 * meanwhile (the vote closed early, the meeting cancelled or moved) brought that moment forward to
 * itself (OutboxPort.endReminders), so such a reminder is dropped here too. Agendas, outcomes and
 * minutes name no such moment and are always sent.
 */
import type { Logger } from 'pino';
import { stillOfUse } from '../../domain/kernel/reminders.js';
import type { OutboxEntry, Repository } from '../../store/port.js';

/** Whether `entry` (claimed by this process) was a reminder past its moment, dropped now. */
export async function droppedAsStale(store: Pick<Repository, 'markOutboxFailed'>, entry: OutboxEntry, now: Date, log: Logger): Promise<boolean> {
  if (entry.kind !== 'send' || !entry.staleAt || stillOfUse(entry.staleAt, now)) return false;
  await store.markOutboxFailed(entry.id, `dropped: its moment passed at ${entry.staleAt.toISOString()}`);
  log.warn({ key: entry.key, board: entry.boardId, staleAt: entry.staleAt.toISOString() }, 'reminder not sent: its moment has passed');
  return true;
}
