/** Store contract: The audit log. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/store/port.js';
import { at } from './data.js';
import type { ContractHarness } from './harness.js';

export function auditContract(h: ContractHarness): void {
  let store: Store;
  beforeEach(() => {
    store = h.store;
  });

  describe('audit log', () => {
    it('appends entries and lists them in order, with optional fields absent when empty', async () => {
      await store.appendAudit({
        at: at(2),
        actor: 'p-chair',
        action: 'vote.opened',
        subject: 'motion:m1',
        data: { text: 'Forslag', organisations: ['FOB', 'AB'] },
        activityId: 'act-1',
      });
      await store.appendAudit({ at: at(1), actor: 'p-fob', action: 'vote.cast', subject: 'motion:m1' });
      await store.appendAudit({ at: at(3), actor: 'system', action: 'vote.closed', subject: 'motion:m2', data: null });

      const all = await store.listAudit();
      expect(all).toEqual([
        {
          seq: expect.any(Number),
          at: at(2),
          actor: 'p-chair',
          action: 'vote.opened',
          subject: 'motion:m1',
          data: { text: 'Forslag', organisations: ['FOB', 'AB'] },
          activityId: 'act-1',
        },
        { seq: expect.any(Number), at: at(1), actor: 'p-fob', action: 'vote.cast', subject: 'motion:m1' },
        { seq: expect.any(Number), at: at(3), actor: 'system', action: 'vote.closed', subject: 'motion:m2', data: null },
      ]);
      expect(all[1]).not.toHaveProperty('data');
      expect(all[1]).not.toHaveProperty('activityId');
      const seqs = all.map((e) => e.seq);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(3);
    });

    it('filters by subject, by action, and by both', async () => {
      await store.appendAudit({ at: at(1), actor: 'p-chair', action: 'vote.opened', subject: 'motion:m1' });
      await store.appendAudit({ at: at(2), actor: 'p-fob', action: 'vote.cast', subject: 'motion:m1' });
      await store.appendAudit({ at: at(3), actor: 'p-ab', action: 'vote.cast', subject: 'motion:m2' });
      await store.appendAudit({ at: at(4), actor: 'p-kab', action: 'vote.cast', subject: 'motion:m1' });

      expect((await store.listAudit({ subject: 'motion:m1' })).map((e) => e.actor)).toEqual(['p-chair', 'p-fob', 'p-kab']);
      expect((await store.listAudit({ action: 'vote.cast' })).map((e) => e.actor)).toEqual(['p-fob', 'p-ab', 'p-kab']);
      expect((await store.listAudit({ subject: 'motion:m1', action: 'vote.cast' })).map((e) => e.actor)).toEqual([
        'p-fob',
        'p-kab',
      ]);
      expect(await store.listAudit({ subject: 'motion:none' })).toEqual([]);
      expect(await store.listAudit({})).toHaveLength(4);
    });

    it('R10: tells when the board\'s first entry was written (the bot served it since), another board\'s not counted', async () => {
      expect(await store.firstAuditAt()).toBeUndefined();
      await store.forBoard('other').appendAudit({ at: at(1), actor: 'system', action: 'board.bound', subject: 'board' });
      expect(await store.firstAuditAt()).toBeUndefined();
      await store.appendAudit({ at: at(2), actor: 'p-chair', action: 'board.bound', subject: 'board' });
      await store.appendAudit({ at: at(3), actor: 'system', action: 'reminder.dates', subject: 'dates' });
      expect(await store.firstAuditAt()).toEqual(at(2));
      expect(await store.transaction(async (repo) => repo.firstAuditAt())).toEqual(at(2));
    });

    it('is append-only: the port offers no way to change or remove entries', async () => {
      /** Every property name of `target`, own or inherited (a plain object or a class instance). */
      const namesOf = (target: object): string[] => {
        const names: string[] = [];
        for (let o: object | null = target; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
          names.push(...Object.getOwnPropertyNames(o));
        }
        return names;
      };
      const auditMethods = (target: object) => new Set(namesOf(target).filter((n) => /audit/i.test(n)));
      expect(auditMethods(store)).toEqual(new Set(['appendAudit', 'listAudit', 'firstAuditAt']));
      expect(await store.transaction(async (repo) => auditMethods(repo))).toEqual(new Set(['appendAudit', 'listAudit', 'firstAuditAt']));
    });
  });
}
