/**
 * The copies of a card that 1:1 reminders carry (the vote card in a member's vote reminder, a
 * task's card in its owner's: reminderPosts, `copyOf`). Each is recorded with the reminder's post,
 * and whenever the card is updated (a post with `forCopy`), each copy is updated in the same
 * change: an 'update' entry under the copy's own key, so that it coalesces as the card's does
 * (UPDATE_INTERVAL_MS) and is as durable. The copy is rendered for its person (their buttons,
 * naming the board: cards/board.ts); the reminder's words stay as they were sent.
 *
 * Left as it is: a copy whose post failed for good, or went to the channel as an @mention
 * instead (Teams refused the 1:1 chat: it carries no card), and a copy sent to someone who has
 * since left the board.
 */
import { type Activity, CardFactory } from 'botbuilder';
import { type Board, findPerson } from '../../domain/kernel/board.js';
import type { Repository } from '../../store/port.js';
import { cardForBoard } from '../cards/board.js';
import type { Post } from './posts.js';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** Records the copy `post` carries, if it carries one (in the change that queues it). */
export async function recordCopy(repo: Repository, post: Post): Promise<void> {
  if (post.copyOf) await repo.recordCardCopy({ cardKey: post.copyOf.card, copyKey: post.key, personId: post.copyOf.person });
}

/** An update of a copy: the key of the post it replaces, where that post went, and the new message. */
export interface CopyUpdate {
  readonly key: string;
  readonly conversation: unknown;
  readonly activity: Partial<Activity>;
}

/** The updates of the copies of the card `post` updates (none unless it renders for copies). */
export async function copyUpdates(repo: Repository, board: Board, post: Post): Promise<CopyUpdate[]> {
  if (!post.update || !post.forCopy) return [];
  const updates: CopyUpdate[] = [];
  const copies = await repo.listCardCopies(post.key);
  // Their posts in one read (a vote asks on every ballot: issue 12).
  const posts = new Map((await repo.getOutboxes(copies.map((c) => c.copyKey))).map((e) => [e.key, e]));
  for (const copy of copies) {
    const sent = posts.get(copy.copyKey);
    const person = findPerson(board, copy.personId);
    if (!sent || sent.kind !== 'send' || sent.status === 'failed' || !person) continue;
    const activity = sent.activity as Partial<Activity>;
    // Rerouted to the channel as an @mention (Teams refused the chat): no card to update.
    if (!activity.attachments?.some((a) => a.contentType === ADAPTIVE_CARD)) continue;
    const card = CardFactory.adaptiveCard(cardForBoard(post.forCopy(person), board.id));
    updates.push({
      key: copy.copyKey,
      conversation: sent.conversation,
      activity: { ...activity, attachments: activity.attachments.map((a) => (a.contentType === ADAPTIVE_CARD ? card : a)) },
    });
  }
  return updates;
}
