/** Store contract: Conclusions and objections (R7), dissents (R8). */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/store/port.js';
import { at, conclusion, dissent, motion } from './data.js';
import type { ContractHarness } from './harness.js';

export function conclusionsContract(h: ContractHarness): void {
  let store: Store;
  beforeEach(() => {
    store = h.store;
  });

  describe('conclusions (R7)', () => {
    it('reads back an open conclusion exactly, with optional fields absent', async () => {
      const c = conclusion('c1', 'mt1');
      await store.insertConclusion(c);
      const read = await store.getConclusion('c1');
      expect(read).toEqual(c);
      for (const field of ['decidedAt', 'decidedBy', 'motionId']) expect(read).not.toHaveProperty(field);
      expect(read?.agendaItem).not.toHaveProperty('standing');
      expect(read?.concludedAt).toBeInstanceOf(Date);
      expect(await store.getConclusion('nope')).toBeUndefined();
    });

    it('reads back a conclusion on a standing item, and one inserted decided', async () => {
      const standing = conclusion('c1', 'mt1', { agendaItem: { meetingId: 'mt1', standing: 'approve-minutes' } });
      await store.insertConclusion(standing);
      const read = await store.getConclusion('c1');
      expect(read).toEqual(standing);
      expect(read?.agendaItem).not.toHaveProperty('itemId');

      const decided = conclusion('c2', 'mt1', { status: 'decided', decidedAt: at(30), decidedBy: 'chair' });
      await store.insertConclusion(decided);
      expect(await store.getConclusion('c2')).toEqual(decided);
      await expect(store.insertConclusion(conclusion('c1', 'mt2'))).rejects.toThrow();
    });

    it('R7: moves a conclusion on once (decided, objected, voted)', async () => {
      await store.insertConclusion(conclusion('c1', 'mt1'));
      expect(await store.updateConclusion('c1', 'open', { status: 'decided', decidedAt: at(10), decidedBy: 'chair' })).toBe(true);
      // The window running out later finds it decided already.
      expect(await store.updateConclusion('c1', 'open', { status: 'decided', decidedAt: at(48 * 60), decidedBy: 'window' })).toBe(false);
      expect(await store.updateConclusion('c1', 'open', { status: 'objected' })).toBe(false);
      expect(await store.getConclusion('c1')).toEqual(
        conclusion('c1', 'mt1', { status: 'decided', decidedAt: at(10), decidedBy: 'chair' }),
      );

      await store.insertConclusion(conclusion('c2', 'mt1'));
      expect(await store.updateConclusion('c2', 'open', { status: 'objected' })).toBe(true);
      const objected = await store.getConclusion('c2');
      expect(objected).toEqual(conclusion('c2', 'mt1', { status: 'objected' }));
      for (const field of ['decidedAt', 'decidedBy', 'motionId']) expect(objected).not.toHaveProperty(field);
      expect(await store.updateConclusion('c2', 'open', { status: 'decided', decidedAt: at(48 * 60), decidedBy: 'window' })).toBe(false);
      expect(await store.updateConclusion('c2', 'objected', { status: 'voted', motionId: 'm1' })).toBe(true);
      expect(await store.updateConclusion('c2', 'objected', { status: 'voted', motionId: 'm2' })).toBe(false);
      expect(await store.getConclusion('c2')).toEqual(conclusion('c2', 'mt1', { status: 'voted', motionId: 'm1' }));

      expect(await store.updateConclusion('nope', 'open', { status: 'objected' })).toBe(false);
    });

    it('R7: lets one of two concurrent moves of a conclusion win', async () => {
      await store.insertConclusion(conclusion('c1', 'mt1'));
      const results = await Promise.all([
        store.updateConclusion('c1', 'open', { status: 'decided', decidedAt: at(48 * 60), decidedBy: 'window' }),
        store.updateConclusion('c1', 'open', { status: 'objected' }),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('R7: counts one objection per person', async () => {
      await store.insertConclusion(conclusion('c1', 'mt1'));
      await store.insertConclusion(conclusion('c2', 'mt1'));
      const objection = (conclusionId: string, personId: string, minute: number) => ({
        conclusionId,
        personId,
        organisationId: `org-${personId}`,
        at: at(minute),
      });
      expect(await store.addObjection(objection('c1', 'p-b', 2))).toBe(true);
      expect(await store.addObjection(objection('c1', 'p-a', 3))).toBe(true);
      expect(await store.addObjection(objection('c1', 'p-b', 4))).toBe(false);
      expect(await store.addObjection(objection('c2', 'p-b', 5))).toBe(true);
      expect(await store.listObjections('c1')).toEqual([objection('c1', 'p-b', 2), objection('c1', 'p-a', 3)]);
      expect(await store.listObjections('c2')).toEqual([objection('c2', 'p-b', 5)]);
      expect(await store.listObjections('none')).toEqual([]);
      // An objection's reason (optional) is kept word for word.
      const reasoned = { ...objection('c2', 'p-d', 7), reason: 'Budgettet mangler *midler*.\nSe bilag 2.' };
      expect(await store.addObjection(reasoned)).toBe(true);
      expect((await store.listObjections('c2')).at(-1)).toEqual(reasoned);

      const results = await Promise.all([store.addObjection(objection('c2', 'p-c', 6)), store.addObjection(objection('c2', 'p-c', 6))]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.listObjections('c2')).toHaveLength(3);
    });

    it('rejects an objection to an unknown conclusion', async () => {
      await expect(
        store.addObjection({ conclusionId: 'nope', personId: 'p-a', organisationId: 'FOB', at: at(1) }),
      ).rejects.toThrow();
    });
  });

  describe('dissents (R8)', () => {
    it('R8: keeps one dissent per person per conclusion and per vote, word for word', async () => {
      await store.insertConclusion(conclusion('c1', 'mt1'));
      await store.insertMotion(motion('m1'));
      const words = '  Vi kan ikke støtte dette.\n\n«Særstandpunkt» — 100 % imod; "citat" & \'apostrof\' 😀\t';
      const onConclusion = dissent('d1', { conclusionId: 'c1' }, 'p-a', { text: words, at: at(3) });
      const onVote = dissent('d2', { motionId: 'm1' }, 'p-a', { at: at(2) });
      const other = dissent('d3', { conclusionId: 'c1' }, 'p-b', { at: at(1) });

      expect(await store.insertDissent(onConclusion)).toBe(true);
      expect(await store.insertDissent(onVote)).toBe(true); // same person, other subject
      expect(await store.insertDissent(other)).toBe(true);
      expect(await store.insertDissent(dissent('d4', { conclusionId: 'c1' }, 'p-a', { text: 'Andet' }))).toBe(false);
      expect(await store.insertDissent(dissent('d5', { motionId: 'm1' }, 'p-a', { text: 'Andet' }))).toBe(false);

      const read = await store.listDissents({ conclusionId: 'c1' });
      expect(read).toEqual([other, onConclusion]);
      expect(read[1]?.text).toBe(words);
      expect(read[1]?.subject).not.toHaveProperty('motionId');
      const votes = await store.listDissents({ motionId: 'm1' });
      expect(votes).toEqual([onVote]);
      expect(votes[0]?.subject).not.toHaveProperty('conclusionId');
      expect(await store.listDissents({ conclusionId: 'none' })).toEqual([]);
      expect(await store.listDissents({ motionId: 'c1' })).toEqual([]);
    });

    it('R8: two concurrent dissents of one person on one subject leave one', async () => {
      await store.insertConclusion(conclusion('c1', 'mt1'));
      const results = await Promise.all([
        store.insertDissent(dissent('d1', { conclusionId: 'c1' }, 'p-a')),
        store.insertDissent(dissent('d2', { conclusionId: 'c1' }, 'p-a')),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.listDissents({ conclusionId: 'c1' })).toHaveLength(1);
    });

    it('rejects a dissent with a used id, or on an unknown subject', async () => {
      await store.insertConclusion(conclusion('c1', 'mt1'));
      await store.insertMotion(motion('m1'));
      expect(await store.insertDissent(dissent('d1', { conclusionId: 'c1' }, 'p-a'))).toBe(true);
      await expect(store.insertDissent(dissent('d1', { motionId: 'm1' }, 'p-b'))).rejects.toThrow();
      await expect(store.insertDissent(dissent('d2', { conclusionId: 'nope' }, 'p-a'))).rejects.toThrow();
      await expect(store.insertDissent(dissent('d3', { motionId: 'nope' }, 'p-a'))).rejects.toThrow();
      expect(await store.listDissents({ motionId: 'm1' })).toEqual([]);
    });
  });
}
