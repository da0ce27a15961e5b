/** Idempotency: the activities already processed. */
import type { IdempotencyPort } from '../ports/idempotency.js';
import { type StoreContext, scoped } from './context.js';
import { inserted, iso } from './values.js';

export function idempotencyQueries(ctx: StoreContext): IdempotencyPort {
  return {
    async markActivityProcessed(activityId: string, at: Date): Promise<boolean> {
      const result = await scoped.insert(ctx, 'processed_activities', { activity_id: activityId, processed_at: iso(at) })
        .onConflict((oc) => oc.column('activity_id').doNothing())
        .executeTakeFirst();
      return inserted(result);
    },
  };
}
