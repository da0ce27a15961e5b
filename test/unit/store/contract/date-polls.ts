/** Store contract: Next year's dates (R10). */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/store/port.js';
import { at, datePoll } from './data.js';
import type { ContractHarness } from './harness.js';

export function datePollsContract(h: ContractHarness): void {
  let store: Store;
  beforeEach(() => {
    store = h.store;
  });

  describe('date polls (R10)', () => {
    it('reads back a poll exactly, unconfirmed fields absent, and lists a year’s polls newest first', async () => {
      const p1 = datePoll('dp1');
      await store.insertDatePoll(p1);
      const read = await store.getDatePoll('dp1');
      expect(read).toEqual(p1);
      for (const field of ['confirmedAt', 'confirmedBy', 'confirmedDates']) expect(read).not.toHaveProperty(field);
      expect(await store.getDatePoll('nope')).toBeUndefined();

      const p2 = datePoll('dp2', { createdAt: at(60), confirmedAt: at(90), confirmedBy: 'p-chair', confirmedDates: ['2026-03-05'] });
      const p0 = datePoll('dp0', { createdAt: at(60) }); // same time as dp2: by id
      const other = datePoll('dp3', { year: 2027, createdAt: at(120) });
      await store.insertDatePoll(p2);
      await store.insertDatePoll(p0);
      await store.insertDatePoll(other);
      expect(await store.getDatePoll('dp2')).toEqual(p2);
      expect(await store.listDatePolls(2026)).toEqual([p0, p2, p1]);
      expect(await store.listDatePolls(2027)).toEqual([other]);
      expect(await store.listDatePolls(2030)).toEqual([]);
      await expect(store.insertDatePoll(datePoll('dp1'))).rejects.toThrow();
    });

    it('R10: confirms a date poll once; answers replace earlier answers', async () => {
      await store.insertDatePoll(datePoll('dp1'));
      await store.insertDatePoll(datePoll('dp2'));
      const answer = (personId: string, available: string[], minute: number, pollId = 'dp1') => ({
        pollId,
        personId,
        available,
        answeredAt: at(minute),
      });
      await store.upsertDateAnswer(answer('p-b', ['2026-03-05', '2026-06-04'], 1));
      await store.upsertDateAnswer(answer('p-a', [], 2));
      await store.upsertDateAnswer(answer('p-b', ['2026-09-03'], 3));
      await store.upsertDateAnswer(answer('p-b', ['2026-12-03'], 4, 'dp2'));
      expect(await store.listDateAnswers('dp1')).toEqual([answer('p-a', [], 2), answer('p-b', ['2026-09-03'], 3)]);
      expect(await store.listDateAnswers('dp2')).toEqual([answer('p-b', ['2026-12-03'], 4, 'dp2')]);
      expect(await store.listDateAnswers('none')).toEqual([]);

      const dates = ['2026-03-05', '2026-06-04', '2026-09-03', '2026-12-03'];
      expect(await store.confirmDatePoll('dp1', at(10), 'p-chair', dates)).toBe(true);
      expect(await store.confirmDatePoll('dp1', at(20), 'p-other', ['2026-12-10'])).toBe(false);
      expect(await store.getDatePoll('dp1')).toEqual(datePoll('dp1', { confirmedAt: at(10), confirmedBy: 'p-chair', confirmedDates: dates }));
      expect(await store.getDatePoll('dp2')).toEqual(datePoll('dp2'));
      expect(await store.confirmDatePoll('nope', at(10), 'p-chair', dates)).toBe(false);

      const results = await Promise.all([
        store.confirmDatePoll('dp2', at(30), 'p-chair', dates),
        store.confirmDatePoll('dp2', at(30), 'p-chair', dates),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('rejects an answer to an unknown poll', async () => {
      await expect(store.upsertDateAnswer({ pollId: 'nope', personId: 'p-a', available: [], answeredAt: at(1) })).rejects.toThrow();
    });
  });
}
