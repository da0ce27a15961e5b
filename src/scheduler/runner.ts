/**
 * The job runner: jobs are rows in the store; a tick claims those that are due, one
 * at a time (atomically, so several instances never run one at once), runs each
 * through the handler for its kind, and records the result. A failing job is retried
 * with backoff (jobRetryDelayMs), and after its last attempt fails for good: one error
 * line. On start the runner catches up (catchUp) with what fell due while the bot was
 * down, with a job a killed process had claimed but not finished (the store gives
 * it to the next claimer: store/claims.ts), and with every job failed for good: planned
 * again once, its handler deciding, as for any job caught up late, whether it still has
 * anything to do (each checks its subject: the meeting planned, the vote open, the
 * reminder still of use). A job may so run twice; handlers are idempotent. It knows
 * neither Teams nor the bot: the features' jobs come through the registry (registry.ts).
 * A failure that retrying cannot cure (PermanentJobError) is rejected at once, and never
 * planned again at start; a job of a kind this process has no handler for (an instance of
 * another version planned it) is retried as a failure is, so that an instance that knows
 * the kind takes it, and is planned again at start only by one that does.
 */
import cron from 'node-cron';
import type { Logger } from 'pino';
import type { Clock } from '../domain/kernel/clock.js';
import type { Job, Store } from '../store/port.js';

/** Runs a job; may answer one line for the log about what it left undone on purpose (JobNote). */
export type JobHandler = (job: Job) => Promise<void | string>;

export interface SchedulerOptions {
  readonly store: Store;
  readonly clock: Clock;
  readonly handlers: Readonly<Record<string, JobHandler>>;
  readonly log: Logger;
  /** Runs after each tick's jobs (main uses it to flush the outbox). */
  readonly afterTick?: () => Promise<void>;
  readonly maxAttempts?: number;
}

/** Lets pending I/O (requests) run before going on. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** 30 s, 1 min, 2 min … capped at 1 hour. */
export function jobRetryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

export class Scheduler {
  private task: ReturnType<typeof cron.schedule> | undefined;
  private ticking: Promise<number> | undefined;

  constructor(private readonly options: SchedulerOptions) {}

  /** Runs every due job once; resolves with how many ran. Overlapping calls share one run. */
  tick(): Promise<number> {
    if (!this.ticking) {
      this.ticking = this.runDue().finally(() => {
        this.ticking = undefined;
      });
    }
    return this.ticking;
  }

  private async runDue(): Promise<number> {
    const { store, clock, handlers, log } = this.options;
    const maxAttempts = this.options.maxAttempts ?? 8;
    let ran = 0;
    for (;;) {
      // One claim per job, of every board (R19: one tick for all boards; nothing per board
      // when nothing is due): a crash then interrupts the one job in hand, not a claimed batch.
      const jobs = await store.claimDueJobs(clock(), 1);
      if (jobs.length === 0) break;
      // Between jobs, the event loop: on SQLite a run of jobs is otherwise one chain of
      // promises that never yields, and a catch-up of many boards' jobs would hold every
      // request (a vote, /healthz) until it ends.
      if (ran > 0) await yieldToEventLoop();
      for (const job of jobs) {
        ran++;
        // What is done with a job is its board's.
        const boardJobs = store.forBoard(job.boardId);
        const about = { job: job.key, kind: job.kind, board: job.boardId };
        try {
          const handler = handlers[job.kind];
          if (!handler) throw new Error(`no handler for kind ${job.kind} (an instance of another version planned it)`);
          const note = await handler(job);
          await boardJobs.completeJob(job.id, clock());
          // What it left undone on purpose (a reminder past its moment): one line.
          if (note) log.warn(about, note);
          log.info(about, 'job done');
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          const rejected = err instanceof Error && err.name === 'PermanentJobError';
          if (!rejected && job.attempts < maxAttempts) {
            const retryAt = new Date(clock().getTime() + jobRetryDelayMs(job.attempts));
            log.warn({ ...about, attempts: job.attempts, err: message, retryAt: retryAt.toISOString() }, 'job failed; tried again later');
            await boardJobs.failJob(job.id, message, retryAt);
          } else {
            // The one line to alert on: the board goes without what the job was for until the next start
            // plans it again (a rejected job, never: no retry would cure it).
            log.error({ ...about, attempts: job.attempts, err: message, ...(rejected ? { rejected } : {}) }, 'job failed for good');
            await boardJobs.failJob(job.id, message, rejected ? 'rejected' : undefined);
          }
        }
      }
    }
    await this.options.afterTick?.();
    return ran;
  }

  /**
   * At start: every job failed for good (its retries spent: a database away for longer, a bug a
   * redeploy fixed) of a kind this process has a handler for is planned again, once, one warning
   * line each; then every due job runs, those among them. Its handler decides whether it still has
   * anything to do, as for a job caught up after a stop: a meeting cancelled or a vote closed
   * meanwhile leaves it nothing. A rejected job (PermanentJobError) is not planned again.
   */
  async catchUp(): Promise<number> {
    const { store, handlers, log } = this.options;
    for (const job of await store.planFailedJobsAgain(Object.keys(handlers))) {
      log.warn({ job: job.key, kind: job.kind, board: job.boardId, lastError: job.lastError }, 'job failed for good: planned again at start');
    }
    return this.tick();
  }

  /** Starts the cron tick (SCHEDULER_CRON) and catches up at once. */
  async start(expression: string): Promise<void> {
    this.task = cron.schedule(expression, () => {
      this.tick().catch((err) => this.options.log.error({ err }, 'scheduler tick failed'));
    });
    await this.catchUp();
  }

  async stop(): Promise<void> {
    await this.task?.stop();
    await this.ticking?.catch(() => undefined);
  }
}
