/**
 * Reaching people (issue 10, point 8; PRODUCT §1.1, §1.3): the team's roster is read (paged)
 * on binding and daily, so reminders @mention board people who never wrote to the bot; a
 * reply under a thread that fails for good becomes a new post.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID, TEAM_ID, TENANT_ID, channelMessage, people } from '../support/activities.js';
import { type Harness, startInstalledHarness } from '../support/app-harness.js';
import { type ConnectorMember, demoMembers, startFakeConnector } from '../support/fake-connector.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Others of the team who are not on the board: the roster is more than the board. */
const others: ConnectorMember[] = Array.from({ length: 7 }, (_, i) => ({
  id: `29:other-${i}`,
  name: `Anden Person ${i}`,
  aadObjectId: `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`,
  email: `anden${i}@example.dk`,
  userPrincipalName: `anden${i}@example.dk`,
  tenantId: TENANT_ID,
}));

/** Teams' ids differ from the test builders' `29:<key>`: the roster is where the bot learns them. */
const rosterId = (key: string) => `29:roster-${key}`;
const roster = (): ConnectorMember[] => [...others.slice(0, 4), ...demoMembers().map((m) => ({ ...m, id: rosterId(m.id.slice(3)) })), ...others.slice(4)];

const say = (text: string, from = people.anne) => h!.send(channelMessage(h!.connector.url, from, text));

describe('the roster (issue 10.8)', () => {
  it('a reminder to a chair who never wrote to the bot carries an @mention entity with her Teams id (read from the paged roster on binding)', async () => {
    const connector = await startFakeConnector({ members: roster(), pageLimit: 4 });
    try {
      h = await startInstalledHarness('2026-11-02T10:00:00+01:00', { connector });
      // The roster was read at once, every page of it (4 a page: 16 members, 4 pages).
      const pages = connector.requests.filter((r) => r.route === 'getConversationPagedMembers');
      expect(pages.length).toBe(Math.ceil(roster().length / 4));
      expect(pages.every((r) => r.conversationId === TEAM_ID)).toBe(true);
      expect(pages.slice(1).every((r) => r.path.includes('continuationToken='))).toBe(true);

      await say('møde 26-11-2026 14:00');
      // Seven days before the meeting at 09:00: the chair and the secretary are reminded.
      await h.at('2026-11-19T09:00:00+01:00');
      const reminder = await connector.waitForPost((p) => connector.textOf(p).includes('Påmindelse: Dagsordenen'));
      expect(reminder.conversationId).toBe(CHANNEL_ID);
      const mentioned = (reminder.entities as { type: string; text: string; mentioned: { id: string; name: string } }[]).filter((e) => e.type === 'mention');
      // Karsten (chair) and Pia (secretary) never wrote to the bot: their ids come from the roster.
      expect(mentioned).toContainEqual({ type: 'mention', text: '<at>Karsten Kjær</at>', mentioned: { id: rosterId('karsten'), name: 'Karsten Kjær' } });
      expect(mentioned).toContainEqual({ type: 'mention', text: '<at>Pia Poulsen</at>', mentioned: { id: rosterId('pia'), name: 'Pia Poulsen' } });
      expect(reminder.text).toContain('<at>Karsten Kjær</at>');
      expect(reminder.text).toContain('<at>Pia Poulsen</at>');
      // Nobody outside the board is mentioned.
      expect(mentioned.map((e) => e.mentioned.id).filter((id) => id.startsWith('29:other'))).toEqual([]);
    } finally {
      await h?.close();
      h = undefined;
      await connector.close();
    }
  });

  it('the roster is read again once a day: a person who joins the team later is @mentioned', async () => {
    const connector = await startFakeConnector({ members: roster().filter((m) => m.id !== rosterId('karsten')) });
    try {
      h = await startInstalledHarness('2026-11-02T10:00:00+01:00', { connector });
      const readings = () => connector.requests.filter((r) => r.route === 'getConversationPagedMembers').length;
      const karsten = async () => (await h!.store.listTeamsIdentities()).find((i) => i.personId === people.karsten.aadObjectId)?.teamsUserId;
      expect(readings()).toBe(1);
      expect(await karsten()).toBeUndefined();
      connector.setMembers(roster());
      await h.at('2026-11-03T09:59:00+01:00');
      expect(readings()).toBe(1);
      await h.at('2026-11-03T10:00:00+01:00');
      expect(readings()).toBe(2);
      expect(await karsten()).toBe(rosterId('karsten'));
      // And the next day's reading is planned, also after a restart.
      await h.restart('2026-11-04T10:00:00+01:00');
      expect(readings()).toBe(3);
      await h.at('2026-11-04T12:00:00+01:00');
      expect(readings()).toBe(3);
    } finally {
      await h?.close();
      h = undefined;
      await connector.close();
    }
  });
});

describe('a reply under a thread that fails for good (issue 10.8)', () => {
  it('the day-before reminder becomes a new post with the agenda when the agenda\'s thread is gone', async () => {
    h = await startInstalledHarness('2026-11-02T10:00:00+01:00');
    await say('møde 26-11-2026 14:00');
    await say('udsend dagsorden');
    const agenda = await h.connector.waitForPost((p) => h!.connector.textOf(p).startsWith('Dagsorden') && p.conversationId === CHANNEL_ID);
    await h.at('2026-11-24T12:00:00+01:00');
    h.clock.set('2026-11-25T09:00:00+01:00');
    // Teams answers the reply "Conversation not found" (404): the thread was deleted.
    h.connector.failNext(1, 404);
    await h.tick();
    const failed = h.connector.requests.filter((r) => r.failed && r.conversationId === `${CHANNEL_ID};messageid=${agenda.id}`);
    expect(failed).toHaveLength(1);
    const reminder = await h.connector.waitForPost((p) => h!.connector.textOf(p).includes('i morgen') && p.conversationId === CHANNEL_ID);
    expect(reminder.replyToId).toBeUndefined();
    expect(h.connector.textOf(reminder)).toContain('Dagsorden');
    expect(h.logs().map((l) => l.msg)).toContain('reply under a thread failed for good; sending it as a new post');
    expect(h.logs().map((l) => l.msg)).not.toContain('outbox send failed for good');
  });
});
