/**
 * PRODUCT §1.1 over HTTP: only the board's officers (the chair, the secretary) bind the
 * board to a channel by installing the bot, and board information is given only in the
 * bound channel and in 1:1 chats with the board's own people. Elsewhere the bot answers
 * with a short refusal that names nobody.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import {
  CHANNEL_ID,
  GROUP_CHAT_ID,
  OTHER_CHANNEL_ID,
  OTHER_TEAM_CHANNEL_ID,
  OTHER_TEAM_ID,
  TEAM_ID,
  type Person,
  botInstalled,
  cardAction,
  channelMessage,
  demoConfig,
  installationUpdate,
  people,
  personalMessage,
} from '../support/activities.js';
import { type Harness, startHarness } from '../support/app-harness.js';
import { groupChatMessage } from '../support/group-chat.js';
import type { FakeConnector, PostedActivity } from '../support/fake-connector.js';
import { literal } from '../support/markdown.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';

const m = messages('da');
const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';
const WELCOME = 'Goddag';

let connector: FakeConnector;
let bot: Harness;

beforeAll(async () => {
  bot = await startHarness({ clockStart: '2027-01-11T10:00:00+01:00' });
  connector = bot.connector;
});

afterAll(async () => {
  await bot?.close();
});

/** Nobody of the board, nor the board itself, is named in a refusal to an outsider. */
function expectNamesNobody(text: string): void {
  for (const p of demoConfig.people) {
    for (const part of p.name.split(/\s+/)) expect(text, `names ${p.name}`).not.toContain(part);
  }
  for (const o of demoConfig.organisations) expect(text).not.toContain(o.name);
  expect(text).not.toContain(demoConfig.board.name);
}

/** Sends an activity and resolves with the bot's first post in `conversationId` after it. */
async function answerIn(conversationId: string, activity: unknown): Promise<PostedActivity> {
  const since = connector.mark();
  const res = await bot.send(activity);
  expect(res.status).toBeLessThan(300);
  return connector.waitForPost((p) => p.type !== 'typing' && p.conversationId.split(';')[0] === conversationId, { since });
}

const textIn = async (conversationId: string, activity: unknown) => connector.textOf(await answerIn(conversationId, activity));
const inChannel = (from: Person, text: string, conversationId = CHANNEL_ID, teamId?: string) =>
  textIn(conversationId, channelMessage(connector.url, from, text, { conversationId, ...(teamId ? { teamId } : {}) }));
const welcomes = () => connector.posts().filter((p) => connector.textOf(p).startsWith(WELCOME));
const notices = (text: string, conversationId: string) => connector.posts().filter((p) => p.conversationId === conversationId && connector.textOf(p) === text);

describe('installing: only the chair or the secretary binds the board', () => {
  it('a stranger\'s install binds nothing and posts no roster; the bot says, naming nobody, that the chair or the secretary binds it', async () => {
    const notice = await answerIn(TEAM_ID, botInstalled(connector.url, people.stranger));
    expect(connector.textOf(notice)).toBe(m.trust.installByOfficers);
    expect(connector.textOf(notice)).toContain('brug denne kanal');
    expectNamesNobody(connector.textOf(notice));
    expect(welcomes()).toHaveLength(0);
    // Nothing is bound: the board channel is not the board's yet.
    expect(await inChannel(people.henrik, 'bestyrelse')).toBe(m.refusal['not-bound']);
  });

  it('a member\'s install in another team binds nothing either, and gets the same answer', async () => {
    const notice = await textIn(OTHER_TEAM_ID, botInstalled(connector.url, people.henrik, { teamId: OTHER_TEAM_ID, selectedChannelId: OTHER_TEAM_CHANNEL_ID }));
    expect(notice).toBe(m.trust.installByOfficers);
    expect(welcomes()).toHaveLength(0);
  });

  it('install events are resent: the answer is given once per conversation, not again', async () => {
    await bot.send(botInstalled(connector.url, people.stranger));
    await bot.send(installationUpdate(connector.url, people.henrik));
    // The chair's install: its welcome comes after anything queued before it.
    const since = connector.mark();
    await bot.send(botInstalled(connector.url, people.anne));
    await connector.waitForPost((p) => connector.textOf(p).startsWith(WELCOME), { since });
    expect(notices(m.trust.installByOfficers, TEAM_ID)).toHaveLength(1);
  });

  it('the chair\'s install binds the board to the chosen channel and welcomes it there, once', async () => {
    expect(welcomes().map((p) => p.conversationId)).toEqual([CHANNEL_ID]);
    await bot.send(installationUpdate(connector.url, people.anne));
    expect(await inChannel(people.henrik, 'bestyrelse')).toContain('Formandskab: Anne Andersen og Karsten Kjær');
    expect(welcomes()).toHaveLength(1);
  });

  it('an officer\'s install elsewhere does not move the board; the bot says how to move it, once', async () => {
    const notice = await textIn(OTHER_TEAM_ID, botInstalled(connector.url, people.pia, { teamId: OTHER_TEAM_ID, selectedChannelId: OTHER_TEAM_CHANNEL_ID }));
    expect(notice).toBe(m.trust.installElsewhere);
    expectNamesNobody(notice);
    expect(await inChannel(people.henrik, 'bestyrelse')).toContain('Formandskab');
  });
});

describe('board information stays with the board', () => {
  const COMMANDS = ['bestyrelse', 'dagsorden', 'møder', 'status 01-01-2027 10-01-2027', 'referat', 'hjælp', 'afstemning Vi køber et hus'];

  it('in the bound channel and in a board person\'s 1:1 chat, bestyrelse, dagsorden, status and referat answer', async () => {
    expect(await inChannel(people.henrik, 'bestyrelse')).toContain('Formandskab: Anne Andersen og Karsten Kjær');
    expect(literal(await inChannel(people.henrik, 'dagsorden'))).toBe(m.meeting.noCurrent);
    expect(await inChannel(people.henrik, 'status 01-01-2027 10-01-2027')).toContain('Status for perioden');
    expect(await inChannel(people.pia, 'referat')).toBe(m.refusal['no-held-meeting']);
    const personal = (from: Person, text: string) => textIn(`a:1:${from.key}`, personalMessage(connector.url, from, text));
    expect(await personal(people.henrik, 'bestyrelse')).toContain('Formandskab: Anne Andersen og Karsten Kjær');
    expect(await personal(people.henrik, 'status 01-01-2027 10-01-2027')).toContain('Status for perioden');
    expect(await personal(people.pia, 'referat')).toBe(m.refusal['no-held-meeting']);
  });

  it('in a group chat every command gets the short refusal, naming nobody', async () => {
    for (const command of COMMANDS) {
      const text = await textIn(GROUP_CHAT_ID, groupChatMessage(connector.url, people.anne, command));
      expect(text, command).toBe(m.trust.elsewhere);
      expectNamesNobody(text);
    }
  });

  it('in another team\'s channel and in another channel of the board\'s team, likewise', async () => {
    for (const command of COMMANDS) {
      expect(await inChannel(people.anne, command, OTHER_TEAM_CHANNEL_ID, OTHER_TEAM_ID), command).toBe(m.trust.elsewhere);
      expect(await inChannel(people.henrik, command, OTHER_CHANNEL_ID), command).toBe(m.trust.elsewhere);
    }
    expect(connector.posts().filter((p) => p.conversationId === CHANNEL_ID && connector.textOf(p).includes('Vi køber et hus'))).toEqual([]);
  });

  it('a card action works from the bound channel and is refused from a group chat or another team', async () => {
    const since = connector.mark();
    await bot.send(channelMessage(connector.url, people.anne, 'afstemning Budgettet for 2027 godkendes'));
    const card = await connector.waitForPost((p) => connector.textOf(p).includes('Budgettet for 2027 godkendes'), { since });
    const motionId = (card.attachments as any[])[0].content.actions.find((a: any) => a.verb === 'vote.cast').data.motionId;
    const press = async (opts: Parameters<typeof cardAction>[4]) => (await bot.send(cardAction(connector.url, people.henrik, 'vote.cast', { motionId, choice: 'for' }, opts))).body;
    expect(await press({ conversationId: GROUP_CHAT_ID })).toMatchObject({ type: MESSAGE, value: m.trust.elsewhere });
    expect(await press({ conversationId: OTHER_TEAM_CHANNEL_ID, teamId: OTHER_TEAM_ID })).toMatchObject({ type: MESSAGE, value: m.trust.elsewhere });
    expect(await press({ conversationId: OTHER_CHANNEL_ID })).toMatchObject({ type: MESSAGE, value: m.trust.elsewhere });
    const refresh = (await bot.send(cardAction(connector.url, people.henrik, 'vote.refresh', { motionId }, { conversationId: GROUP_CHAT_ID }))).body;
    expect(refresh).toMatchObject({ type: MESSAGE, value: m.trust.elsewhere });
    expect(await press({ replyToId: card.id })).toMatchObject({ type: CARD });
  });

  it('brug denne kanal still moves the board for the chair or the secretary, and is refused, naming nobody, to a member', async () => {
    const refused = await inChannel(people.henrik, 'brug denne kanal', OTHER_CHANNEL_ID);
    expect(refused).toBe(m.roleRefusal['not-chair-or-secretary'](m.what.commands.bind!));
    expectNamesNobody(refused);
    expect(await inChannel(people.pia, 'brug denne kanal', OTHER_CHANNEL_ID)).toBe(m.bind.rebound);
    // The channel left is told once: its cards' buttons no longer work there.
    expect(notices(m.bind.moved, CHANNEL_ID)).toHaveLength(1);
    expect(await inChannel(people.henrik, 'bestyrelse', OTHER_CHANNEL_ID)).toContain('Formandskab');
    expect(await inChannel(people.henrik, 'bestyrelse')).toBe(m.trust.elsewhere);
    expect(await inChannel(people.anne, 'brug denne kanal')).toBe(m.bind.rebound);
    expect(notices(m.bind.moved, OTHER_CHANNEL_ID)).toHaveLength(1);
    expect(notices(m.bind.moved, CHANNEL_ID)).toHaveLength(1);
  });
});

describe('the channel named in the board file (board.channelId)', () => {
  it('an install there binds the board, whoever installs; an install elsewhere by a stranger does not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-board-'));
    const file = join(dir, 'board.yaml');
    writeFileSync(file, readFileSync(DEMO_CONFIG_PATH, 'utf8').replace(/^board:\n/m, `board:\n  channelId: "${CHANNEL_ID}"\n`));
    const named = await startHarness({ clockStart: '2027-01-11T10:00:00+01:00', boardConfig: file, connector });
    const since = connector.mark();
    await named.send(botInstalled(connector.url, people.stranger, { teamId: OTHER_TEAM_ID, selectedChannelId: OTHER_TEAM_CHANNEL_ID }));
    await named.send(botInstalled(connector.url, people.stranger));
    const welcome = await connector.waitForPost((p) => connector.textOf(p).startsWith(WELCOME), { since });
    expect(welcome.conversationId).toBe(CHANNEL_ID);
    expect(connector.posts().slice(0).filter((p) => p.conversationId === OTHER_TEAM_ID && connector.textOf(p) === m.trust.installByOfficers).length).toBeGreaterThan(0);
    await named.close();
  });
});
