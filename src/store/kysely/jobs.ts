/** Jobs: scheduled work, claimed by one process at a time and done at least once (../claims.ts). */
import { type ExpressionBuilder, type Selectable, sql } from 'kysely';
import { leaseEnded } from '../claims.js';
import type { Job, JobInput, JobStatus, JobsPort } from '../ports/queues.js';
import type { Database, JobsTable } from '../schema.js';
import { type StoreContext, acrossBoards, atomically, scoped } from './context.js';
import { date, fromJson, iso, toJson } from './values.js';

/** A claimed job: running, or running and re-planned meanwhile (to run again after). */
const ACTIVE = ['running', 'replanned'];

export function jobsQueries(ctx: StoreContext): JobsPort {
  return {
    async scheduleJob(job: JobInput, options: { readonly again?: boolean } = {}): Promise<void> {
      await scoped.insert(ctx, 'jobs', {
          key: job.key,
          kind: job.kind,
          due_at: iso(job.dueAt),
          payload: toJson(job.payload),
          status: 'pending',
          attempts: 0,
        })
        .onConflict((oc) =>
          oc
            .columns(['board_id', 'key'])
            // A job re-planned while it runs keeps its claim: no other process may start it
            // before this run ends, and the end of the run puts it back as pending (completeJob).
            .doUpdateSet((eb) => ({
              kind: eb.ref('excluded.kind'),
              due_at: eb.ref('excluded.due_at'),
              payload: eb.ref('excluded.payload'),
              status: sql<string>`case when jobs.status in ('running', 'replanned') then 'replanned' else 'pending' end`,
              attempts: 0,
              last_error: null,
              claimed_at: sql<string | null>`case when jobs.status in ('running', 'replanned') then jobs.claimed_at end`,
              claimed_by: sql<number | null>`case when jobs.status in ('running', 'replanned') then jobs.claimed_by end`,
              done_at: null,
            }))
            // A done job stays done, unless it is planned `again`.
            .where((eb) => (options.again ? sql<boolean>`1 = 1` : eb('jobs.status', '<>', 'done'))),
        )
        .execute();
    },

    /** A pending job is cancelled; one re-planned while it runs finishes its run and is not run again. */
    async cancelJob(key: string): Promise<void> {
      await scoped.update(ctx, 'jobs')
        .set({ status: sql<string>`case when status = 'replanned' then 'running' else 'cancelled' end` })
        .where('key', '=', key)
        .where('status', 'in', ['pending', 'replanned'])
        .execute();
    },

    async getJob(key: string): Promise<Job | undefined> {
      const row = await scoped.select(ctx, 'jobs').selectAll().where('key', '=', key).executeTakeFirst();
      return row ? toJob(row) : undefined;
    },

    async claimDueJobs(now: Date, limit: number): Promise<Job[]> {
      if (limit <= 0) return [];
      const { claimer } = ctx;
      const me = await claimer.id();
      const nowIso = iso(now);
      const leaseEnd = iso(leaseEnded(now));
      const due = (eb: ExpressionBuilder<Database, 'jobs'>) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('due_at', '<=', nowIso)]),
          // A claim that ran out or whose claimer is gone; one re-planned meanwhile not before its new time.
          eb.and([
            eb.or([eb('status', '=', 'running'), eb.and([eb('status', '=', 'replanned'), eb('due_at', '<=', nowIso)])]),
            eb.or([eb('claimed_at', '<', leaseEnd), claimer.gone('jobs.claimed_by', me)]),
          ]),
        ]);
      // Only the boards this process serves (R19): another board's jobs wait for it.
      const { serves } = ctx;
      const claimable = (eb: ExpressionBuilder<Database, 'jobs'>) => (serves ? eb.and([due(eb), eb('board_id', 'in', serves.length ? serves : [''])]) : due(eb));
      return atomically(ctx, async (inTx) => {
        // Every board's due jobs: one tick for all (each job carries its board).
        const trx = acrossBoards(inTx);
        let select = trx.selectFrom('jobs').select('id').where(claimable).orderBy('due_at').orderBy('id').limit(limit);
        if (ctx.lockRows) select = select.forUpdate().skipLocked();
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
    },

    /** This process's claim completes: a job re-planned meanwhile is pending again and runs again. */
    async completeJob(id: number, at: Date): Promise<void> {
      const me = await ctx.claimer.id();
      await scoped.update(ctx, 'jobs')
        .set({
          status: sql<string>`case when status = 'replanned' then 'pending' else 'done' end`,
          done_at: sql<string | null>`case when status = 'replanned' then null else ${iso(at)} end`,
          claimed_at: sql<string | null>`case when status = 'replanned' then null else claimed_at end`,
          claimed_by: sql<number | null>`case when status = 'replanned' then null else claimed_by end`,
        })
        .where('id', '=', id)
        .where('status', 'in', ACTIVE)
        .where('claimed_by', '=', me)
        .execute();
    },

    /** Only this process's claim fails: a job another process took over is its business now. */
    async failJob(id: number, error: string, retryAt?: Date | 'rejected'): Promise<void> {
      const me = await ctx.claimer.id();
      // One re-planned while it ran runs again as planned, whatever became of this run.
      const replanned = { status: 'pending', last_error: error, claimed_at: null, claimed_by: null } as const;
      await scoped.update(ctx, 'jobs').set(replanned).where('id', '=', id).where('status', '=', 'replanned').where('claimed_by', '=', me).execute();
      await scoped.update(ctx, 'jobs')
        .set(
          retryAt instanceof Date
            ? { status: 'pending', due_at: iso(retryAt), last_error: error, claimed_at: null, claimed_by: null }
            : { status: retryAt ?? 'failed', last_error: error },
        )
        .where('id', '=', id)
        .where('status', '=', 'running')
        .where('claimed_by', '=', me)
        .execute();
    },

    async planFailedJobsAgain(kinds: readonly string[]): Promise<Job[]> {
      if (kinds.length === 0) return [];
      // Only the boards this process serves (R19), as claimDueJobs: another board's wait for its instance.
      const { serves } = ctx;
      // Every board's failed jobs: one start for all (each job names its board).
      const trx = acrossBoards(ctx);
      let update = trx
        .updateTable('jobs')
        // Its last error stays: why it failed before.
        .set({ status: 'pending', attempts: 0, claimed_at: null, claimed_by: null })
        .where('status', '=', 'failed')
        .where('kind', 'in', [...kinds]);
      if (serves) update = update.where('board_id', 'in', serves.length ? serves : ['']);
      const rows = await update.returningAll().execute();
      return rows.map(toJob).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id - b.id);
    },
  };
}

function toJob(r: Selectable<JobsTable>): Job {
  return {
    id: Number(r.id),
    boardId: r.board_id,
    key: r.key,
    kind: r.kind,
    dueAt: date(r.due_at),
    ...(r.payload !== null ? { payload: fromJson(r.payload) } : {}),
    status: r.status as JobStatus,
    attempts: Number(r.attempts),
    ...(r.last_error !== null ? { lastError: r.last_error } : {}),
    ...(r.done_at !== null ? { doneAt: date(r.done_at) } : {}),
  };
}
