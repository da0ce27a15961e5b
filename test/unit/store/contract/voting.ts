/** Store contract: Motions and ballots (R5, R6). */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/store/port.js';
import { at, ballot, motion } from './data.js';
import type { ContractHarness } from './harness.js';

export function votingContract(h: ContractHarness): void {
  let store: Store;
  beforeEach(() => {
    store = h.store;
  });

  describe('motions', () => {
    it('reads back an open motion exactly, with no close fields', async () => {
      const m = motion('m1', { majority: 'absolute', organisationIds: ['KAB', 'FOB'] });
      await store.insertMotion(m);
      const read = await store.getMotion('m1');
      expect(read).toEqual(m);
      expect(read).not.toHaveProperty('closedAt');
      expect(read).not.toHaveProperty('closedBy');
      expect(read).not.toHaveProperty('closeReason');
      expect(read?.openedAt).toBeInstanceOf(Date);
      expect(await store.getMotion('nope')).toBeUndefined();
    });

    it('reads back a motion inserted closed', async () => {
      const m = motion('m1', { closedAt: at(30), closeReason: 'chair', closedBy: 'p-chair' });
      await store.insertMotion(m);
      expect(await store.getMotion('m1')).toEqual(m);
    });

    it('R16: keeps the meeting a vote on no item was opened at, lists the votes stored with a meeting, and stores another (or none) in its place', async () => {
      await store.insertMotion(motion('m1', { placedMeetingId: 'meeting-a' }));
      await store.insertMotion(motion('m2', { openedAt: at(1), placedMeetingId: 'meeting-a' }));
      await store.insertMotion(motion('m3', { openedAt: at(2) }));
      expect(await store.getMotion('m1')).toEqual(motion('m1', { placedMeetingId: 'meeting-a' }));
      expect(await store.getMotion('m3')).not.toHaveProperty('placedMeetingId');
      expect((await store.listMotionsPlacedAt('meeting-a')).map((m) => m.id)).toEqual(['m1', 'm2']);
      await store.placeMotion('m1', 'meeting-b');
      await store.placeMotion('m2', undefined);
      expect(await store.listMotionsPlacedAt('meeting-a')).toEqual([]);
      expect((await store.getMotion('m1'))?.placedMeetingId).toBe('meeting-b');
      expect(await store.getMotion('m2')).not.toHaveProperty('placedMeetingId');
    });

    it('rejects a second motion with the same id', async () => {
      await store.insertMotion(motion('m1'));
      await expect(store.insertMotion(motion('m1'))).rejects.toThrow();
    });

    it('lists only open motions', async () => {
      await store.insertMotion(motion('m1'));
      await store.insertMotion(motion('m2', { openedAt: at(1) }));
      await store.insertMotion(motion('m3', { openedAt: at(2) }));
      await store.closeMotion('m2', at(5), 'all-voted');
      expect((await store.listOpenMotions()).map((m) => m.id)).toEqual(['m1', 'm3']);
    });

    it('closes a motion once: one close wins', async () => {
      await store.insertMotion(motion('m1'));
      expect(await store.closeMotion('m1', at(10), 'chair', 'p-chair')).toBe(true);
      expect(await store.closeMotion('m1', at(20), 'deadline')).toBe(false);
      expect(await store.getMotion('m1')).toEqual(
        motion('m1', { closedAt: at(10), closeReason: 'chair', closedBy: 'p-chair' }),
      );
      expect(await store.listOpenMotions()).toEqual([]);
    });

    it('lets one of two concurrent closes win', async () => {
      await store.insertMotion(motion('m1'));
      const results = await Promise.all([
        store.closeMotion('m1', at(10), 'all-voted'),
        store.closeMotion('m1', at(10), 'deadline'),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('closes without a closer (the scheduler): closedBy is absent', async () => {
      await store.insertMotion(motion('m1'));
      expect(await store.closeMotion('m1', at(60), 'deadline')).toBe(true);
      const read = await store.getMotion('m1');
      expect(read).toEqual(motion('m1', { closedAt: at(60), closeReason: 'deadline' }));
      expect(read).not.toHaveProperty('closedBy');
    });

    it('does not close an unknown motion', async () => {
      expect(await store.closeMotion('nope', at(1), 'chair', 'p-chair')).toBe(false);
    });
  });

  describe('ballots', () => {
    it('R5: keeps one ballot per organisation per motion, the last cast', async () => {
      await store.insertMotion(motion('m1'));
      await store.upsertBallot(ballot('m1', 'FOB', { choice: 'for', castBy: 'p-1', castAt: at(1) }));
      await store.upsertBallot(ballot('m1', 'FOB', { choice: 'against', castBy: 'p-2', castAt: at(2) }));
      expect(await store.listBallots('m1')).toEqual([
        { motionId: 'm1', organisationId: 'FOB', choice: 'against', castBy: 'p-2', castAt: at(2) },
      ]);
    });

    it('R5: keeps each organisation’s ballot separately, per motion, ordered by cast time', async () => {
      await store.insertMotion(motion('m1'));
      await store.insertMotion(motion('m2'));
      await store.upsertBallot(ballot('m1', 'KAB', { castAt: at(3), choice: 'abstain' }));
      await store.upsertBallot(ballot('m1', 'FOB', { castAt: at(1) }));
      await store.upsertBallot(ballot('m1', 'AB', { castAt: at(2), choice: 'against' }));
      await store.upsertBallot(ballot('m2', 'FOB', { castAt: at(4) }));
      // A changed vote moves to its new cast time.
      await store.upsertBallot(ballot('m1', 'FOB', { castAt: at(5), choice: 'against' }));
      expect(await store.listBallots('m1')).toEqual([
        ballot('m1', 'AB', { castAt: at(2), choice: 'against' }),
        ballot('m1', 'KAB', { castAt: at(3), choice: 'abstain' }),
        ballot('m1', 'FOB', { castAt: at(5), choice: 'against' }),
      ]);
      expect(await store.listBallots('m2')).toEqual([ballot('m2', 'FOB', { castAt: at(4) })]);
      expect(await store.listBallots('none')).toEqual([]);
    });

    it('R5: two concurrent ballots of one organisation leave one ballot', async () => {
      await store.insertMotion(motion('m1'));
      await Promise.all([
        store.upsertBallot(ballot('m1', 'AB', { choice: 'for', castBy: 'p-1' })),
        store.upsertBallot(ballot('m1', 'AB', { choice: 'against', castBy: 'p-2' })),
      ]);
      expect(await store.listBallots('m1')).toHaveLength(1);
    });

    it('rejects a ballot for an unknown motion', async () => {
      await expect(store.upsertBallot(ballot('nope', 'FOB'))).rejects.toThrow();
    });
  });
}
