/** Idempotency: the same activity delivered twice has one effect. */
export interface IdempotencyPort {
  /** Records an activity id; false when it was already recorded. */
  markActivityProcessed(activityId: string, at: Date): Promise<boolean>;
}
