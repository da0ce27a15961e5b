/** Store contract: Secrets, migrating and health, processed activities (idempotency). */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/store/port.js';
import { T0, at } from './data.js';
import type { ContractHarness } from './harness.js';

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
      expect(await store.markActivityProcessed('act-1', T0)).toBe(true);
      expect(await store.markActivityProcessed('act-1', at(1))).toBe(false);
      expect(await store.markActivityProcessed('act-2', at(1))).toBe(true);
    });

    it('lets only one of two concurrent deliveries through', async () => {
      const results = await Promise.all([
        store.markActivityProcessed('act-x', T0),
        store.markActivityProcessed('act-x', T0),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });
}
