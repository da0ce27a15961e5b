/**
 * R19: boards are kept apart by tenant. A person is the pair (tenant, Entra object id), never the
 * object id alone: the same `from.aadObjectId` from another tenant than a board's is nobody on
 * that board, in a 1:1 chat as in a channel, by command or by card. Such an activity is refused
 * as any from another tenant, naming no board, and changes nothing; another tenant's board named
 * by its id is answered as an id no board has.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BOT, type ChannelAccount, FOREIGN_TENANT_ID, type Person, botInstalled, cardAction, channelMessage, people, personalConversationId, personalMessage } from '../support/activities.js';
import { type Harness, startHarness, startInstalledHarness } from '../support/app-harness.js';
import { twoBoardsDir } from '../support/english-board.js';
import { type ConnectorMember, demoMembers, startFakeConnector } from '../support/fake-connector.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';

const FOREIGN_REFUSAL = 'This bot serves only the board\'s own organisation. The request was refused.';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** What the bot said in `who`'s 1:1 chat to `text`, sent from `tenantId`. */
async function dm(who: ChannelAccount, text: string, tenantId?: string): Promise<string[]> {
  const since = h!.connector.mark();
  const res = await h!.send(personalMessage(h!.connector.url, who, text, tenantId ? { tenantId } : {}));
  expect(res.status).toBeLessThan(300);
  return h!.connector
    .posts()
    .filter((p) => p.seq >= since && p.type !== 'typing' && p.conversationId === personalConversationId(who))
    .map((p) => h!.connector.textOf(p));
}

describe('R19: a 1:1 chat from another tenant with a board person\'s aadObjectId', () => {
  it('R19: Lars\'s object id from another tenant is nobody on either board: not asked which board, the boards not listed nor named; nothing remembered', async () => {
    // Both boards are of the demo tenant; Lars sits on both.
    h = await startHarness({ clockStart: '2026-11-30T09:00:00Z', boardConfig: twoBoardsDir() });
    const answers = [await dm(people.lars, 'status', FOREIGN_TENANT_ID), await dm(people.lars, 'hjælp', FOREIGN_TENANT_ID)];
    for (const answer of answers) {
      expect(answer).toEqual([FOREIGN_REFUSAL]);
    }
    const all = answers.flat().join('\n');
    expect(all).not.toContain('Housing Forum');
    expect(all).not.toContain('slagelse');
    expect(all).not.toContain('forum');
    // The chat is not his: no personal reminder of either board would go there.
    expect(await h.store.forBoard('slagelse').getPersonalConversation(people.lars.aadObjectId)).toBeUndefined();
    expect(await h.store.forBoard('forum').getPersonalConversation(people.lars.aadObjectId)).toBeUndefined();
  });

  it('R19, R2: the chair\'s and the secretary\'s object ids from another tenant act on neither board, named or not', async () => {
    h = await startHarness({ clockStart: '2026-11-30T09:00:00Z', boardConfig: twoBoardsDir() });
    for (const [who, text] of [
      [people.pia, 'møde 10-12-2026 14:00'],
      [people.pia, 'slagelse møde 10-12-2026 14:00'],
      [people.anne, 'forum meeting 10-12-2026 14:00'],
      [people.anne, 'slagelse mødedatoer 2027'],
    ] as const) {
      const answer = await dm(who, text, FOREIGN_TENANT_ID);
      expect(answer, text).toHaveLength(1);
      expect(answer[0], text).toMatch(/^(This bot serves only the board's own organisation\. The request was refused\.|Denne bot betjener kun bestyrelsens egen organisation\. Henvendelsen er afvist\.)$/);
    }
    expect(await h.store.forBoard('slagelse').listMeetings()).toEqual([]);
    expect(await h.store.forBoard('forum').listMeetings()).toEqual([]);
  });
});

/**
 * Another tenant's board on the same (multi-tenant) deployment: the two boards of the demo
 * tenant and »nabo« of FOREIGN_TENANT_ID, whose people include two with the object ids of Lars
 * and Anne, who are other people there (Lauritz and Asta).
 */
const NABO = `
board:
  id: nabo
  name: Naboforeningen Øst
  locale: da
  timezone: Europe/Copenhagen
  tenantId: ${FOREIGN_TENANT_ID}
organisations:
  - { id: N1, name: Nordblokken }
  - { id: N2, name: Sydblokken }
people:
  - { name: Nora Nabo, aadObjectId: 00000000-0000-4000-8000-0000000000b1, organisation: N1, roles: [member, chair] }
  - { name: Lauritz Lange, aadObjectId: ${people.lars.aadObjectId}, organisation: N2, roles: [member] }
  - { name: Asta Aagaard, aadObjectId: ${people.anne.aadObjectId}, roles: [secretary] }
`;
/** Lauritz: Lars's object id in the other tenant. */
const lauritz: Person = { ...people.lars, id: '29:lauritz', key: 'lars', name: 'Lauritz Lange' };
/** Asta: Anne's object id in the other tenant. */
const asta: Person = { ...people.anne, id: '29:asta', key: 'anne', name: 'Asta Aagaard' };
/** Someone of the other tenant on no board. */
const otto = { id: '29:otto', name: 'Otto Udenfor', aadObjectId: '00000000-0000-4000-8000-0000000000b9' };
const NABO_TEAM = '19:nabo-team@thread.tacv2';
const NABO_CHANNEL = '19:nabo-channel@thread.tacv2';
const SLAGELSE_NAME = 'Den boligsociale bestyrelse i Slagelse';

async function threeBoards(): Promise<Harness> {
  const dir = twoBoardsDir();
  writeFileSync(join(dir, 'nabo.yaml'), NABO);
  return startHarness({ clockStart: '2026-11-30T09:00:00Z', boardConfig: dir });
}

describe('R19: boards of two tenants on one deployment', () => {
  it('R19: Lauritz (Lars\'s object id in the other tenant) is answered by his own board in his 1:1 chat, not asked which of three', async () => {
    h = await threeBoards();
    const [answer, ...rest] = await dm(lauritz, 'bestyrelse', FOREIGN_TENANT_ID);
    expect(rest).toEqual([]);
    expect(answer).toContain('Naboforeningen Øst');
    expect(answer).toContain('Lauritz Lange');
    expect(answer).not.toContain('Slagelse');
    expect(answer).not.toContain('Housing Forum');
  });

  it('R19: a 1:1 command from Lauritz naming the other tenant\'s board is answered by his own board as words it does not know, naming no board', async () => {
    h = await threeBoards();
    for (const text of ['slagelse bestyrelse', 'forum board']) {
      const answer = await dm(lauritz, text, FOREIGN_TENANT_ID);
      expect(answer, text).toEqual([`Jeg forstod ikke »${text}«. Skriv »hjælp« for at se, hvad jeg kan.`]);
      expect(answer.join('\n'), text).not.toContain(SLAGELSE_NAME);
      expect(answer.join('\n'), text).not.toContain('Housing Forum');
    }
  });

  it('R19, R5: a 1:1 card press from Lauritz naming the other tenant\'s board is refused as naming a board the bot does not know, naming no board; no ballot', async () => {
    h = await threeBoards();
    await h.send(channelMessage(h.connector.url, people.anne, 'brug denne kanal slagelse'));
    await h.send(channelMessage(h.connector.url, people.anne, 'afstemning Budget 2027 vedtages'));
    const card = h.connector.posts().filter((p) => JSON.stringify(p).includes('vote.cast')).at(-1)!;
    const motionId = /"motionId":"([^"]+)"/.exec(JSON.stringify(card))![1]!;
    const press = cardAction(h.connector.url, lauritz, 'vote.cast', { motionId, choice: 'for', board: 'slagelse' }, { conversationId: personalConversationId(lauritz), tenantId: FOREIGN_TENANT_ID });
    const answer = (await h.send(press)).body as { value: string };
    expect(answer.value).toBe('Den bestyrelse kender jeg ikke. Skriv »brug denne kanal <bestyrelsens id>« med id’et fra bestyrelsens fil. Intet er ændret.');
    expect(await h.store.forBoard('slagelse').listBallots(motionId)).toEqual([]);
  });

  it('R19: someone of the other tenant on no board is refused by that tenant\'s board, in its language, not by another tenant\'s', async () => {
    h = await threeBoards();
    expect(await dm(otto, 'hjælp', FOREIGN_TENANT_ID)).toEqual(['Du står ikke på bestyrelsens liste, så jeg kan ikke tage imod dette fra dig. Kontakt sekretæren, hvis det er en fejl.']);
  });

  it('R19: Asta (Anne\'s object id in the other tenant), its secretary, binds her own board by installing the bot in her team: not asked which board', async () => {
    h = await threeBoards();
    await h.send(botInstalled(h.connector.url, asta, { teamId: NABO_TEAM, selectedChannelId: NABO_CHANNEL, tenantId: FOREIGN_TENANT_ID }));
    expect((await h.store.forBoard('nabo').getBinding())?.channelId).toBe(NABO_CHANNEL);
    expect(await h.store.forBoard('slagelse').getBinding()).toBeUndefined();
    expect(await h.store.forBoard('forum').getBinding()).toBeUndefined();
    expect(h.connector.posts().map((p) => h!.connector.textOf(p)).join('\n')).not.toContain(SLAGELSE_NAME);
  });

  it('R19: in an unbound channel of the other tenant, someone on no board is told how to bind in that tenant\'s boards\' language only', async () => {
    h = await threeBoards();
    const since = h.connector.mark();
    const message = channelMessage(h.connector.url, otto, 'status', { conversationId: NABO_CHANNEL, teamId: NABO_TEAM, tenantId: FOREIGN_TENANT_ID });
    await h.send(message);
    const answers = h.connector.posts().filter((p) => p.seq >= since && p.type !== 'typing').map((p) => h!.connector.textOf(p));
    expect(answers).toEqual(['Denne kanal er ikke knyttet til en bestyrelse. Formandskabet eller sekretæren knytter sin bestyrelse til den med »@Bestyrelsesbot brug denne kanal &lt;bestyrelsens id&gt;«.']);
  });
});

describe('R19: what was checked and holds', () => {
  const EN_CHANNEL = '19:english-board-channel@thread.tacv2';

  it('R19, R5: Lars, on both boards, presses in his 1:1 chat a card naming the Danish board that carries the forum\'s motion: no ballot on either board', async () => {
    h = await startHarness({ clockStart: '2026-11-30T09:00:00Z', boardConfig: twoBoardsDir() });
    await h.send(channelMessage(h.connector.url, people.anne, 'brug denne kanal slagelse'));
    await h.send(channelMessage(h.connector.url, people.anne, 'use this channel forum', { conversationId: EN_CHANNEL }));
    await h.send(channelMessage(h.connector.url, people.anne, 'vote The forum adopts the 2027 budget', { conversationId: EN_CHANNEL }));
    const card = h.connector.posts().filter((p) => JSON.stringify(p).includes('vote.cast')).at(-1)!;
    const motionId = /"motionId":"([^"]+)"/.exec(JSON.stringify(card))![1]!;
    const press = cardAction(h.connector.url, people.lars, 'vote.cast', { motionId, choice: 'for', board: 'slagelse' }, { conversationId: personalConversationId(people.lars) });
    const answer = (await h.send(press)).body as { type: string; value: string };
    expect(answer.type).toBe('application/vnd.microsoft.activity.message');
    expect(answer.value).not.toContain('2027 budget');
    expect(await h.store.forBoard('forum').listBallots(motionId)).toEqual([]);
    expect(await h.store.forBoard('slagelse').listBallots(motionId)).toEqual([]);
  });

  it('R19: the bot added in a 1:1 scope from another tenant with Lars\'s object id makes the chat his on no board', async () => {
    h = await startHarness({ clockStart: '2026-11-30T09:00:00Z', boardConfig: twoBoardsDir() });
    const { text: _text, textFormat: _format, entities: _entities, ...chat } = personalMessage(h.connector.url, people.lars, '', { tenantId: FOREIGN_TENANT_ID });
    await h.send({ ...chat, type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] });
    await h.send({ ...chat, id: 'f:install-personal', type: 'installationUpdate', action: 'add' });
    expect(await h.store.forBoard('slagelse').getPersonalConversation(people.lars.aadObjectId)).toBeUndefined();
    expect(await h.store.forBoard('forum').getPersonalConversation(people.lars.aadObjectId)).toBeUndefined();
    expect(h.connector.posts().filter((p) => p.type !== 'typing')).toEqual([]);
  });
});


/**
 * Teams' own lists of people: the team's roster and a member looked up by their Teams id. In a
 * shared channel, or with a guest, a member of another tenant can carry a board person's object
 * id or e-mail; the member Teams names is that person only in the board's tenant.
 */
describe('R19: Teams members of another tenant are not the board\'s people', () => {
  /** Karsten's object id and Pia's e-mail, each on a member of another tenant. */
  const impostors: ConnectorMember[] = [
    { id: '29:foreign-karsten', name: 'Karsten Kjær', aadObjectId: people.karsten.aadObjectId, tenantId: FOREIGN_TENANT_ID },
    { id: '29:foreign-pia', name: 'Pia Poulsen', aadObjectId: '00000000-0000-4000-8000-0000000000c8', email: people.pia.email!, userPrincipalName: people.pia.email!, tenantId: FOREIGN_TENANT_ID },
  ];

  it('R19: the roster read on binding matches only members of the board\'s tenant: another tenant\'s member with Karsten\'s object id or Pia\'s e-mail is remembered for nobody', async () => {
    const ours = demoMembers().filter((m) => m.aadObjectId !== people.karsten.aadObjectId && m.aadObjectId !== people.pia.aadObjectId);
    const connector = await startFakeConnector({ members: [...impostors, ...ours] });
    try {
      h = await startInstalledHarness('2026-11-02T10:00:00+01:00', { connector });
      const known = await h.store.listTeamsIdentities();
      expect(known.map((i) => i.teamsUserId)).not.toContain('29:foreign-karsten');
      expect(known.map((i) => i.teamsUserId)).not.toContain('29:foreign-pia');
      expect(known.find((i) => i.personId === people.karsten.aadObjectId)).toBeUndefined();
      expect(known.find((i) => i.personId === people.pia.aadObjectId)).toBeUndefined();
      // The board's own tenant's members are found as before.
      expect(known.find((i) => i.personId === people.lars.aadObjectId)?.teamsUserId).toBe(people.lars.id);
    } finally {
      await h?.close();
      h = undefined;
      await connector.close();
    }
  });

  it('R19: a person known by e-mail only is not someone Teams names with that e-mail in another tenant (a guest writing in the board\'s channel)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bb-tenant-mail-'));
    const file = join(dir, 'demo.yaml');
    writeFileSync(file, readFileSync(DEMO_CONFIG_PATH, 'utf8').replace(`    aadObjectId: ${people.lars.aadObjectId}\n`, ''));
    h = await startHarness({ clockStart: '2026-12-01T09:00:00Z', boardConfig: file });
    await h.send(botInstalled(h.connector.url, people.anne));
    const guest: ConnectorMember = { id: '29:guest-lars', name: 'Lars Lund', aadObjectId: '00000000-0000-4000-8000-0000000000c6', email: people.lars.email!, userPrincipalName: people.lars.email!, tenantId: FOREIGN_TENANT_ID };
    h.connector.setMembers([...demoMembers(), guest]);
    const since = h.connector.mark();
    await h.send(channelMessage(h.connector.url, { ...people.lars, id: guest.id, aadObjectId: guest.aadObjectId! }, 'anmod om ekstraordinært møde Huslejen i afd. 7'));
    const answers = h.connector.posts().filter((p) => p.seq >= since && p.type !== 'typing').map((p) => h!.connector.textOf(p));
    expect(answers).toEqual(['Du står ikke på bestyrelsens liste, så jeg kan ikke tage imod dette fra dig. Kontakt sekretæren, hvis det er en fejl.']);
    expect((await h.store.listTeamsIdentities()).map((i) => i.teamsUserId)).not.toContain(guest.id);
    // Lars himself, of the board's tenant, is recognised by his e-mail as before.
    await h.send(channelMessage(h.connector.url, { ...people.lars, aadObjectId: '00000000-0000-4000-8000-0000000000d6' }, 'hjælp'));
    expect((await h.store.listTeamsIdentities()).find((i) => i.teamsUserId === people.lars.id)?.personId).toBe(people.lars.email!.toLowerCase());
  });
});

/**
 * What another tenant can learn: a board of another tenant named by its id is answered as a board
 * that does not exist, and a malformed card press from another tenant is refused by the tenant
 * check before anything else is said (not in words that would tell a board of that language is there).
 */
describe('R19: another tenant\'s board is answered as no board at all', () => {
  /** A board id no board has, as long as `slagelse`: what naming a board that does not exist gets. */
  const NONE = 'ukendtx';

  it('R19: Lauritz naming the other tenant\'s board in a 1:1 command is answered as naming a board that does not exist', async () => {
    h = await threeBoards();
    for (const [id, text] of [['slagelse', 'slagelse bestyrelse'], ['forum', 'forum møder'], ['slagelse', 'slagelse hjælp']] as const) {
      const theirs = await dm(lauritz, text, FOREIGN_TENANT_ID);
      const none = await dm(lauritz, text.replace(id, NONE.slice(0, id.length)), FOREIGN_TENANT_ID);
      expect(theirs.map((t) => t.split(id).join(NONE.slice(0, id.length))), text).toEqual(none);
    }
  });

  it('R19: someone of a tenant no board is of, naming a board in a 1:1 command, gets the answer naming a board that does not exist gets (the second board\'s language not told)', async () => {
    h = await startHarness({ clockStart: '2026-11-30T09:00:00Z', boardConfig: twoBoardsDir() });
    for (const [id, text] of [['forum', 'forum meeting 10-12-2026 14:00'], ['slagelse', 'slagelse status']] as const) {
      const theirs = await dm(people.lars, text, FOREIGN_TENANT_ID);
      const none = await dm(people.lars, text.replace(id, NONE.slice(0, id.length)), FOREIGN_TENANT_ID);
      expect(theirs, text).toEqual(none);
    }
  });

  it('R19: »brug denne kanal« naming the other tenant\'s board, in a channel of one\'s own tenant, is answered as naming a board that does not exist; nothing bound', async () => {
    h = await threeBoards();
    const said = async (text: string) => {
      const since = h!.connector.mark();
      await h!.send(channelMessage(h!.connector.url, asta, text, { conversationId: NABO_CHANNEL, teamId: NABO_TEAM, tenantId: FOREIGN_TENANT_ID }));
      return h!.connector.posts().filter((p) => p.seq >= since && p.type !== 'typing').map((p) => h!.connector.textOf(p));
    };
    const theirs = await said('brug denne kanal slagelse');
    expect(theirs).toEqual(await said(`brug denne kanal ${NONE}`));
    expect(theirs.join('\n')).toMatch(/^Den bestyrelse kender jeg ikke\./);
    expect(await h.store.forBoard('slagelse').getBinding()).toBeUndefined();
  });

  it('R19, R5: a 1:1 card press naming the other tenant\'s board gets exactly the answer of one naming a board that does not exist; no ballot', async () => {
    h = await threeBoards();
    await h.send(channelMessage(h.connector.url, people.anne, 'brug denne kanal slagelse'));
    await h.send(channelMessage(h.connector.url, people.anne, 'afstemning Budget 2027 vedtages'));
    const card = h.connector.posts().filter((p) => JSON.stringify(p).includes('vote.cast')).at(-1)!;
    const motionId = /"motionId":"([^"]+)"/.exec(JSON.stringify(card))![1]!;
    for (const who of [lauritz, otto, people.lars]) {
      const press = (board: string) => cardAction(h!.connector.url, who, 'vote.cast', { motionId, choice: 'for', board }, { conversationId: personalConversationId(who), tenantId: FOREIGN_TENANT_ID });
      const theirs = (await h.send(press('slagelse'))).body;
      const none = (await h.send(press(NONE))).body;
      expect(theirs, who.name).toEqual(none);
    }
    expect(await h.store.forBoard('slagelse').listBallots(motionId)).toEqual([]);
  });
});

describe('R19: a malformed card press from another tenant meets the tenant check first', () => {
  /** The answer to an invoke `press` from another tenant. */
  const answerTo = async (press: ReturnType<typeof cardAction>) => (await h!.send(press)).body;
  const foreignPress = (verb: string, data: Record<string, unknown>, conversationId?: string) =>
    cardAction(h!.connector.url, people.karsten, verb, data, { tenantId: FOREIGN_TENANT_ID, ...(conversationId ? { conversationId } : {}) });

  it('R19: on the one board served, a malformed press, a press without a verb and one with an unknown verb get the answer a good press from there gets: refused as from another tenant', async () => {
    h = await startInstalledHarness('2026-11-30T10:00:00+01:00');
    const good = await answerTo(foreignPress('vote.cast', { motionId: 'm-1', choice: 'for' }));
    expect(good).toMatchObject({ value: 'Denne bot betjener kun bestyrelsens egen organisation. Henvendelsen er afvist.' });
    expect(await answerTo(foreignPress('vote.cast', { motionId: 42, choice: 'maybe' }))).toEqual(good);
    expect(await answerTo(foreignPress('no.such.verb', {}))).toEqual(good);
    const verbless = foreignPress('vote.cast', {});
    expect(await answerTo({ ...verbless, value: { ...verbless.value, action: { type: 'Action.Execute', data: {} } } } as typeof verbless)).toEqual(good);
  });

  it('R19: in the English board\'s channel of two, a malformed press from another tenant is refused as a good one is', async () => {
    const EN_CHANNEL = '19:english-board-channel@thread.tacv2';
    h = await startHarness({ clockStart: '2026-11-30T09:00:00Z', boardConfig: twoBoardsDir() });
    await h.send(channelMessage(h.connector.url, people.anne, 'use this channel forum', { conversationId: EN_CHANNEL }));
    const good = await answerTo(foreignPress('vote.cast', { motionId: 'm-1', choice: 'for' }, EN_CHANNEL));
    expect(good).toMatchObject({ value: FOREIGN_REFUSAL });
    expect(await answerTo(foreignPress('vote.cast', { motionId: 42 }, EN_CHANNEL))).toEqual(good);
    expect(await answerTo(foreignPress('no.such.verb', {}, EN_CHANNEL))).toEqual(good);
  });
});
