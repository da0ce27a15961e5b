/** Store contract: Secrets, migrating and health, processed activities (idempotency). */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/store/port.js';
import { T0, at } from './data.js';
import type { ContractHarness } from './harness.js';
import { activityKey } from '../../../support/activity-keys.js';

export function lifecycleContract(h: ContractHarness): void {
  let store: Store;
  beforeEach(() => {
    store = h.store;
  });

  describe('secrets', () => {
    it('makes a secret once and gives the same one after (generate is not asked again)', async () => {
      let calls = 0;
      const generate = () => `s-${++calls}`;
      expect(await store.secret('file-links', generate)).toBe('s-1');
      expect(await store.secret('file-links', generate)).toBe('s-1');
      expect(await store.secret('other', generate)).toBe('s-2');
      expect(calls).toBe(2);
    });
  });

  describe('lifecycle', () => {
    it('migrates idempotently and reports health', async () => {
      await store.migrate();
      await store.migrate();
      const health = await store.health();
      expect(health.ok).toBe(true);
      expect(typeof health.kind).toBe('string');
      expect(health.kind.length).toBeGreaterThan(0);
    });
  });

  describe('processed activities', () => {
    it('records an activity once: the same activity processed twice is false the second time', async () => {
      expect(await store.markActivityProcessed(activityKey('act-1'), T0)).toBe(true);
      expect(await store.markActivityProcessed(activityKey('act-1'), at(1))).toBe(false);
      expect(await store.markActivityProcessed(activityKey('act-2'), at(1))).toBe(true);
    });

    it('knows an activity by its conversation and its id: the same id in another conversation (a thread, a 1:1 chat) is another activity', async () => {
      const channelThread = '19:board-channel@thread.tacv2;messageid=1772355600000';
      const otherThread = '19:board-channel@thread.tacv2;messageid=1772355500000';
      expect(await store.markActivityProcessed(activityKey('1772355600000', channelThread), T0)).toBe(true);
      expect(await store.markActivityProcessed(activityKey('1772355600000', 'a:1:anne'), T0)).toBe(true);
      expect(await store.markActivityProcessed(activityKey('1772355600000', otherThread), T0)).toBe(true);
      expect(await store.markActivityProcessed(activityKey('1772355600000', 'a:1:anne'), at(1))).toBe(false);
      expect(await store.markActivityProcessed(activityKey('1772355600000', channelThread), at(1))).toBe(false);
    });

    it('lets only one of two concurrent deliveries through', async () => {
      const results = await Promise.all([
        store.markActivityProcessed(activityKey('act-x'), T0),
        store.markActivityProcessed(activityKey('act-x'), T0),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });
}
