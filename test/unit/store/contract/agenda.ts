/** Store contract: Agenda items and their attachments (R12-R15). */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/store/port.js';
import { agendaItem, meeting } from './data.js';
import type { ContractHarness } from './harness.js';

export function agendaContract(h: ContractHarness): void {
  let store: Store;
  beforeEach(() => {
    store = h.store;
  });

  describe('agenda items', () => {
    it('R12: lists a meeting’s added items by position, read back exactly', async () => {
      await store.insertMeeting(meeting('mt1'));
      await store.insertMeeting(meeting('mt2'));
      const second = agendaItem('i2', 'mt1', 2, { kind: 'information', attachments: [{ url: 'https://x/a.pdf', title: 'Bilag' }] });
      const first = agendaItem('i1', 'mt1', 1, { kind: 'discussion' });
      const third = agendaItem('i3', 'mt1', 3);
      await store.insertAgendaItem(third);
      await store.insertAgendaItem(second);
      await store.insertAgendaItem(first);
      await store.insertAgendaItem(agendaItem('other', 'mt2', 1));
      expect(await store.listAgendaItems('mt1')).toEqual([first, second, third]);
      expect((await store.listAgendaItems('mt2')).map((i) => i.id)).toEqual(['other']);
      expect(await store.listAgendaItems('none')).toEqual([]);
    });

    it('R12, R13: stores standing rows beside added items, removes only fixed rows, and fixes numbers', async () => {
      await store.insertMeeting(meeting('mt1'));
      const opening = agendaItem('s1', 'mt1', -1000, { title: '', section: 'opening', standing: 'approve-agenda' });
      const subject = agendaItem('s2', 'mt1', -1, { title: 'Salg', section: 'subject' });
      const added = agendaItem('i1', 'mt1', 1);
      const late = agendaItem('i2', 'mt1', 2, { number: 5, addedAfterSending: true });
      const closing = agendaItem('s3', 'mt1', 1_000_005, { title: '', section: 'closing', standing: 'any-other-business', kind: 'information' });
      for (const item of [closing, late, added, subject, opening]) await store.insertAgendaItem(item);
      expect(await store.listAgendaItems('mt1')).toEqual([opening, subject, added, late, closing]);
      await store.deleteAgendaRows(['s2', 'i1']);
      expect((await store.listAgendaItems('mt1')).map((i) => i.id)).toEqual(['s1', 'i1', 'i2', 's3']);
      await store.setAgendaNumbers([{ id: 's1', number: 1 }, { id: 'i1', number: 2 }, { id: 's3', number: 3 }]);
      expect((await store.listAgendaItems('mt1')).map((i) => [i.id, i.number])).toEqual([['s1', 1], ['i1', 2], ['i2', 5], ['s3', 3]]);
    });

    it('keeps positions unique per meeting', async () => {
      await store.insertMeeting(meeting('mt1'));
      await store.insertAgendaItem(agendaItem('i1', 'mt1', 1));
      await expect(store.insertAgendaItem(agendaItem('i2', 'mt1', 1))).rejects.toThrow();
      expect((await store.listAgendaItems('mt1')).map((i) => i.id)).toEqual(['i1']);
    });

    it('rejects an item for an unknown meeting', async () => {
      await expect(store.insertAgendaItem(agendaItem('i1', 'nope', 1))).rejects.toThrow();
    });

    it('appends attachments in order', async () => {
      await store.insertMeeting(meeting('mt1'));
      await store.insertAgendaItem(agendaItem('i1', 'mt1', 1));
      await store.insertAgendaItem(agendaItem('i2', 'mt1', 2, { attachments: [{ url: 'https://x/0' }] }));
      await store.addAttachment('i1', { url: 'https://x/1', title: 'Regnskab' });
      await store.addAttachment('i1', { url: 'https://x/2' });
      await store.addAttachment('i2', { url: 'https://x/3' });
      const [i1, i2] = await store.listAgendaItems('mt1');
      expect(i1?.attachments).toEqual([{ url: 'https://x/1', title: 'Regnskab' }, { url: 'https://x/2' }]);
      expect(i1?.attachments[1]).not.toHaveProperty('title');
      expect(i2?.attachments).toEqual([{ url: 'https://x/0' }, { url: 'https://x/3' }]);
    });

    it('loses no attachment when several are added at once', async () => {
      await store.insertMeeting(meeting('mt1'));
      await store.insertAgendaItem(agendaItem('i1', 'mt1', 1));
      await Promise.all([1, 2, 3, 4].map((n) => store.addAttachment('i1', { url: `https://x/${n}` })));
      const [item] = await store.listAgendaItems('mt1');
      expect(item?.attachments.map((a) => a.url).sort()).toEqual(['https://x/1', 'https://x/2', 'https://x/3', 'https://x/4']);
    });

    it('rejects an attachment for an unknown item', async () => {
      await expect(store.addAttachment('nope', { url: 'https://x/1' })).rejects.toThrow();
    });
  });
}
