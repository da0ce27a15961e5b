/** Idempotency: the same activity delivered twice has one effect. */

/**
 * A Teams activity as a redelivery repeats it: its conversation and its id. An id alone is
 * not enough: Teams' message ids are millisecond timestamps, unique only within one
 * conversation (a channel's thread, a 1:1 chat), so two people writing in two conversations
 * in the same millisecond send the same id. The conversation id is the one received, as it
 * is (a thread's `…;messageid=…` included): a redelivery repeats it exactly.
 */
export interface ActivityKey {
  readonly conversationId: string;
  readonly activityId: string;
}

export interface IdempotencyPort {
  /**
   * Records an activity; false when it was already recorded. An activity recorded before
   * activities had conversations (migration 0012) is recorded in any conversation.
   */
  markActivityProcessed(activity: ActivityKey, at: Date): Promise<boolean>;
}
