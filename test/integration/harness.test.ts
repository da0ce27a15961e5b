/**
 * Self-tests of the integration-test support code (test/support/): the fake connector, the
 * activity builders, and the bot-process runner against a stand-in server — not the bot.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  BOT,
  BOT_MENTION,
  CHANNEL_ID,
  FOREIGN_TENANT_ID,
  TEAM_ID,
  TENANT_ID,
  botInstalled,
  cardAction,
  channelMessage,
  installationUpdate,
  people,
  personalMessage,
  type PersonKey,
} from '../support/activities.js';
import { cleanupBots, runBotExpectingExit, startBot, NO_TICK_CRON } from '../support/bot-process.js';
import { demoMembers, startFakeConnector, textOf, type FakeConnector } from '../support/fake-connector.js';
import { DEMO_CONFIG_PATH } from '../support/paths.js';

const THREAD = `${CHANNEL_ID};messageid=1700000000001`;
const enc = encodeURIComponent;

async function call(
  connector: FakeConnector,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; headers: Headers; json: unknown }> {
  const res = await fetch(`${connector.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text === '' ? undefined : JSON.parse(text) };
}

const post = (c: FakeConnector, conversationId: string, body: unknown) =>
  call(c, 'POST', `/v3/conversations/${enc(conversationId)}/activities`, body);

describe('fake connector', () => {
  let connector: FakeConnector;
  beforeEach(async () => {
    connector = await startFakeConnector();
  });
  afterEach(async () => {
    await connector.close();
  });

  it('listens on 127.0.0.1 on a random port', () => {
    expect(connector.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(connector.port).toBeGreaterThan(0);
  });

  it('records a new message POST with its decoded thread id and answers a generated id', async () => {
    const res = await post(connector, THREAD, { type: 'message', text: 'Hej bestyrelse' });
    expect(res.status).toBe(201);
    const { id } = res.json as { id: string };
    expect(id).toMatch(/^\d{13}$/);

    expect(connector.requests).toHaveLength(1);
    const [r] = connector.requests;
    expect(r).toMatchObject({
      method: 'POST',
      route: 'sendToConversation',
      conversationId: THREAD,
      activityId: id,
      body: { type: 'message', text: 'Hej bestyrelse' },
      status: 201,
      failed: false,
    });
    expect(r!.path).toContain(enc(THREAD));
    expect(r!.replyToId).toBeUndefined();
    expect(typeof r!.at).toBe('number');

    expect(connector.posts()).toEqual([
      expect.objectContaining({ id, conversationId: THREAD, type: 'message', text: 'Hej bestyrelse' }),
    ]);
  });

  it('records a reply with replyToId and gives every post its own id', async () => {
    const first = await post(connector, THREAD, { type: 'message', text: 'one' });
    const reply = await call(connector, 'POST', `/v3/conversations/${enc(THREAD)}/activities/1700000000001`, {
      type: 'message',
      text: 'two',
    });
    expect(reply.status).toBe(201);
    const r = connector.requests[1]!;
    expect(r).toMatchObject({ route: 'replyToActivity', conversationId: THREAD, replyToId: '1700000000001' });
    expect(r.activityId).toBe((reply.json as { id: string }).id);
    expect(r.activityId).not.toBe((first.json as { id: string }).id);
    expect(connector.posts().map((p) => p.text)).toEqual(['one', 'two']);
    expect(connector.posts()[1]!.replyToId).toBe('1700000000001');
  });

  it('leaves typing indicators out of posts()', async () => {
    await post(connector, THREAD, { type: 'typing' });
    await post(connector, THREAD, { type: 'message', text: 'x' });
    expect(connector.posts().map((p) => p.type)).toEqual(['message']);
  });

  it('records a PUT to the posted message in updates()', async () => {
    const { id } = (await post(connector, CHANNEL_ID, { type: 'message', text: 'Afstemning: åben' })).json as {
      id: string;
    };
    const put = await call(connector, 'PUT', `/v3/conversations/${enc(CHANNEL_ID)}/activities/${id}`, {
      type: 'message',
      text: 'Afstemning: lukket',
    });
    expect(put.status).toBe(200);
    expect(put.json).toEqual({ id });
    expect(connector.requests[1]).toMatchObject({ method: 'PUT', route: 'updateActivity', activityId: id });
    expect(connector.updates()).toEqual([expect.objectContaining({ id, conversationId: CHANNEL_ID, text: 'Afstemning: lukket' })]);
    // posts() shows what was posted, not the update.
    expect(connector.posts()[0]!.text).toBe('Afstemning: åben');
  });

  it('answers a single member (TeamsInfo.getMember) from the demo board\'s people, by Teams id or AAD object id', async () => {
    const byId = await call(connector, 'GET', `/v3/conversations/${enc(THREAD)}/members/${enc(people.pia.id)}`);
    expect(byId.json).toMatchObject({ name: people.pia.name });
    const byAad = await call(connector, 'GET', `/v3/conversations/${enc(THREAD)}/members/${people.pia.aadObjectId}`);
    expect(byAad.json).toMatchObject({ id: people.pia.id });
    const missing = await call(connector, 'GET', `/v3/conversations/${enc(THREAD)}/members/${enc(people.stranger.id)}`);
    expect(missing.status).toBe(404);
    expect(connector.requests.at(-1)).toMatchObject({ route: 'getConversationMember', memberId: people.stranger.id });

    expect(byId.json).toMatchObject({ aadObjectId: people.pia.aadObjectId, tenantId: TENANT_ID });
  });

  it('records an unknown route and answers 404', async () => {
    const res = await call(connector, 'GET', '/v3/attachments/x');
    expect(res.status).toBe(404);
    expect(connector.requests[0]).toMatchObject({ route: 'unknown', status: 404 });
  });

  it('ignores a path prefix before /v3/ (regional service URLs)', async () => {
    const res = await call(connector, 'POST', `/emea/v3/conversations/${enc(THREAD)}/activities`, { type: 'message', text: 'x' });
    expect(res.status).toBe(201);
    expect(connector.requests[0]).toMatchObject({ route: 'sendToConversation', conversationId: THREAD });
  });

  describe('waitFor', () => {
    it('resolves on a request that arrives after it was called', async () => {
      const waiting = connector.waitFor((r) => r.route === 'replyToActivity');
      expect(connector.requests).toHaveLength(0);
      await post(connector, THREAD, { type: 'message', text: 'not this one' });
      await call(connector, 'POST', `/v3/conversations/${enc(THREAD)}/activities/42`, { type: 'message', text: 'this one' });
      const r = await waiting;
      expect(r.body.text).toBe('this one');
      expect(r.seq).toBe(1);
    });

    it('resolves with what the predicate returns when that is not just true', async () => {
      const waiting = connector.waitFor((r) => typeof r.body?.text === 'string' && r.body.text.startsWith('Vedtaget') && r.body.text);
      await post(connector, THREAD, { type: 'message', text: 'Vedtaget: 4 for, 1 imod, 1 undlader' });
      await expect(waiting).resolves.toBe('Vedtaget: 4 for, 1 imod, 1 undlader');
    });

    it('also finds a request that was already recorded, unless told to look only after a mark', async () => {
      await post(connector, THREAD, { type: 'message', text: 'early' });
      await expect(connector.waitForPost((p) => p.text === 'early')).resolves.toMatchObject({ conversationId: THREAD });
      const mark = connector.mark();
      const later = connector.waitForPost((p) => p.text === 'early', { since: mark });
      await post(connector, THREAD, { type: 'message', text: 'early' });
      expect((await later).seq).toBe(mark);
    });

    it('rejects after the timeout, listing what was received', async () => {
      await post(connector, THREAD, { type: 'message', text: 'Dagsorden for mødet' });
      await call(connector, 'PUT', `/v3/conversations/${enc(THREAD)}/activities/123`, { type: 'message', text: 'Opdateret kort' });
      const error = await connector.waitFor((r) => r.route === 'getConversationMember', { timeoutMs: 200 }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error!.message).toContain('nothing matched within 200 ms');
      expect(error!.message).toContain('2 request(s)');
      expect(error!.message).toContain('sendToConversation');
      expect(error!.message).toContain('Dagsorden for mødet');
      expect(error!.message).toContain('updateActivity');
      expect(error!.message).toContain('Opdateret kort');
    });

    it('says so when nothing at all was received', async () => {
      await expect(connector.waitFor(() => true, { timeoutMs: 50 })).rejects.toThrow(/no requests at all/);
    });

    it('rejects when the predicate throws', async () => {
      await post(connector, THREAD, { type: 'message' });
      await expect(
        connector.waitFor(() => {
          throw new Error('bad predicate');
        }),
      ).rejects.toThrow('bad predicate');
    });

    it('waitForUpdate resolves on a PUT only', async () => {
      const waiting = connector.waitForUpdate((u) => u.id === '555');
      await post(connector, THREAD, { type: 'message', text: 'x' });
      await call(connector, 'PUT', `/v3/conversations/${enc(THREAD)}/activities/555`, { type: 'message', text: 'y' });
      await expect(waiting).resolves.toMatchObject({ id: '555', text: 'y', conversationId: THREAD });
    });
  });

  describe('failNext', () => {
    it('answers 429 with Retry-After, then 201 again', async () => {
      connector.failNext(1, 429, { 'Retry-After': '0' });
      const first = await post(connector, THREAD, { type: 'message', text: 'retry me' });
      expect(first.status).toBe(429);
      expect(first.headers.get('retry-after')).toBe('0');
      const second = await post(connector, THREAD, { type: 'message', text: 'retry me' });
      expect(second.status).toBe(201);

      expect(connector.requests.map((r) => [r.status, r.failed])).toEqual([
        [429, true],
        [201, false],
      ]);
      expect(connector.posts()).toHaveLength(1);
      expect(connector.posts()[0]!.id).toBe((second.json as { id: string }).id);
    });

    it('fails n activity POST/PUTs with 500, not reads, and queues calls', async () => {
      connector.failNext(2, 500);
      connector.failNext(1, 503);
      expect((await call(connector, 'GET', `/v3/conversations/${enc(THREAD)}/members/${enc(people.anne.id)}`)).status).toBe(200);
      expect((await post(connector, THREAD, { type: 'message' })).status).toBe(500);
      expect((await call(connector, 'PUT', `/v3/conversations/${enc(THREAD)}/activities/1`, { type: 'message' })).status).toBe(500);
      expect((await post(connector, THREAD, { type: 'message' })).status).toBe(503);
      expect((await post(connector, THREAD, { type: 'message' })).status).toBe(201);
      expect(connector.updates()).toHaveLength(0);
      expect(connector.posts()).toHaveLength(1);
    });

  });

  it('setResponseDelay: records a post when it arrives and answers it late, like a slow Teams', async () => {
    connector.setResponseDelay(300);
    const started = Date.now();
    let answered = false;
    const answer = post(connector, THREAD, { type: 'message', text: 'slow' }).then((r) => {
      answered = true;
      return r;
    });
    const seen = await connector.waitForPost((p) => p.text === 'slow');
    expect(answered).toBe(false);
    const res = await answer;
    expect(res.status).toBe(201);
    expect((res.json as { id: string }).id).toBe(seen.id);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    connector.setResponseDelay(0);
    const quick = Date.now();
    await post(connector, THREAD, { type: 'message', text: 'quick' });
    expect(Date.now() - quick).toBeLessThan(250);
    expect(() => connector.setResponseDelay(-1)).toThrow(/ms must be >= 0/);
  });

});

describe('textOf', () => {
  const card = {
    type: 'AdaptiveCard',
    version: '1.5',
    refresh: { action: { type: 'Action.Execute', verb: 'vote.refresh', title: 'Opdater' }, userIds: ['29:anne'] },
    body: [
      { type: 'TextBlock', text: 'Afstemning: Budget 2027' },
      {
        type: 'Container',
        items: [
          { type: 'FactSet', facts: [{ title: 'FOB', value: 'For (Anne Andersen)' }, { title: 'KOM', value: 'Imod' }] },
          { type: 'ColumnSet', columns: [{ type: 'Column', items: [{ type: 'TextBlock', text: 'Frist: 10-12-2026' }] }] },
          { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Udsendt for sent' }] },
        ],
      },
    ],
    actions: [{ type: 'Action.Execute', title: 'Luk afstemning', verb: 'vote.close', data: { motionId: 'm-1' } }],
  };
  const activity = {
    type: 'message',
    text: 'Ny afstemning',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };

  it('flattens the text and the card’s TextBlocks, FactSets and TextRuns', () => {
    const text = textOf(activity);
    expect(text.split('\n')).toEqual([
      'Ny afstemning',
      'Afstemning: Budget 2027',
      'FOB: For (Anne Andersen)',
      'KOM: Imod',
      'Frist: 10-12-2026',
      'Udsendt for sent',
    ]);
    expect(text).not.toContain('m-1');
    expect(text).not.toContain('Luk afstemning');
    expect(text).not.toContain('Opdater');
  });

  it('includes button titles when asked', () => {
    expect(textOf(activity, { actions: true })).toContain('Luk afstemning');
  });

  it('reads invoke responses, bare cards and { status, body } answers', () => {
    expect(textOf({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card })).toContain('KOM: Imod');
    expect(textOf({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Afstemningen er lukket' })).toBe(
      'Afstemningen er lukket',
    );
    expect(textOf(card)).toContain('Afstemning: Budget 2027');
    expect(textOf({ status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'ok' } })).toBe('ok');
  });
});

describe('activity builders', () => {
  const serviceUrl = 'http://127.0.0.1:1';
  const demo = parse(readFileSync(DEMO_CONFIG_PATH, 'utf8')) as {
    board: { tenantId: string };
    people: { name: string; aadObjectId: string; organisation?: string; roles: string[] }[];
  };

  it('take the tenant and the people from config/demo.yaml', () => {
    expect(TENANT_ID).toBe(demo.board.tenantId);
    const expected: Record<Exclude<PersonKey, 'stranger'>, [string, string | undefined, string]> = {
      anne: ['Anne Andersen', 'FOB', 'chair'],
      karsten: ['Karsten Kjær', 'KOM', 'chair'],
      birgitte: ['Birgitte Bach', 'SB', 'member'],
      henrik: ['Henrik Holm', 'SAB', 'member'],
      mette: ['Mette Møller', 'SBS', 'member'],
      lars: ['Lars Lund', 'BK', 'member'],
      soeren: ['Søren Skov', 'SB', 'member'],
      pia: ['Pia Poulsen', undefined, 'secretary'],
      gustav: ['Gustav Grøn', undefined, 'guest'],
    };
    for (const [key, [name, organisation, role]] of Object.entries(expected)) {
      const p = people[key as PersonKey];
      const inYaml = demo.people.find((x) => x.name === name)!;
      expect(p).toMatchObject({ id: `29:${key}`, name, aadObjectId: inYaml.aadObjectId });
      expect(p.organisation).toBe(organisation);
      expect(p.roles).toContain(role);
    }
    expect(people.stranger.id).toBe('29:stranger');
    expect(demo.people.map((p) => p.aadObjectId)).not.toContain(people.stranger.aadObjectId);
  });

  it('channelMessage: a mention of the bot in a board-channel thread, with tenant and team', () => {
    const a = channelMessage(serviceUrl, people.anne, 'afstemning 3');
    expect(a).toMatchObject({
      type: 'message',
      channelId: 'msteams',
      serviceUrl,
      locale: 'da-DK',
      recipient: BOT,
      from: { id: '29:anne', name: 'Anne Andersen', aadObjectId: people.anne.aadObjectId },
      text: '<at>Bestyrelsesbot</at> afstemning 3',
      entities: [{ type: 'mention', text: BOT_MENTION, mentioned: { id: BOT.id, name: BOT.name } }],
      conversation: { conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
      channelData: {
        tenant: { id: TENANT_ID },
        team: { id: TEAM_ID },
        channel: { id: CHANNEL_ID },
        teamsChannelId: CHANNEL_ID,
        teamsTeamId: TEAM_ID,
      },
    });
    expect(a.conversation.id).toMatch(/^19:board-channel@thread\.tacv2;messageid=\d{13}$/);
    expect(a.from).not.toHaveProperty('roles');
    expect(Number.isNaN(Date.parse(a.timestamp))).toBe(false);
  });

  it('channelMessage: fresh ids, and the id and tenant overrides', () => {
    const ids = new Set(Array.from({ length: 50 }, () => channelMessage(serviceUrl, people.lars, 'x').id));
    expect(ids.size).toBe(50);
    const foreign = channelMessage(serviceUrl, people.stranger, 'hjælp', { tenantId: FOREIGN_TENANT_ID, id: 'dup-1' });
    expect(foreign.id).toBe('dup-1');
    expect(foreign.conversation.tenantId).toBe(FOREIGN_TENANT_ID);
    expect(foreign.channelData?.tenant?.id).toBe(FOREIGN_TENANT_ID);
    const again = channelMessage(serviceUrl, people.stranger, 'hjælp', { tenantId: FOREIGN_TENANT_ID, id: 'dup-1' });
    expect(again.id).toBe(foreign.id);
  });

  it('channelMessage: can write in an existing thread', () => {
    const root = channelMessage(serviceUrl, people.anne, 'x');
    const inThread = channelMessage(serviceUrl, people.pia, 'y', { conversationId: root.conversation.id });
    expect(inThread.conversation.id).toBe(root.conversation.id);
    expect(inThread.replyToId).toBe(root.id);
  });

  it('personalMessage: the 1:1 chat, no mention', () => {
    const a = personalMessage(serviceUrl, people.birgitte, 'møder');
    expect(a).toMatchObject({
      type: 'message',
      text: 'møder',
      conversation: { id: 'a:1:birgitte', conversationType: 'personal', tenantId: TENANT_ID },
      channelData: { tenant: { id: TENANT_ID } },
      from: { aadObjectId: people.birgitte.aadObjectId },
      recipient: BOT,
    });
    expect(a.entities).toEqual([]);
  });

  it('cardAction: an adaptiveCard/action invoke on the card’s message', () => {
    const a = cardAction(serviceUrl, people.henrik, 'vote.cast', { motionId: 'm-1', choice: 'for' }, { replyToId: '1732633945123' });
    expect(a).toMatchObject({
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: '1732633945123',
      value: { action: { type: 'Action.Execute', verb: 'vote.cast', data: { motionId: 'm-1', choice: 'for' } }, trigger: 'manual' },
      conversation: { id: `${CHANNEL_ID};messageid=1732633945123`, conversationType: 'channel', tenantId: TENANT_ID },
      channelData: { tenant: { id: TENANT_ID }, team: { id: TEAM_ID }, channel: { id: CHANNEL_ID } },
      from: { id: '29:henrik', aadObjectId: people.henrik.aadObjectId },
      recipient: BOT,
      channelId: 'msteams',
      locale: 'da-DK',
    });
    const inThread = cardAction(serviceUrl, people.henrik, 'vote.close', { motionId: 'm-1' }, {
      replyToId: '1732633945999',
      conversationId: THREAD,
      tenantId: FOREIGN_TENANT_ID,
      id: 'inv-1',
    });
    expect(inThread).toMatchObject({ id: 'inv-1', conversation: { id: THREAD, tenantId: FOREIGN_TENANT_ID } });
    expect(cardAction(serviceUrl, people.henrik, 'x', {}).id).not.toBe(cardAction(serviceUrl, people.henrik, 'x', {}).id);
  });

  it('botInstalled and installationUpdate: the bot added to the team, the board channel selected', () => {
    const a = botInstalled(serviceUrl, people.pia);
    expect(a).toMatchObject({
      type: 'conversationUpdate',
      membersAdded: [{ id: BOT.id }],
      conversation: { id: TEAM_ID, conversationType: 'channel', tenantId: TENANT_ID },
      from: { id: '29:pia', aadObjectId: people.pia.aadObjectId },
      recipient: BOT,
      channelData: {
        eventType: 'teamMemberAdded',
        tenant: { id: TENANT_ID },
        team: { id: TEAM_ID, name: 'Boligsocial bestyrelse' },
        settings: { selectedChannel: { id: CHANNEL_ID } },
      },
    });
    const b = installationUpdate(serviceUrl, people.anne);
    expect(b).toMatchObject({
      type: 'installationUpdate',
      action: 'add',
      conversation: { id: TEAM_ID },
      channelData: { tenant: { id: TENANT_ID }, team: { id: TEAM_ID }, settings: { selectedChannel: { id: CHANNEL_ID } } },
    });
  });
});

describe('bot process runner (against a stand-in server, not the bot)', () => {
  const entry = 'test/support/stand-in-bot.ts';
  let connector: FakeConnector;
  const saved = { BOT_ID: process.env.BOT_ID, NODE_ENV: process.env.NODE_ENV };

  beforeAll(async () => {
    connector = await startFakeConnector();
  });
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  afterAll(async () => {
    await cleanupBots();
    await connector.close();
  });

  it('starts on a free port with a clean environment, relays replies to the connector, restarts and dies', async () => {
    process.env.BOT_ID = 'must-not-leak';
    process.env.NODE_ENV = 'production';
    const bot = await startBot({ entry, clockStart: '2026-11-30T08:00:00Z', env: { EXTRA: 'yes' } });
    expect(bot.url).toBe(`http://127.0.0.1:${bot.port}`);

    const health = await bot.get('/healthz');
    expect(health.status).toBe(200);
    expect(health.body.env).toMatchObject({
      PORT: String(bot.port),
      DATA_DIR: bot.dataDir,
      CLOCK_START: '2026-11-30T08:00:00Z',
      SCHEDULER_CRON: NO_TICK_CRON,
      LOG_LEVEL: 'warn',
      EXTRA: 'yes',
      BOT_ID: null,
      NODE_ENV: null,
      DATABASE_URL: null,
    });

    const message = channelMessage(connector.url, people.anne, 'hjælp');
    const sent = await bot.send(message);
    expect(sent.status).toBe(200);
    const reply = await connector.waitForPost((p) => textOf(p).includes('echo:'));
    expect(reply).toMatchObject({ conversationId: message.conversation.id, replyToId: message.id });
    expect(textOf(reply)).toBe('echo: <at>Bestyrelsesbot</at> hjælp');

    const invoke = await bot.send(cardAction(connector.url, people.anne, 'vote.cast', { motionId: 'm', choice: 'for' }));
    expect(invoke.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'ok' });
    expect(bot.logs().map((l) => l.type)).toEqual(['message', 'invoke']);

    const later = await bot.restart({ clockStart: '2026-12-05T08:00:00Z' });
    expect((await bot.exited).code).toBe(0);
    expect(bot.output().stdout).toContain('SIGTERM');
    expect(later.dataDir).toBe(bot.dataDir);
    expect((await later.get('/healthz')).body.env).toMatchObject({ CLOCK_START: '2026-12-05T08:00:00Z', EXTRA: 'yes' });

    await expect(later.kill()).resolves.toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('rejects with stderr when the process exits before it is ready', async () => {
    await expect(startBot({ entry, env: { STAND_IN_FAIL: 'BOARD_CONFIG: people.0.roles is invalid' } })).rejects.toThrow(
      /exited before it was ready \(code 3[\s\S]*people\.0\.roles is invalid/,
    );
  });

  it('runBotExpectingExit returns the exit code and output', async () => {
    const result = await runBotExpectingExit({ STAND_IN_FAIL: 'PORT must be a number' }, { entry });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('PORT must be a number');
  });

  it('runBotExpectingExit rejects when the process comes up instead', async () => {
    await expect(runBotExpectingExit({}, { entry })).rejects.toThrow(/expected the bot .* to exit/);
  });
});
