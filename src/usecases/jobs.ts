/**
 * The scheduled work the features register (scheduler/registry.ts dispatches it): a job's
 * kind, the schema of its payload, and what it does. A payload that does not fit its
 * schema fails the job with a clear error instead of running on bad data.
 */
import type { z } from 'zod';
import type { Board } from '../domain/kernel/board.js';
import type { Job } from '../store/port.js';
import type { Deps } from './deps.js';

/** What a job runs with: the dependencies and the board it is for. */
export interface JobContext {
  readonly deps: Deps;
  readonly board: Board;
}

/**
 * What a job left undone on purpose, in one line for the log (the scheduler logs it as a
 * warning): a reminder caught up after its moment had passed (domain/kernel/reminders.ts).
 */
export type JobNote = string;

export interface JobDefinition<S extends z.ZodTypeAny = z.ZodTypeAny> {
  readonly kind: string;
  readonly payload: S;
  run(context: JobContext, payload: z.infer<S>, job: Job): Promise<void | JobNote>;
}

export const defineJob = <S extends z.ZodTypeAny>(definition: JobDefinition<S>): JobDefinition<S> => definition;
