/** Store contract: The channel binding, Teams identities and personal conversations. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChannelBinding, Store } from '../../../../src/store/port.js';
import { T0, at, conversation } from './data.js';
import type { ContractHarness } from './harness.js';

export function identitiesContract(h: ContractHarness): void {
  let store: Store;
  beforeEach(() => {
    store = h.store;
  });

  describe('channel binding', () => {
    it('has no binding at first', async () => {
      expect(await store.getBinding()).toBeUndefined();
    });

    it('names every board with a record (an audit entry) or a binding, across boards, each once, in order', async () => {
      expect(await store.listBoardsWithRecords()).toEqual([]);
      const other = store.forBoard('zz-other');
      const early = store.forBoard('aa-early');
      for (let i = 0; i < 3; i++) await other.appendAudit({ actor: 'system', action: 'meeting.planned', subject: `meeting:m${i}`, at: at(i), data: {} });
      await early.saveBinding({ conversationReference: conversation, channelId: '19:early@thread.tacv2', serviceUrl: 'https://s/', boundAt: T0 });
      expect(await store.listBoardsWithRecords()).toEqual(['aa-early', 'zz-other']);
      await store.appendAudit({ actor: 'system', action: 'meeting.planned', subject: 'meeting:x', at: at(0), data: {} });
      expect(await early.listBoardsWithRecords()).toEqual(['aa-early', store.boardId, 'zz-other'].sort());
    });

    it('saves and reads back the binding, then overwrites it', async () => {
      const first: ChannelBinding = {
        conversationReference: { ...conversation, channelId: 'msteams', nested: [1, 'two', null] },
        tenantId: 'tenant-1',
        teamId: '19:team@thread.tacv2',
        channelId: '19:general@thread.tacv2',
        serviceUrl: 'https://smba.example/emea/',
        boundAt: T0,
        boundBy: 'p-chair',
      };
      await store.saveBinding(first);
      expect(await store.getBinding()).toEqual(first);

      const second: ChannelBinding = {
        conversationReference: { conversation: { id: '19:other@thread.tacv2' } },
        channelId: '19:other@thread.tacv2',
        serviceUrl: 'https://smba.example/emea/',
        boundAt: at(5),
      };
      await store.saveBinding(second);
      const read = await store.getBinding();
      expect(read).toEqual(second);
      expect(read).not.toHaveProperty('tenantId');
      expect(read).not.toHaveProperty('teamId');
      expect(read).not.toHaveProperty('boundBy');
    });
  });

  describe('Teams identities', () => {
    it('remembers identities, one per person, the latest', async () => {
      expect(await store.listTeamsIdentities()).toEqual([]);
      await store.rememberTeamsIdentity({ personId: 'p-b', teamsUserId: '29:b', name: 'Bo', seenAt: T0 });
      await store.rememberTeamsIdentity({ personId: 'p-a', teamsUserId: '29:a', name: 'Anna', seenAt: T0 });
      await store.rememberTeamsIdentity({ personId: 'p-b', teamsUserId: '29:b2', name: 'Bo Jensen', seenAt: at(3) });
      expect(await store.listTeamsIdentities()).toEqual([
        { personId: 'p-a', teamsUserId: '29:a', name: 'Anna', seenAt: T0 },
        { personId: 'p-b', teamsUserId: '29:b2', name: 'Bo Jensen', seenAt: at(3) },
      ]);
    });
  });

  describe('personal conversations', () => {
    it('saves a person’s 1:1 conversation and replaces it on the next save', async () => {
      expect(await store.getPersonalConversation('p-a')).toBeUndefined();
      const first = { ...conversation, conversation: { id: 'a:1', conversationType: 'personal' }, user: { id: '29:a' } };
      await store.savePersonalConversation('p-a', first, T0);
      await store.savePersonalConversation('p-b', { conversation: { id: 'b:1' } }, T0);
      expect(await store.getPersonalConversation('p-a')).toEqual(first);

      const second = { conversation: { id: 'a:2' }, nested: [1, 'two', null] };
      await store.savePersonalConversation('p-a', second, at(5));
      expect(await store.getPersonalConversation('p-a')).toEqual(second);
      expect(await store.getPersonalConversation('p-b')).toEqual({ conversation: { id: 'b:1' } });
    });
  });
}
