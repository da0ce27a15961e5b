/** Store contract: the copies of cards that 1:1 reminders carry (migration 0018): recorded, listed by the card they copy. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/store/port.js';
import type { ContractHarness } from './harness.js';

export function cardCopiesContract(h: ContractHarness): void {
  let store: Store;
  beforeEach(() => {
    store = h.store;
  });

  describe('card copies', () => {
    it('lists the copies of a card by its key, in the order of their keys; one per copy key (a reminder run again records nothing twice)', async () => {
      expect(await store.listCardCopies('motion:m1:card')).toEqual([]);
      await store.recordCardCopy({ cardKey: 'motion:m1:card', copyKey: 'vote.reminder:m1:to:p-b', personId: 'p-b' });
      await store.recordCardCopy({ cardKey: 'motion:m1:card', copyKey: 'vote.reminder:m1:to:p-a', personId: 'p-a' });
      await store.recordCardCopy({ cardKey: 'task:t1:card', copyKey: 'task.reminder:t1:to:p-a', personId: 'p-a' });
      await store.recordCardCopy({ cardKey: 'motion:m1:card', copyKey: 'vote.reminder:m1:to:p-a', personId: 'p-a' });
      expect(await store.listCardCopies('motion:m1:card')).toEqual([
        { cardKey: 'motion:m1:card', copyKey: 'vote.reminder:m1:to:p-a', personId: 'p-a' },
        { cardKey: 'motion:m1:card', copyKey: 'vote.reminder:m1:to:p-b', personId: 'p-b' },
      ]);
      expect(await store.listCardCopies('task:t1:card')).toEqual([{ cardKey: 'task:t1:card', copyKey: 'task.reminder:t1:to:p-a', personId: 'p-a' }]);
    });

    it('a copy recorded in a transaction is listed in it, and after it; rolled back, it is not (what is kept between requests follows)', async () => {
      expect(await store.listCardCopies('motion:m1:card')).toEqual([]); // kept: none
      await store.transaction(async (repo) => {
        expect(await repo.listCardCopies('motion:m1:card')).toEqual([]);
        await repo.recordCardCopy({ cardKey: 'motion:m1:card', copyKey: 'vote.reminder:m1:to:p-a', personId: 'p-a' });
        expect(await repo.listCardCopies('motion:m1:card')).toHaveLength(1);
      });
      expect(await store.listCardCopies('motion:m1:card')).toHaveLength(1);
      await expect(
        store.transaction(async (repo) => {
          await repo.recordCardCopy({ cardKey: 'motion:m2:card', copyKey: 'vote.reminder:m2:to:p-a', personId: 'p-a' });
          expect(await repo.listCardCopies('motion:m2:card')).toHaveLength(1);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await store.listCardCopies('motion:m2:card')).toEqual([]);
    });

    it('R19: a board\'s copies are its own', async () => {
      await store.recordCardCopy({ cardKey: 'motion:m1:card', copyKey: 'vote.reminder:m1:to:p-a', personId: 'p-a' });
      expect(await store.forBoard('other-board').listCardCopies('motion:m1:card')).toEqual([]);
      await store.forBoard('other-board').recordCardCopy({ cardKey: 'motion:m1:card', copyKey: 'vote.reminder:m1:to:p-a', personId: 'p-z' });
      expect((await store.listCardCopies('motion:m1:card')).map((c) => c.personId)).toEqual(['p-a']);
      expect((await store.forBoard('other-board').listCardCopies('motion:m1:card')).map((c) => c.personId)).toEqual(['p-z']);
    });
  });
}
