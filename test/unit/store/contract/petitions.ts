/** Store contract: Members' petitions (R11). */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/store/port.js';
import { at, petition } from './data.js';
import type { ContractHarness } from './harness.js';

export function petitionsContract(h: ContractHarness): void {
  let store: Store;
  beforeEach(() => {
    store = h.store;
  });

  describe('petitions', () => {
    it('reads back a petition exactly, without a majority until one is recorded', async () => {
      await store.insertPetition(petition('pe1'));
      const read = await store.getPetition('pe1');
      expect(read).toEqual(petition('pe1'));
      expect(read).not.toHaveProperty('majorityAt');
      expect(await store.getPetition('nope')).toBeUndefined();
      await store.insertPetition(petition('pe2', { majorityAt: at(7) }));
      expect(await store.getPetition('pe2')).toEqual(petition('pe2', { majorityAt: at(7) }));
      await expect(store.insertPetition(petition('pe1'))).rejects.toThrow();
    });

    it('R11: counts each person once per petition', async () => {
      await store.insertPetition(petition('pe1'));
      await store.insertPetition(petition('pe2'));
      expect(await store.addPetitionSupport({ petitionId: 'pe1', personId: 'p-b', supportedAt: at(2) })).toBe(true);
      expect(await store.addPetitionSupport({ petitionId: 'pe1', personId: 'p-a', supportedAt: at(1) })).toBe(true);
      expect(await store.addPetitionSupport({ petitionId: 'pe1', personId: 'p-b', supportedAt: at(3) })).toBe(false);
      expect(await store.addPetitionSupport({ petitionId: 'pe2', personId: 'p-b', supportedAt: at(4) })).toBe(true);
      expect(await store.listPetitionSupports('pe1')).toEqual([
        { petitionId: 'pe1', personId: 'p-a', supportedAt: at(1) },
        { petitionId: 'pe1', personId: 'p-b', supportedAt: at(2) },
      ]);
      expect(await store.listPetitionSupports('pe2')).toEqual([{ petitionId: 'pe2', personId: 'p-b', supportedAt: at(4) }]);
      expect(await store.listPetitionSupports('none')).toEqual([]);
    });

    it('R11: two concurrent supports of one person count once', async () => {
      await store.insertPetition(petition('pe1'));
      const results = await Promise.all([
        store.addPetitionSupport({ petitionId: 'pe1', personId: 'p-a', supportedAt: at(1) }),
        store.addPetitionSupport({ petitionId: 'pe1', personId: 'p-a', supportedAt: at(1) }),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.listPetitionSupports('pe1')).toHaveLength(1);
    });

    it('rejects a support for an unknown petition', async () => {
      await expect(store.addPetitionSupport({ petitionId: 'nope', personId: 'p-a', supportedAt: at(1) })).rejects.toThrow();
    });

    it('R11: records the majority once', async () => {
      await store.insertPetition(petition('pe1'));
      expect(await store.markPetitionMajority('pe1', at(10))).toBe(true);
      expect(await store.markPetitionMajority('pe1', at(20))).toBe(false);
      expect(await store.getPetition('pe1')).toEqual(petition('pe1', { majorityAt: at(10) }));
      expect(await store.markPetitionMajority('nope', at(10))).toBe(false);
    });

    it('R11: records the lapse once, only of a petition without a majority', async () => {
      await store.insertPetition(petition('pe1'));
      await store.insertPetition(petition('pe2', { majorityAt: at(7) }));
      expect(await store.getPetition('pe1')).not.toHaveProperty('lapsedAt');
      expect(await store.markPetitionLapsed('pe1', at(10))).toBe(true);
      expect(await store.markPetitionLapsed('pe1', at(20))).toBe(false);
      expect(await store.getPetition('pe1')).toEqual(petition('pe1', { lapsedAt: at(10) }));
      expect(await store.markPetitionLapsed('pe2', at(10))).toBe(false);
      expect(await store.getPetition('pe2')).toEqual(petition('pe2', { majorityAt: at(7) }));
      expect(await store.markPetitionLapsed('nope', at(10))).toBe(false);
      await store.insertPetition(petition('pe3', { lapsedAt: at(5) }));
      expect(await store.getPetition('pe3')).toEqual(petition('pe3', { lapsedAt: at(5) }));
    });

    it('R11: records the meeting called on a petition, another after a cancelled one, and lists the petitions of a meeting', async () => {
      await store.insertPetition(petition('pe1'));
      await store.insertPetition(petition('pe2', { createdAt: at(1) }));
      await store.insertPetition(petition('pe3', { meetingId: 'mt9' }));
      expect(await store.getPetition('pe3')).toEqual(petition('pe3', { meetingId: 'mt9' }));
      expect(await store.getPetition('pe1')).not.toHaveProperty('meetingId');
      expect(await store.setPetitionMeeting('pe1', 'mt1')).toBe(true);
      expect(await store.setPetitionMeeting('pe2', 'mt1')).toBe(true);
      expect(await store.setPetitionMeeting('nope', 'mt1')).toBe(false);
      expect((await store.listPetitionsOfMeeting('mt1')).map((p) => p.id)).toEqual(['pe1', 'pe2']);
      expect(await store.setPetitionMeeting('pe1', 'mt2')).toBe(true);
      expect(await store.getPetition('pe1')).toEqual(petition('pe1', { meetingId: 'mt2' }));
      expect((await store.listPetitionsOfMeeting('mt1')).map((p) => p.id)).toEqual(['pe2']);
      expect(await store.listPetitionsOfMeeting('none')).toEqual([]);
    });
  });
}
