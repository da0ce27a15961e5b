/**
 * Issue 11 (R19): several boards on one deployment, over HTTP as Teams would, in one
 * process (the in-process harness): a directory with the Slagelse board and a
 * three-organisation follow-group with an absolute majority, each in its own channel,
 * with its own record, schedule and texts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ID, type ChannelAccount, botInstalled, cardAction, channelMessage, people, personalMessage } from '../support/activities.js';
import { type Harness, startHarness } from '../support/app-harness.js';
import type { PostedActivity } from '../support/fake-connector.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';

const FG_CHANNEL = '19:folgegruppe-channel@thread.tacv2';
const UNBOUND_CHANNEL = '19:nobodys-channel@thread.tacv2';

/** The follow-group's own people (its chair and the municipality's member); Birgitte sits on both boards. */
const frida = { id: '29:frida', name: 'Frida Følge', aadObjectId: '00000000-0000-4000-8000-0000000000f1' };
const klaus = { id: '29:klaus', name: 'Klaus Kommune', aadObjectId: '00000000-0000-4000-8000-0000000000f3' };

const FOLLOW_GROUP = `
board:
  id: folgegruppe
  name: Lokal følgegruppe Vest
  locale: da
  timezone: Europe/London
  tenantId: 00000000-0000-4000-8000-0000000000d0
policies:
  majority: absolute
  agendaLeadDays: 3
organisations:
  - { id: BEB, name: Beboerrepræsentanterne, kind: residents }
  - { id: MED, name: Medarbejderrepræsentanterne, kind: staff }
  - { id: KOM, name: Slagelse Kommune, kind: municipality }
people:
  - { name: Frida Følge, aadObjectId: ${frida.aadObjectId}, organisation: BEB, roles: [member, chair] }
  - { name: Birgitte Bach, aadObjectId: ${people.birgitte.aadObjectId}, organisation: MED, roles: [member] }
  - { name: Klaus Kommune, aadObjectId: ${klaus.aadObjectId}, organisation: KOM, roles: [member] }
  - { name: Signe Sekretær, aadObjectId: 00000000-0000-4000-8000-0000000005e2, roles: [secretary] }
standingItems:
  - approve-agenda
  - { title: Nyt fra boligområdet, kind: information }
  - economy
  - any-other-business
`;

let dir: string;
let h: Harness;

const slagelse = () => h.store.forBoard('slagelse');
const textOf = (p: unknown) => h.connector.textOf(p);
const cardOf = (p: PostedActivity) =>
  (p as { attachments?: { contentType: string; content: { actions?: { verb?: string; data?: Record<string, string> }[] } }[] }).attachments?.find(
    (a) => a.contentType === 'application/vnd.microsoft.card.adaptive',
  )?.content;

/** What the bot answered in the thread of a channel message. */
async function say(from: ChannelAccount, text: string, conversationId = CHANNEL_ID): Promise<string> {
  const since = h.connector.mark();
  const message = channelMessage(h.connector.url, from, text, { conversationId });
  await h.send(message);
  const reply = await h.connector.waitForPost((p) => p.replyToId === message.id || p.conversationId === message.conversation.id, { since });
  return textOf(reply);
}

function postsIn(channel: string, predicate: (text: string) => boolean): PostedActivity[] {
  return h.connector.posts().filter((p) => p.conversationId.split(';')[0] === channel && predicate(textOf(p)));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-boards-'));
  const slagelse = readFileSync(DEMO_CONFIG_PATH, 'utf8').replace('board:\n', 'board:\n  id: slagelse\n');
  writeFileSync(join(dir, 'slagelse.yaml'), slagelse);
  writeFileSync(join(dir, 'folgegruppe.yaml'), FOLLOW_GROUP);
  h = await startHarness({ clockStart: '2026-12-01T09:00:00+01:00', boardConfig: dir });
});

afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('several boards on one deployment (R19)', () => {
  it('in an unbound channel, says how a board is bound there, and binds nothing without a board id from someone who binds no board', async () => {
    // Birgitte sits on both boards and chairs neither (»brug denne kanal« alone binds the one board its writer chairs: unbound-board.test.ts).
    expect(await say(people.birgitte, 'brug denne kanal', UNBOUND_CHANNEL)).toContain('brug denne kanal &lt;bestyrelsens id&gt;');
    expect(await say(people.anne, 'brug denne kanal ingen-saadan', UNBOUND_CHANNEL)).toContain('Den bestyrelse kender jeg ikke');
    expect(await slagelse().getBinding()).toBeUndefined();
    expect(await h.store.forBoard('folgegruppe').getBinding()).toBeUndefined();
  });

  it('an install in an unbound channel by someone who binds no board binds nothing and says how to bind', async () => {
    const since = h.connector.mark();
    await h.send(botInstalled(h.connector.url, people.birgitte, { selectedChannelId: UNBOUND_CHANNEL, teamId: '19:another-team@thread.tacv2' }));
    const notice = await h.connector.waitForPost((p) => textOf(p).includes('Jeg betjener flere bestyrelser'), { since });
    expect(textOf(notice)).toContain('brug denne kanal &lt;bestyrelsens id&gt;');
    expect(await slagelse().getBinding()).toBeUndefined();
    expect(await h.store.forBoard('folgegruppe').getBinding()).toBeUndefined();
  });

  it('binds each board to its own channel by its own chair, and a channel to one board only', async () => {
    expect(await say(people.anne, 'brug denne kanal slagelse')).toBe('Bestyrelsen bruger nu denne kanal.');
    expect(await say(frida, 'brug denne kanal folgegruppe', FG_CHANNEL)).toBe('Bestyrelsen bruger nu denne kanal.');
    await h.connector.waitForPost((p) => p.conversationId === FG_CHANNEL && textOf(p).includes('Goddag'));
    // Anne chairs Slagelse, not the follow-group: she cannot bind it; Frida cannot take Slagelse's channel.
    expect(await say(people.anne, 'brug denne kanal folgegruppe', FG_CHANNEL)).toContain('Du står ikke på bestyrelsens liste');
    expect(await say(frida, 'brug denne kanal folgegruppe')).toContain('Kanalen bruges allerede af en anden bestyrelse');
    expect((await slagelse().getBinding())?.channelId).toBe(CHANNEL_ID);
    expect((await h.store.forBoard('folgegruppe').getBinding())?.channelId).toBe(FG_CHANNEL);
  });

  it('welcomes the follow-group in its channel with its own organisations', () => {
    const [welcome] = postsIn(FG_CHANNEL, (t) => t.includes('Goddag'));
    expect(textOf(welcome)).toContain('Lokal følgegruppe Vest');
    expect(textOf(welcome)).toContain('Formandskab: Frida Følge (BEB)');
    expect(textOf(welcome)).not.toContain('Fællesorganisationens Boligforening');
  });

  it('`bestyrelse` in the follow-group\'s channel lists its three organisations and no "seks"', async () => {
    const text = await say(klaus, 'bestyrelse', FG_CHANNEL);
    expect(text).toContain('i alt tre');
    for (const org of ['Beboerrepræsentanterne', 'Medarbejderrepræsentanterne', 'Slagelse Kommune']) expect(text).toContain(org);
    expect(text).toContain('mindst 2 af 3 organisationer for');
    expect(text).not.toMatch(/seks|af 6/);
    expect(text).not.toContain('Fællesorganisationens Boligforening');
  });

  it('a vote in the follow-group is answered there, and its outcome posted only there; a Slagelse-only member is refused on its card', async () => {
    const since = h.connector.mark();
    await h.send(channelMessage(h.connector.url, frida, 'afstemning Ny legeplads ved blok 4', { conversationId: FG_CHANNEL }));
    const card = await h.connector.waitForPost((p) => cardOf(p) !== undefined && textOf(p).includes('Ny legeplads'), { since });
    expect(card.conversationId.split(';')[0]).toBe(FG_CHANNEL);
    const motionId = cardOf(card)!.actions!.find((a) => a.verb === 'vote.cast')!.data!.motionId!;
    const press = (who: ChannelAccount, choice: string) =>
      h.send(cardAction(h.connector.url, who, 'vote.cast', { motionId, choice }, { conversationId: FG_CHANNEL, replyToId: card.id }));

    const refused = await press(people.henrik, 'against');
    expect(refused.body.type).toBe('application/vnd.microsoft.activity.message');
    expect(refused.body.value).toContain('Du står ikke på bestyrelsens liste');

    expect((await press(frida, 'for')).body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect((await press(people.birgitte, 'for')).body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect((await press(klaus, 'abstain')).body.type).toBe('application/vnd.microsoft.card.adaptive');
    const outcome = await h.connector.waitForPost((p) => textOf(p).startsWith('Vedtaget:'), { since });
    expect(textOf(outcome)).toMatch(/^Vedtaget: 2 for, 0 imod, 1 undlader/);
    expect(outcome.conversationId.split(';')[0]).toBe(FG_CHANNEL);
    expect(postsIn(CHANNEL_ID, (t) => t.includes('Ny legeplads') || t.startsWith('Vedtaget'))).toEqual([]);
    // The follow-group's record holds the vote; Slagelse's does not.
    expect((await h.store.forBoard('folgegruppe').getMotion(motionId))?.closedAt).toBeDefined();
    expect(await slagelse().getMotion(motionId)).toBeUndefined();
  });

  it('a person on both boards is asked which board in a 1:1 chat, and the answer names the board', async () => {
    const ask = async (text: string) => {
      const since = h.connector.mark();
      await h.send(personalMessage(h.connector.url, people.birgitte, text));
      return textOf(await h.connector.waitForPost((p) => p.conversationId.startsWith('a:1:birgitte'), { since }));
    };
    const which = await ask('møder');
    expect(which).toContain('Du sidder i flere bestyrelser');
    expect(which).toContain('folgegruppe: Lokal følgegruppe Vest');
    expect(which).toContain('slagelse: Den boligsociale bestyrelse i Slagelse');
    const answer = await ask('folgegruppe bestyrelse');
    expect(answer.startsWith('*Lokal følgegruppe Vest*')).toBe(true);
    expect(answer).toContain('Medarbejderrepræsentanterne');
  });

  it('sends each board\'s agenda at its own deadline, in its own time zone, into its own channel', async () => {
    expect(await say(people.anne, 'møde 10-12-2026 14:00')).toContain('10. december 2026');
    expect(await say(frida, 'møde 14-12-2026 16:30', FG_CHANNEL)).toContain('14. december 2026');
    const agendas = (channel: string) => postsIn(channel, (t) => t.startsWith('Dagsorden'));

    // Slagelse: 09:00 Copenhagen, 5 days before (08:00 UTC on 5 December).
    await h.at('2026-12-05T07:59:00Z');
    expect(agendas(CHANNEL_ID)).toHaveLength(0);
    await h.at('2026-12-05T08:00:00Z');
    expect(agendas(CHANNEL_ID)).toHaveLength(1);
    expect(textOf(agendas(CHANNEL_ID)[0])).toContain('10. december');
    expect(agendas(FG_CHANNEL)).toHaveLength(0);

    // The follow-group: 09:00 London, 3 days before (09:00 UTC on 11 December), with its own standing items.
    await h.at('2026-12-11T08:59:00Z');
    expect(agendas(FG_CHANNEL)).toHaveLength(0);
    await h.at('2026-12-11T09:00:00Z');
    expect(agendas(FG_CHANNEL)).toHaveLength(1);
    expect(textOf(agendas(FG_CHANNEL)[0])).toContain('Nyt fra boligområdet');
    expect(agendas(CHANNEL_ID)).toHaveLength(1);
  });
});
