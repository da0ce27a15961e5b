/**
 * R19: a card given in a 1:1 chat names its board in its actions' data, so that a press
 * there acts on that board, also for a person who sits on several (a channel's cards are
 * their channel's board's). The verbs' data schemas drop the key; the router reads it.
 * Used for the cards answered in a 1:1 chat (turn/reply.ts) and those posted there (a
 * reminder's card, outbox/posts.ts).
 */

/** The card action data key naming the card's board, on cards given in a 1:1 chat (R19). */
export const CARD_BOARD = 'board';

/** `card` with its board named in every action's data (a fresh copy: the card itself may be shared). */
export function cardForBoard<T>(card: T, board: string): T {
  return tagged(card, board) as T;
}

function tagged(node: unknown, board: string): unknown {
  if (Array.isArray(node)) return node.map((item) => tagged(item, board));
  if (!node || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) copy[key] = tagged(value, board);
  if ((copy.type === 'Action.Execute' || copy.type === 'Action.Submit') && copy.data && typeof copy.data === 'object') {
    copy.data = { ...(copy.data as object), [CARD_BOARD]: board };
  }
  return copy;
}
