/** Idempotency: the activities already processed. */
import type { IdempotencyPort } from '../ports/idempotency.js';
import { type StoreContext, scoped } from './context.js';
import { prepared } from './prepared.js';
import { iso } from './values.js';

/** Every change of an activity runs it (issue 12: built once, prepared.ts). */
const markProcessed = prepared((ctx, $: { activityId: string; at: string }) =>
  scoped
    .insert(ctx, 'processed_activities', { activity_id: $.activityId, processed_at: $.at })
    .onConflict((oc) => oc.column('activity_id').doNothing())
    .returning('activity_id'),
);

export function idempotencyQueries(ctx: StoreContext): IdempotencyPort {
  return {
    async markActivityProcessed(activityId: string, at: Date): Promise<boolean> {
      // Sent ahead: the work that follows goes out with it (runner.ts). The row comes back only if it was new.
      return (await markProcessed.ahead(ctx, { activityId, at: iso(at) })).length === 1;
    },
  };
}
