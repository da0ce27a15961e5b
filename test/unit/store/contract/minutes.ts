/** Store contract: Minutes and attendance (R16). */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/store/port.js';
import { at, minutes } from './data.js';
import type { ContractHarness } from './harness.js';

export function minutesContract(h: ContractHarness): void {
  let store: Store;
  beforeEach(() => {
    store = h.store;
  });

  describe('minutes (R16)', () => {
    it('reads back minutes exactly, with optional fields absent, and a correction with its link', async () => {
      const first = minutes('r1', 'mt1', 1);
      await store.insertMinutes(first);
      const read = await store.getMinutes('r1');
      expect(read).toEqual(first);
      for (const field of ['correctsId', 'approvedAt', 'approvedBy']) expect(read).not.toHaveProperty(field);
      expect(await store.getMinutes('nope')).toBeUndefined();

      const correction = minutes('r2', 'mt1', 2, { correctsId: 'r1', approvedAt: at(5), approvedBy: 'consent', updatedAt: at(2) });
      await store.insertMinutes(correction);
      expect(await store.getMinutes('r2')).toEqual(correction);
      await expect(store.insertMinutes(minutes('r3', 'mt1', 3, { correctsId: 'nope' }))).rejects.toThrow();
    });

    it('R16: approved minutes never change', async () => {
      await store.insertMinutes(minutes('r1', 'mt1', 1));
      expect(await store.updateMinutesText('r1', '# Rettet referat', at(5))).toBe(true);
      expect(await store.getMinutes('r1')).toEqual(minutes('r1', 'mt1', 1, { text: '# Rettet referat', updatedAt: at(5) }));

      expect(await store.approveMinutes('r1', at(60), 'p-chair')).toBe(true);
      expect(await store.approveMinutes('r1', at(70), 'consent')).toBe(false);
      expect(await store.updateMinutesText('r1', '# Ændret efter godkendelse', at(80))).toBe(false);
      const approved = minutes('r1', 'mt1', 1, { text: '# Rettet referat', updatedAt: at(5), approvedAt: at(60), approvedBy: 'p-chair' });
      expect(await store.getMinutes('r1')).toEqual(approved);

      expect(await store.updateMinutesText('nope', 'x', at(1))).toBe(false);
      expect(await store.approveMinutes('nope', at(1), 'p-chair')).toBe(false);

      await store.insertMinutes(minutes('r2', 'mt2', 1));
      const results = await Promise.all([
        store.approveMinutes('r2', at(60), 'p-chair'),
        store.approveMinutes('r2', at(60), 'consent'),
        store.updateMinutesText('r2', 'late edit', at(60)),
      ]);
      expect(results.slice(0, 2).filter(Boolean)).toHaveLength(1);
      const r2 = await store.getMinutes('r2');
      expect(r2?.approvedAt).toEqual(at(60));
      // An edit that came first is what was approved; one that came after changed nothing.
      expect(r2?.text).toBe(results[2] ? 'late edit' : minutes('r2', 'mt2', 1).text);
    });

    it('R16: a draft is drafted again from the record only while nobody has corrected it (followsRecord)', async () => {
      const drafted = minutes('r1', 'mt1', 1, { updatedAt: at(0) });
      await store.insertMinutes(drafted);
      expect(await store.redraftMinutes('r1', '# Fra referatet igen', at(10))).toBe(true);
      expect(await store.getMinutes('r1')).toEqual({ ...drafted, text: '# Fra referatet igen', draftedAt: at(10), updatedAt: at(10) });
      // Corrected by the secretary: hers from now on.
      expect(await store.updateMinutesText('r1', '# Rettet', at(20))).toBe(true);
      expect(await store.redraftMinutes('r1', '# Fra referatet', at(30))).toBe(false);
      expect((await store.getMinutes('r1'))?.text).toBe('# Rettet');
      // Approved: never.
      await store.insertMinutes(minutes('r2', 'mt2', 1, { updatedAt: at(0), approvedAt: at(5), approvedBy: 'consent' }));
      expect(await store.redraftMinutes('r2', '# Fra referatet', at(30))).toBe(false);
      expect(await store.redraftMinutes('nope', 'x', at(1))).toBe(false);
    });

    it('R16: minutes versions are unique per meeting', async () => {
      await store.insertMinutes(minutes('r1', 'mt1', 1, { approvedAt: at(60), approvedBy: 'p-chair' }));
      await store.insertMinutes(minutes('other', 'mt2', 1));
      await expect(store.insertMinutes(minutes('r1b', 'mt1', 1))).rejects.toThrow();
      await store.insertMinutes(minutes('r3', 'mt1', 3, { correctsId: 'r1' }));
      await store.insertMinutes(minutes('r2', 'mt1', 2, { correctsId: 'r1' }));

      expect((await store.listMinutes('mt1')).map((m) => [m.id, m.version])).toEqual([
        ['r1', 1],
        ['r2', 2],
        ['r3', 3],
      ]);
      expect(await store.listMinutes('mt2')).toEqual([minutes('other', 'mt2', 1)]);
      expect(await store.listMinutes('none')).toEqual([]);

      const drafts = await Promise.allSettled([
        store.insertMinutes(minutes('r4a', 'mt1', 4)),
        store.insertMinutes(minutes('r4b', 'mt1', 4)),
      ]);
      expect(drafts.filter((d) => d.status === 'fulfilled')).toHaveLength(1);
      expect((await store.listMinutes('mt1')).filter((m) => m.version === 4)).toHaveLength(1);
    });

    it('R16: keeps each attendee once per meeting, in the order added', async () => {
      const board = { meetingId: 'mt1', personId: 'p-fob', name: 'Anna Fob', addedBy: 'p-secretary', addedAt: at(2) };
      const guest = { meetingId: 'mt1', name: 'Revisor Bo', addedBy: 'p-secretary', addedAt: at(1) };
      const sameTime = { meetingId: 'mt1', name: 'Ærø Gæst', addedBy: 'p-secretary', addedAt: at(2) };
      expect(await store.addAttendee(board)).toBe(true);
      expect(await store.addAttendee(guest)).toBe(true);
      expect(await store.addAttendee(sameTime)).toBe(true);
      expect(await store.addAttendee({ ...guest, personId: 'p-x', addedAt: at(9) })).toBe(false);
      expect(await store.addAttendee({ ...guest, meetingId: 'mt2' })).toBe(true);

      const read = await store.listAttendees('mt1');
      expect(read).toEqual([guest, board, sameTime]);
      expect(read[0]).not.toHaveProperty('personId');
      expect(await store.listAttendees('mt2')).toEqual([{ ...guest, meetingId: 'mt2' }]);
      expect(await store.listAttendees('none')).toEqual([]);

      // R16: the secretary removes a name from one meeting only; a name not there is reported.
      expect(await store.removeAttendee('mt1', 'Revisor Bo')).toBe(true);
      expect(await store.removeAttendee('mt1', 'Revisor Bo')).toBe(false);
      expect(await store.listAttendees('mt1')).toEqual([board, sameTime]);
      expect(await store.listAttendees('mt2')).toEqual([{ ...guest, meetingId: 'mt2' }]);

      const results = await Promise.all([store.addAttendee({ ...board, meetingId: 'mt3' }), store.addAttendee({ ...board, meetingId: 'mt3' })]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('R16: keeps one apology per person and meeting, the last sent; withdrawn, it goes', async () => {
      const fob = { meetingId: 'mt1', personId: 'p-fob', organisationId: 'FOB', sentAt: at(1) };
      const secretary = { meetingId: 'mt1', personId: 'p-secretary', message: 'Ferie', sentAt: at(2) };
      await store.saveApology(fob);
      await store.saveApology(secretary);
      await store.saveApology({ ...fob, meetingId: 'mt2' });
      expect(await store.listApologies('mt1')).toEqual([fob, secretary]);
      expect((await store.listApologies('mt1'))[0]).not.toHaveProperty('message');
      // Sent again: one apology, its message and time the new ones.
      await store.saveApology({ ...fob, message: 'Syg', sentAt: at(3) });
      expect(await store.listApologies('mt1')).toEqual([secretary, { ...fob, message: 'Syg', sentAt: at(3) }]);
      expect(await store.removeApology('mt1', 'p-fob')).toBe(true);
      expect(await store.removeApology('mt1', 'p-fob')).toBe(false);
      expect(await store.listApologies('mt1')).toEqual([secretary]);
      expect(await store.listApologies('mt2')).toEqual([{ ...fob, meetingId: 'mt2' }]);
    });
  });
}
