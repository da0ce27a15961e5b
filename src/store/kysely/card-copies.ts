/**
 * The copies of cards that 1:1 reminders carry (migration 0018): recorded with the reminder,
 * listed by the card they copy when it is updated (teams/outbox/copies.ts). The list is kept
 * between requests (repository.ts, Known): most cards have no copy, and a vote asks on every
 * ballot; a write of a copy makes every instance forget it (PostgreSQL: knownChanged).
 */
import type { CardCopiesPort, CardCopy } from '../ports/queues.js';
import { type StoreContext, scoped } from './context.js';
import { knownChanged } from './identities.js';

export function cardCopiesQueries(ctx: StoreContext): CardCopiesPort {
  return {
    async recordCardCopy(copy: CardCopy): Promise<void> {
      await scoped
        .insert(ctx, 'card_copies', { copy_key: copy.copyKey, card_key: copy.cardKey, person_id: copy.personId })
        .onConflict((oc) => oc.columns(['board_id', 'copy_key']).doNothing())
        .execute();
      if (ctx.lockRows) await knownChanged.write(ctx, {}); // other instances forget the copies they kept (PostgreSQL)
    },

    async listCardCopies(cardKey: string): Promise<CardCopy[]> {
      const rows = await scoped.select(ctx, 'card_copies').select(['card_key', 'copy_key', 'person_id']).where('card_key', '=', cardKey).orderBy('copy_key').execute();
      return rows.map((r) => ({ cardKey: r.card_key, copyKey: r.copy_key, personId: r.person_id }));
    },
  };
}
