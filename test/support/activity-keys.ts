/** Activities as the store records them (src/store/ports/idempotency.ts): an id in a conversation. */
import type { ActivityKey } from '../../src/store/port.js';

/** The conversation of `activityKey` when a test names none: a 1:1 chat. */
export const SOME_CHAT = 'a:1:some-chat';

/** The activity `activityId` of `conversationId` (default: one 1:1 chat). */
export const activityKey = (activityId: string, conversationId: string = SOME_CHAT): ActivityKey => ({ conversationId, activityId });
