/** Idempotency: the activities already processed, each by its conversation and its id. */
import { sql } from 'kysely';
import { LEGACY_CONVERSATION } from '../migrations/0012-activity-conversations.js';
import type { ActivityKey, IdempotencyPort } from '../ports/idempotency.js';
import { type StoreContext, scoped } from './context.js';
import { prepared } from './prepared.js';
import { iso } from './values.js';

/**
 * Every change of an activity runs it (issue 12: built once, prepared.ts). An activity whose
 * id a released store recorded without its conversation (migration 0012) is written under
 * that row's key, so that it conflicts with it: in one statement, a redelivery across the
 * upgrade is known as before. Any other is written under its own conversation.
 */
const markProcessed = prepared((ctx, $: { conversationId: string; activityId: string; at: string }) => {
  const recordedBefore = scoped
    .select(ctx, 'processed_activities')
    .select('conversation_id')
    .where('conversation_id', '=', LEGACY_CONVERSATION)
    .where('activity_id', '=', $.activityId);
  return scoped
    .insert(ctx, 'processed_activities', {
      conversation_id: sql<string>`coalesce((${recordedBefore}), ${$.conversationId})`,
      activity_id: $.activityId,
      processed_at: $.at,
    })
    .onConflict((oc) => oc.columns(['board_id', 'conversation_id', 'activity_id']).doNothing())
    .returning('activity_id');
});

export function idempotencyQueries(ctx: StoreContext): IdempotencyPort {
  return {
    async markActivityProcessed(activity: ActivityKey, at: Date): Promise<boolean> {
      // Sent ahead: the work that follows goes out with it (runner.ts). The row comes back only if it was new.
      return (await markProcessed.ahead(ctx, { conversationId: activity.conversationId, activityId: activity.activityId, at: iso(at) })).length === 1;
    },
  };
}
