/** Store contract: The records of a period (R18): motions and conclusions by time and meeting. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/store/port.js';
import { T0, at, conclusion, motion } from './data.js';
import type { ContractHarness } from './harness.js';

export function recordsContract(h: ContractHarness): void {
  let store: Store;
  beforeEach(() => {
    store = h.store;
  });

  describe('records of a period (R18)', () => {
    it('R18: lists motions and conclusions in a period', async () => {
      const day = 24 * 60;
      const item = (meetingId: string) => ({ agendaItem: { meetingId, itemId: `${meetingId}-i1` } });
      await store.insertMotion(motion('m-c', { openedAt: at(30 * day), ...item('mt2') }));
      await store.insertMotion(motion('m-b', { openedAt: at(10 * day), ...item('mt1') }));
      await store.insertMotion(motion('m-a', { openedAt: at(10 * day) })); // same time: by id; no meeting
      await store.insertMotion(motion('m-before', { openedAt: at(-1), ...item('mt1') }));
      await store.insertMotion(motion('m-end', { openedAt: at(60 * day), closedAt: at(61 * day), closeReason: 'deadline' }));

      const motions = async (filter?: Parameters<Store['listMotions']>[0]) => (await store.listMotions(filter)).map((m) => m.id);
      expect(await motions()).toEqual(['m-before', 'm-a', 'm-b', 'm-c', 'm-end']);
      expect(await motions({ openedFrom: T0, openedTo: at(60 * day) })).toEqual(['m-a', 'm-b', 'm-c']);
      expect(await motions({ openedFrom: at(10 * day), openedTo: at(30 * day) })).toEqual(['m-a', 'm-b']);
      expect(await motions({ openedFrom: at(30 * day) })).toEqual(['m-c', 'm-end']);
      expect(await motions({ openedTo: T0 })).toEqual(['m-before']);
      expect(await motions({ meetingId: 'mt1' })).toEqual(['m-before', 'm-b']);
      expect(await motions({ meetingId: 'mt1', openedFrom: T0 })).toEqual(['m-b']);
      expect(await motions({ meetingId: 'none' })).toEqual([]);
      expect((await store.listMotions({ meetingId: 'mt2' }))[0]).toEqual(motion('m-c', { openedAt: at(30 * day), ...item('mt2') }));

      await store.insertConclusion(conclusion('c-c', 'mt2', { concludedAt: at(30 * day) }));
      await store.insertConclusion(conclusion('c-b', 'mt1', { concludedAt: at(10 * day), status: 'decided', decidedAt: at(11 * day), decidedBy: 'window' }));
      await store.insertConclusion(conclusion('c-a', 'mt1', { concludedAt: at(10 * day), agendaItem: { meetingId: 'mt1', standing: 'approve-minutes' } }));
      await store.insertConclusion(conclusion('c-before', 'mt1', { concludedAt: at(-1) }));
      await store.insertConclusion(conclusion('c-end', 'mt3', { concludedAt: at(60 * day) }));

      const conclusions = async (filter?: Parameters<Store['listConclusions']>[0]) =>
        (await store.listConclusions(filter)).map((c) => c.id);
      expect(await conclusions()).toEqual(['c-before', 'c-a', 'c-b', 'c-c', 'c-end']);
      expect(await conclusions({ from: T0, to: at(60 * day) })).toEqual(['c-a', 'c-b', 'c-c']);
      expect(await conclusions({ from: at(10 * day), to: at(30 * day) })).toEqual(['c-a', 'c-b']);
      expect(await conclusions({ from: at(30 * day) })).toEqual(['c-c', 'c-end']);
      expect(await conclusions({ to: T0 })).toEqual(['c-before']);
      expect(await conclusions({ meetingId: 'mt1' })).toEqual(['c-before', 'c-a', 'c-b']);
      expect(await conclusions({ meetingId: 'mt1', from: T0, to: at(30 * day) })).toEqual(['c-a', 'c-b']);
      expect(await conclusions({ meetingId: 'none' })).toEqual([]);
      expect(await store.listConclusions({ meetingId: 'mt1', from: T0 })).toEqual([
        conclusion('c-a', 'mt1', { concludedAt: at(10 * day), agendaItem: { meetingId: 'mt1', standing: 'approve-minutes' } }),
        conclusion('c-b', 'mt1', { concludedAt: at(10 * day), status: 'decided', decidedAt: at(11 * day), decidedBy: 'window' }),
      ]);
    });

    it('R18: lists motions by when they closed and conclusions by when they were decided, in [from, to)', async () => {
      const day = 24 * 60;
      await store.insertMotion(motion('m-open', { openedAt: at(day) }));
      await store.insertMotion(motion('m-late', { openedAt: at(-day), closedAt: at(2 * day), closeReason: 'deadline' })); // opened before, closed in
      await store.insertMotion(motion('m-in', { openedAt: at(day), closedAt: at(day + 1), closeReason: 'chair', closedBy: 'p-chair' }));
      await store.insertMotion(motion('m-after', { openedAt: at(5 * day), closedAt: at(10 * day), closeReason: 'all-voted' })); // closed at `to`
      const motions = async (filter?: Parameters<Store['listMotions']>[0]) => (await store.listMotions(filter)).map((m) => m.id);
      expect(await motions({ closedFrom: T0, closedTo: at(10 * day) })).toEqual(['m-late', 'm-in']);
      expect(await motions({ closedFrom: at(2 * day) })).toEqual(['m-late', 'm-after']);
      expect(await motions({ closedTo: at(2 * day) })).toEqual(['m-in']);
      expect(await motions({ openedFrom: T0, closedTo: at(10 * day) })).toEqual(['m-in']);

      await store.insertConclusion(conclusion('c-open', 'mt1', { concludedAt: at(day) }));
      await store.insertConclusion(conclusion('c-late', 'mt1', { concludedAt: at(-day), status: 'decided', decidedAt: at(day), decidedBy: 'window' }));
      await store.insertConclusion(conclusion('c-in', 'mt1', { concludedAt: at(2 * day), status: 'decided', decidedAt: at(2 * day + 1), decidedBy: 'chair' }));
      await store.insertConclusion(conclusion('c-after', 'mt1', { concludedAt: at(8 * day), status: 'decided', decidedAt: at(10 * day), decidedBy: 'window' }));
      const conclusions = async (filter?: Parameters<Store['listConclusions']>[0]) => (await store.listConclusions(filter)).map((c) => c.id);
      expect(await conclusions({ decidedFrom: T0, decidedTo: at(10 * day) })).toEqual(['c-late', 'c-in']);
      expect(await conclusions({ decidedFrom: at(2 * day) })).toEqual(['c-in', 'c-after']);
      expect(await conclusions({ decidedTo: at(2 * day) })).toEqual(['c-late']);
      expect(await conclusions({ from: T0, decidedTo: at(10 * day) })).toEqual(['c-in']);
    });
  });
}
