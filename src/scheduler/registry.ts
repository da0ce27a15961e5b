/**
 * The typed job registry: each kind the features register (usecases/jobs.ts) with the
 * schema of its payload and what it does. A payload that does not fit its schema fails the
 * job at once with an error that says so: retrying would not make it fit.
 */
import type { Job } from '../store/port.js';
import type { JobContext, JobDefinition } from '../usecases/jobs.js';
import type { JobHandler } from './runner.js';

/** A failure that retrying cannot cure. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}

/** The handlers by kind; `context` gives each job what it runs with (its board). */
export function jobHandlers(definitions: readonly JobDefinition[], context: (job: Job) => JobContext): Readonly<Record<string, JobHandler>> {
  const handlers: Record<string, JobHandler> = {};
  for (const definition of definitions) {
    if (handlers[definition.kind]) throw new Error(`two job definitions for the kind ${definition.kind}`);
    handlers[definition.kind] = async (job) => {
      const payload = definition.payload.safeParse(job.payload);
      if (!payload.success) {
        const issues = payload.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');
        throw new PermanentJobError(`job ${job.key} (${job.kind}) has a payload that does not fit its kind: ${issues}`);
      }
      return definition.run(context(job), payload.data, job);
    };
  }
  return handlers;
}
