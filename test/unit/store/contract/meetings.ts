/** Store contract: Meetings (R9-R11). */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/store/port.js';
import { T0, at, meeting } from './data.js';
import type { ContractHarness } from './harness.js';

export function meetingsContract(h: ContractHarness): void {
  let store: Store;
  beforeEach(() => {
    store = h.store;
  });

  describe('meetings', () => {
    it('reads back an ordinary meeting exactly, with optional fields absent', async () => {
      const m = meeting('mt1');
      await store.insertMeeting(m);
      const read = await store.getMeeting('mt1');
      expect(read).toEqual(m);
      for (const field of ['subject', 'place', 'agendaSentAt', 'agendaLate']) expect(read).not.toHaveProperty(field);
      expect(read?.startsAt).toBeInstanceOf(Date);
      expect(await store.getMeeting('nope')).toBeUndefined();
    });

    it('reads back an extraordinary meeting with subject, place and a late agenda', async () => {
      const m = meeting('mt1', {
        kind: 'extraordinary',
        subject: 'Budget',
        place: 'https://teams.example/meet/1',
        createdBy: 'p-chair',
        agendaSentAt: at(60),
        agendaLate: true,
      });
      await store.insertMeeting(m);
      expect(await store.getMeeting('mt1')).toEqual(m);
      await store.insertMeeting(meeting('mt2', { agendaSentAt: at(60), agendaLate: false }));
      expect(await store.getMeeting('mt2')).toEqual(meeting('mt2', { agendaSentAt: at(60), agendaLate: false }));
    });

    it('rejects a second meeting with the same id', async () => {
      await store.insertMeeting(meeting('mt1'));
      await expect(store.insertMeeting(meeting('mt1'))).rejects.toThrow();
    });

    it('R9: lists meetings in a period in order', async () => {
      const day = 24 * 60;
      await store.insertMeeting(meeting('c', { startsAt: at(30 * day) }));
      await store.insertMeeting(meeting('b', { startsAt: at(10 * day) }));
      await store.insertMeeting(meeting('a', { startsAt: at(10 * day) })); // same start: by id
      await store.insertMeeting(meeting('before', { startsAt: at(-1) }));
      await store.insertMeeting(meeting('end', { startsAt: at(60 * day) }));
      await store.insertMeeting(meeting('x', { startsAt: at(20 * day), status: 'cancelled' }));

      const ids = async (range?: Parameters<Store['listMeetings']>[0]) => (await store.listMeetings(range)).map((m) => m.id);
      expect(await ids()).toEqual(['before', 'a', 'b', 'x', 'c', 'end']);
      // [from, to): the start is included, the end is not.
      expect(await ids({ from: T0, to: at(60 * day) })).toEqual(['a', 'b', 'x', 'c']);
      expect(await ids({ from: at(10 * day), to: at(30 * day) })).toEqual(['a', 'b', 'x']);
      expect(await ids({ from: at(30 * day) })).toEqual(['c', 'end']);
      expect(await ids({ to: T0 })).toEqual(['before']);
      expect(await ids({ from: T0, to: at(60 * day), status: 'planned' })).toEqual(['a', 'b', 'c']);
      expect(await ids({ status: 'cancelled' })).toEqual(['x']);
      expect(await ids({ from: at(61 * day) })).toEqual([]);
    });

    it('cancels a meeting via updateMeeting, changing only the given fields', async () => {
      const m = meeting('mt1', { place: 'Mødelokale 1', agendaSentAt: at(5), agendaLate: false });
      await store.insertMeeting(m);
      await store.insertMeeting(meeting('mt2'));
      await store.updateMeeting('mt1', { status: 'cancelled' });
      expect(await store.getMeeting('mt1')).toEqual({ ...m, status: 'cancelled' });
      expect(await store.listMeetings({ status: 'planned' })).toEqual([meeting('mt2')]);
      expect(await store.getMeeting('mt2')).toEqual(meeting('mt2'));
    });

    it('moves a meeting and sets its place and subject; undefined fields are left as they are', async () => {
      await store.insertMeeting(meeting('mt1', { kind: 'extraordinary', subject: 'Budget', place: 'Lokale 1' }));
      await store.updateMeeting('mt1', { startsAt: at(100), place: 'https://teams.example/meet/2' });
      expect(await store.getMeeting('mt1')).toEqual(
        meeting('mt1', { kind: 'extraordinary', subject: 'Budget', place: 'https://teams.example/meet/2', startsAt: at(100) }),
      );
      await store.updateMeeting('mt1', { subject: 'Budget 2026', place: undefined });
      await store.updateMeeting('mt1', {});
      expect(await store.getMeeting('mt1')).toEqual(
        meeting('mt1', { kind: 'extraordinary', subject: 'Budget 2026', place: 'https://teams.example/meet/2', startsAt: at(100) }),
      );
      await store.updateMeeting('nope', { status: 'cancelled' }); // unknown meeting: no effect, no error
      expect(await store.getMeeting('nope')).toBeUndefined();
    });

    it('R13: records the first agenda send only, with its lateness', async () => {
      await store.insertMeeting(meeting('mt1'));
      expect(await store.markAgendaSent('mt1', at(10), true)).toBe(true);
      expect(await store.markAgendaSent('mt1', at(20), false)).toBe(false);
      expect(await store.getMeeting('mt1')).toEqual(meeting('mt1', { agendaSentAt: at(10), agendaLate: true }));

      await store.insertMeeting(meeting('mt2'));
      expect(await store.markAgendaSent('mt2', at(5), false)).toBe(true);
      const onTime = await store.getMeeting('mt2');
      expect(onTime).toEqual(meeting('mt2', { agendaSentAt: at(5), agendaLate: false }));
      expect(onTime?.agendaLate).toBe(false);

      expect(await store.markAgendaSent('nope', at(5), false)).toBe(false);
    });

    it('R13: lets one of two concurrent agenda sends win', async () => {
      await store.insertMeeting(meeting('mt1'));
      const results = await Promise.all([
        store.markAgendaSent('mt1', at(10), false),
        store.markAgendaSent('mt1', at(10), true),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });
}
