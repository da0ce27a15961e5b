/**
 * Group commit for the SQLite store: one transaction and one fsync for every action that
 * arrived while the previous commit ran (`synchronous = FULL` stays).
 *
 * SQLite has one connection per process and its COMMIT blocks the event loop for the
 * fsync; the requests that came in meanwhile are read right after it. So each action
 * (a `transaction(work)`, or one call of a Store method outside a transaction) is queued;
 * the first opens a batch (`BEGIN IMMEDIATE`) and every action queued until the event
 * loop has had one turn with nothing new runs in it, one after another, each in a
 * savepoint of its own: an action that fails is rolled back to its savepoint alone, and
 * its caller gets its error at once. Then one COMMIT, and only after it each action's
 * caller gets its result. So nobody is answered with a write that is not on disk, nor
 * with a read of one that is not yet (a crash before the COMMIT loses only actions
 * nobody was answered for).
 */
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.js';

/** At most this many actions in one transaction (so a steady stream still commits often). */
export const MAX_BATCH = 64;

interface Pending<T = unknown> {
  readonly work: (trx: Transaction<Database>) => Promise<T>;
  readonly resolve: (value: T) => void;
  readonly reject: (error: unknown) => void;
}

export interface GroupCommit {
  /** Runs `work` in the next batch; resolves once the batch holding it is committed. */
  submit<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
  /** Batches committed and actions they held (for tests and the log). */
  readonly stats: { batches: number; actions: number; largest: number };
}

/** Each action's savepoint, compiled once (two of them run for every vote: issue 12). */
const SAVEPOINT = CompiledQuery.raw('savepoint group_action');
const ROLLBACK = CompiledQuery.raw('rollback to group_action');
const RELEASE = CompiledQuery.raw('release group_action');

/** One turn of the event loop: the I/O that is ready (other requests) is read first. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function groupCommit(db: Kysely<Database>, maxBatch = MAX_BATCH): GroupCommit {
  const queue: Pending[] = [];
  let draining: Promise<void> | undefined;
  const stats = { batches: 0, actions: 0, largest: 0 };

  async function batch(): Promise<void> {
    const committed: { pending: Pending; value: unknown }[] = [];
    let current: Pending | undefined;
    let began = false;
    try {
      await db.transaction().execute(async (trx) => {
        began = true;
        for (let held = 0; held < maxBatch; held++) {
          let next = queue.shift();
          if (!next) {
            await turn();
            next = queue.shift();
            if (!next) break;
          }
          current = next;
          await trx.executeQuery(SAVEPOINT);
          let value: unknown;
          try {
            value = await next.work(trx);
          } catch (error) {
            await trx.executeQuery(ROLLBACK);
            await trx.executeQuery(RELEASE);
            current = undefined;
            next.reject(error);
            continue;
          }
          await trx.executeQuery(RELEASE);
          current = undefined;
          committed.push({ pending: next, value });
        }
      });
    } catch (error) {
      // Nothing of this batch is committed: every action in it fails (its caller may retry).
      for (const { pending } of committed) pending.reject(error);
      current?.reject(error);
      // The transaction could not even begin (the store is closed, the file unusable): what
      // waits would fail the same way, and must not be retried in a loop that never yields.
      if (!committed.length && !current && !began) for (const pending of queue.splice(0)) pending.reject(error);
      return;
    }
    stats.batches++;
    stats.actions += committed.length;
    stats.largest = Math.max(stats.largest, committed.length);
    for (const { pending, value } of committed) pending.resolve(value);
  }

  async function drain(): Promise<void> {
    try {
      while (queue.length) await batch();
    } finally {
      draining = undefined;
    }
  }

  return {
    submit<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve, reject } as Pending);
        draining ??= drain();
      });
    },
    async idle() {
      while (draining) await draining;
    },
    stats,
  };
}
