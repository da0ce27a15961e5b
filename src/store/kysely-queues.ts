/**
 * The store's two work queues, jobs and the outbox, for KyselyRepository: planning,
 * claiming (claims.ts: one process per claim, taken over when its claimer is gone or
 * its lease ran out) and recording the outcome.
 */
import type { ExpressionBuilder, Kysely, Selectable, Transaction } from 'kysely';
import { CLAIM_LEASE_MS, type Claimer } from './claims.js';
import type { Job, JobInput, JobStatus, OutboxEntry, OutboxInput, OutboxKind, OutboxStatus } from './port.js';
import type { Database, JobsTable, OutboxTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface QueueOptions {
  /** PostgreSQL: claims lock the rows they select (`FOR UPDATE SKIP LOCKED`). */
  readonly lockRows: boolean;
  readonly claimer: Claimer;
}

const iso = (d: Date): string => d.toISOString();
const date = (s: string): Date => new Date(s);

/** Runs `work` in a transaction, or in the current one. */
function atomically<T>(db: Db, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute((trx) => work(trx));
}

/** Where a claim's lease has run out: claimed before this instant. */
const leaseEnded = (now: Date): string => iso(new Date(now.getTime() - CLAIM_LEASE_MS));

// — Jobs —

export async function scheduleJob(db: Db, job: JobInput): Promise<void> {
  await db
    .insertInto('jobs')
    .values({
      key: job.key,
      kind: job.kind,
      due_at: iso(job.dueAt),
      payload: job.payload === undefined ? null : (JSON.stringify(job.payload) ?? null),
      status: 'pending',
      attempts: 0,
    })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet((eb) => ({
          kind: eb.ref('excluded.kind'),
          due_at: eb.ref('excluded.due_at'),
          payload: eb.ref('excluded.payload'),
          status: 'pending',
          attempts: 0,
          last_error: null,
          claimed_at: null,
          claimed_by: null,
        }))
        .where('jobs.status', '<>', 'done'),
    )
    .execute();
}

export async function cancelJob(db: Db, key: string): Promise<void> {
  await db.updateTable('jobs').set({ status: 'cancelled' }).where('key', '=', key).where('status', '=', 'pending').execute();
}

export async function getJob(db: Db, key: string): Promise<Job | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('key', '=', key).executeTakeFirst();
  return row ? toJob(row) : undefined;
}

export async function claimDueJobs(db: Db, options: QueueOptions, now: Date, limit: number): Promise<Job[]> {
  if (limit <= 0) return [];
  const { claimer } = options;
  const me = await claimer.id();
  const nowIso = iso(now);
  const leaseEnd = leaseEnded(now);
  const claimable = (eb: ExpressionBuilder<Database, 'jobs'>) =>
    eb.or([
      eb.and([eb('status', '=', 'pending'), eb('due_at', '<=', nowIso)]),
      eb.and([eb('status', '=', 'running'), eb.or([eb('claimed_at', '<', leaseEnd), claimer.gone('jobs.claimed_by', me)])]),
    ]);
  return atomically(db, async (trx) => {
    let select = trx.selectFrom('jobs').select('id').where(claimable).orderBy('due_at').orderBy('id').limit(limit);
    if (options.lockRows) select = select.forUpdate().skipLocked();
    const ids = (await select.execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    // Guarded by the same condition: a row someone else claimed meanwhile is not taken.
    const rows = await trx
      .updateTable('jobs')
      .set((eb) => ({ status: 'running', claimed_at: nowIso, claimed_by: me, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', ids)
      .where(claimable)
      .returningAll()
      .execute();
    return rows.map(toJob).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id - b.id);
  });
}

/** Only a running (claimed) job completes: one re-planned meanwhile stays pending and runs again. */
export async function completeJob(db: Db, id: number, at: Date): Promise<void> {
  await db.updateTable('jobs').set({ status: 'done', done_at: iso(at) }).where('id', '=', id).where('status', '=', 'running').execute();
}

/** Only this process's claim fails: a job another process took over is its business now. */
export async function failJob(db: Db, options: QueueOptions, id: number, error: string, retryAt?: Date): Promise<void> {
  const me = await options.claimer.id();
  await db
    .updateTable('jobs')
    .set(
      retryAt
        ? { status: 'pending', due_at: iso(retryAt), last_error: error, claimed_at: null, claimed_by: null }
        : { status: 'failed', last_error: error },
    )
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('claimed_by', '=', me)
    .execute();
}

// — Outbox —

export async function enqueueOutbox(db: Db, entry: OutboxInput): Promise<void> {
  const insert = db.insertInto('outbox').values({
    key: entry.key,
    kind: entry.kind,
    conversation: JSON.stringify(entry.conversation ?? null),
    activity: JSON.stringify(entry.activity ?? null),
    updates_key: entry.updatesKey ?? null,
    due_at: iso(entry.dueAt),
    status: 'pending',
    attempts: 0,
  });
  if (entry.kind === 'send') {
    await insert.onConflict((oc) => oc.column('key').doNothing()).execute();
    return;
  }
  await insert
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet((eb) => ({
          conversation: eb.ref('excluded.conversation'),
          activity: eb.ref('excluded.activity'),
          updates_key: eb.ref('excluded.updates_key'),
          due_at: eb.ref('excluded.due_at'),
          status: 'pending',
          attempts: 0,
          last_error: null,
          claimed_at: null,
          claimed_by: null,
        }))
        // Never re-arm a 'send' that happens to share the key.
        .where('outbox.kind', '=', 'update'),
    )
    .execute();
}

export async function getOutbox(db: Db, key: string): Promise<OutboxEntry | undefined> {
  const row = await db.selectFrom('outbox').selectAll().where('key', '=', key).executeTakeFirst();
  return row ? toOutbox(row) : undefined;
}

/**
 * Pending entries that are due, and entries being sent by a claimer that is gone or
 * whose lease ran out: those may or may not have reached Teams, and are sent again
 * (at least once per key; a 'send' interrupted by a crash may arrive twice).
 */
export async function claimOutbox(db: Db, options: QueueOptions, now: Date, limit: number): Promise<OutboxEntry[]> {
  if (limit <= 0) return [];
  const { claimer } = options;
  const me = await claimer.id();
  const nowIso = iso(now);
  const leaseEnd = leaseEnded(now);
  const claimable = (eb: ExpressionBuilder<Database, 'outbox'>) =>
    eb.or([
      eb.and([eb('status', '=', 'pending'), eb('due_at', '<=', nowIso)]),
      eb.and([eb('status', '=', 'sending'), eb.or([eb('claimed_at', '<', leaseEnd), claimer.gone('outbox.claimed_by', me)])]),
    ]);
  return atomically(db, async (trx) => {
    let select = trx.selectFrom('outbox').select('id').where(claimable).orderBy('id').limit(limit);
    if (options.lockRows) select = select.forUpdate().skipLocked();
    const ids = (await select.execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    const rows = await trx
      .updateTable('outbox')
      .set((eb) => ({ status: 'sending', claimed_at: nowIso, claimed_by: me, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', ids)
      .where(claimable)
      .returningAll()
      .execute();
    return rows.map(toOutbox).sort((a, b) => a.id - b.id);
  });
}

/**
 * Records the post, whoever sent it. Ignored when the entry is pending again: an
 * 'update' re-armed while it was being sent carries newer state and must still go out.
 */
export async function markOutboxSent(db: Db, id: number, at: Date, sentActivityId?: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: iso(at), sent_activity_id: sentActivityId ?? null })
    .where('id', '=', id)
    .where('status', '<>', 'pending')
    .execute();
}

/** Only this process's claim of a 'sending' entry fails: one another process took over is its business now. */
export async function markOutboxFailed(db: Db, options: QueueOptions, id: number, error: string, retryAt?: Date): Promise<void> {
  const me = await options.claimer.id();
  await db
    .updateTable('outbox')
    .set(
      retryAt
        ? { status: 'pending', due_at: iso(retryAt), last_error: error, claimed_at: null, claimed_by: null }
        : { status: 'failed', last_error: error },
    )
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('claimed_by', '=', me)
    .execute();
}

function toJob(r: Selectable<JobsTable>): Job {
  return {
    id: Number(r.id),
    key: r.key,
    kind: r.kind,
    dueAt: date(r.due_at),
    ...(r.payload !== null ? { payload: JSON.parse(r.payload) as unknown } : {}),
    status: r.status as JobStatus,
    attempts: Number(r.attempts),
    ...(r.last_error !== null ? { lastError: r.last_error } : {}),
    ...(r.done_at !== null ? { doneAt: date(r.done_at) } : {}),
  };
}

function toOutbox(r: Selectable<OutboxTable>): OutboxEntry {
  return {
    id: Number(r.id),
    key: r.key,
    kind: r.kind as OutboxKind,
    conversation: JSON.parse(r.conversation) as unknown,
    activity: JSON.parse(r.activity) as unknown,
    ...(r.updates_key !== null ? { updatesKey: r.updates_key } : {}),
    dueAt: date(r.due_at),
    status: r.status as OutboxStatus,
    attempts: Number(r.attempts),
    ...(r.last_error !== null ? { lastError: r.last_error } : {}),
    ...(r.sent_activity_id !== null ? { sentActivityId: r.sent_activity_id } : {}),
    ...(r.sent_at !== null ? { sentAt: date(r.sent_at) } : {}),
  };
}
