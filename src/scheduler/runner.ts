/**
 * The job runner: jobs are rows in the store; a tick claims those that are due, one
 * at a time (atomically, so several instances never run one at once), runs each
 * through the handler for its kind, and records the result. A failing job is retried
 * with backoff. On start the runner catches up with what fell due while the bot was
 * down, and with a job a killed process had claimed but not finished (the store gives
 * it to the next claimer: store/claims.ts). A job may so run twice; handlers are
 * idempotent. It knows neither Teams nor the bot: the features' jobs come through the
 * registry (registry.ts). A failure that retrying cannot cure (PermanentJobError) fails at once.
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
        const handler = handlers[job.kind];
        if (!handler) {
          log.error({ job: job.key, kind: job.kind }, 'no handler for job kind');
          await boardJobs.failJob(job.id, `no handler for kind ${job.kind}`);
          continue;
        }
        try {
          const note = await handler(job);
          await boardJobs.completeJob(job.id, clock());
          // What it left undone on purpose (a reminder past its moment): one line.
          if (note) log.warn({ job: job.key, board: job.boardId }, note);
          log.info({ job: job.key, board: job.boardId }, 'job done');
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          const retry = job.attempts < maxAttempts && !(err instanceof Error && err.name === 'PermanentJobError');
          log.error({ job: job.key, board: job.boardId, attempts: job.attempts, err: message, retry }, 'job failed');
          await boardJobs.failJob(job.id, message, retry ? new Date(clock().getTime() + jobRetryDelayMs(job.attempts)) : undefined);
        }
      }
    }
    await this.options.afterTick?.();
    return ran;
  }

  /** Starts the cron tick (SCHEDULER_CRON) and catches up at once. */
  async start(expression: string): Promise<void> {
    this.task = cron.schedule(expression, () => {
      this.tick().catch((err) => this.options.log.error({ err }, 'scheduler tick failed'));
    });
    await this.tick();
  }

  async stop(): Promise<void> {
    await this.task?.stop();
    await this.ticking?.catch(() => undefined);
  }
}
