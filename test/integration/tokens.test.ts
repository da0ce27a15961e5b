/**
 * Tokens (PRODUCT §3 HTTP, docs/teams.md: Hosting and auth): with credentials the bot
 * checks every request's token as for the real channel — issuer, audience, service URL,
 * a signature by a key the channel's OpenID document publishes (endorsed for msteams),
 * its time window. Here the document is local (BOT_OPENID_METADATA_URL), so the real
 * check runs offline: a valid token is accepted and its vote stored; every bad or
 * missing token is 401 with a generic body, and stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TeamsActivity, botInstalled, cardAction, channelMessage, people } from '../support/activities.js';
import { type Harness, startHarness } from '../support/app-harness.js';
import { freePort } from '../support/bot-process.js';
import { type CardJson, votesOn } from '../support/cards.js';
import { type FakeConnector, startFakeConnector } from '../support/fake-connector.js';
import { outboxSettled, rowsOf, storeSnapshot } from '../support/store-snapshot.js';
import { type TokenIssuer, startTokenIssuer } from '../support/token-issuer.js';

const APP_ID = '11111111-1111-4111-8111-111111111111';
const CARD = 'application/vnd.microsoft.card.adaptive';

let connector: FakeConnector;
let issuer: TokenIssuer;
let bot: Harness;

beforeAll(async () => {
  connector = await startFakeConnector();
  issuer = await startTokenIssuer({ appId: APP_ID, serviceUrl: connector.url });
  bot = await startHarness({
    clockStart: '2026-12-01T09:00:00+01:00',
    store: 'file',
    connector,
    auth: { BOT_ID: APP_ID, BOT_PASSWORD: 'not-a-secret', BOT_TENANT_ID: '22222222-2222-4222-8222-222222222222', BOT_OPENID_METADATA_URL: issuer.metadataUrl },
  });
});

afterAll(async () => {
  await bot?.close();
  await connector?.close();
  await issuer?.close();
});

async function post(activity: unknown, authorization?: string): Promise<{ status: number; text: string; json: any }> {
  const res = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization !== undefined ? { authorization } : {}) },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

const bearer = async () => `Bearer ${await issuer.sign({})}`;
let motionId = '';

describe('a valid token', () => {
  it('is accepted: the install binds the channel, the chair opens a vote, and a member\'s vote is stored and answered (R5)', async () => {
    expect((await post(botInstalled(connector.url, people.anne), await bearer())).status).toBe(200);
    await connector.waitForPost((p) => connector.textOf(p).includes('Goddag'));

    const since = connector.mark();
    expect((await post(channelMessage(connector.url, people.anne, 'afstemning Skal vi købe en ny printer?'), await bearer())).status).toBe(200);
    const post1 = await connector.waitForPost((p) => connector.textOf(p).includes('ny printer'), { since });
    const card = post1.attachments?.find((a: { contentType: string }) => a.contentType === CARD)?.content as CardJson;
    motionId = card.actions!.find((a) => a.verb === 'vote.cast').data.motionId;

    const res = await post(cardAction(connector.url, people.birgitte, 'vote.cast', { motionId, choice: 'for' }), await bearer());
    expect(res.status).toBe(200);
    expect(res.json.type).toBe(CARD);
    expect(votesOn(res.json.value)['Slagelse Boligselskab']).toMatch(/For/);
    expect(rowsOf(bot.dataDir!, 'ballots')).toEqual([expect.objectContaining({ motion_id: motionId, organisation_id: 'SB', choice: 'for' })]);
    // The outgoing post reached the (local) channel: the vote card's update.
    await connector.waitForUpdate((u) => JSON.stringify(u).includes('Birgitte'));
    await bot.app.settled();
    await outboxSettled(bot.dataDir!);
  });
});

describe('a bad or missing token is 401 with a generic body, and nothing is stored', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, () => Promise<string | undefined>][] = [
    ['no Authorization header', async () => undefined],
    ['an empty Authorization header', async () => ''],
    ['not a Bearer token', async () => `Basic ${Buffer.from('a:b').toString('base64')}`],
    ['a forged signature (another key, the published key id)', async () => `Bearer ${await issuer.sign({}, { key: 'other' })}`],
    ['an expired token', async () => `Bearer ${await issuer.sign({ nbf: now() - 7200, iat: now() - 7200, exp: now() - 3600 })}`],
    ['a token not valid before an hour from now', async () => `Bearer ${await issuer.sign({ nbf: now() + 3600 })}`],
    ['the wrong audience', async () => `Bearer ${await issuer.sign({ aud: '99999999-9999-4999-8999-999999999999' })}`],
    ['the wrong issuer', async () => `Bearer ${await issuer.sign({ iss: 'https://evil.example' })}`],
    ['an unknown key id', async () => `Bearer ${await issuer.sign({}, { kid: 'no-such-key' })}`],
    ['alg: none', async () => `Bearer ${issuer.unsigned({})}`],
    ['HS256 keyed with the public key', async () => `Bearer ${await issuer.signHs256WithPublicKey({})}`],
    ['another service URL than the activity\'s', async () => `Bearer ${await issuer.sign({ serviceurl: 'https://smba.trafficmanager.net/emea/' })}`],
    ['garbage', async () => 'Bearer not.a.token'],
  ];

  for (const [name, authorization] of cases) {
    it(name, async () => {
      const before = storeSnapshot(bot.dataDir!);
      const vote = cardAction(connector.url, people.henrik, 'vote.cast', { motionId, choice: 'against' });
      const message: TeamsActivity = channelMessage(connector.url, people.anne, 'afstemning Forfalsket forslag');
      for (const activity of [vote, message]) {
        const res = await post(activity, await authorization());
        expect(res.status).toBe(401);
        expect(res.json).toEqual({ error: 'unauthorized' });
        expect(res.text).not.toMatch(/token|signature|issuer|audience|expired|key|claim|jwt|Unauthorized\./i);
      }
      expect(storeSnapshot(bot.dataDir!)).toEqual(before);
    });
  }

  it('none of them reached the vote or the channel', async () => {
    expect(rowsOf(bot.dataDir!, 'ballots')).toHaveLength(1);
    expect(connector.posts().some((p) => connector.textOf(p).includes('Forfalsket'))).toBe(false);
  });
});

describe('when the channel\'s keys cannot be fetched', () => {
  it('a request is 503 with a generic body (the bot\'s trouble, not the client\'s), and nothing is stored', async () => {
    const port = await freePort(); // nothing listens there
    const lonely = await startHarness({
      clockStart: '2026-12-01T09:00:00+01:00',
      store: 'file',
      connector,
      auth: { BOT_ID: APP_ID, BOT_PASSWORD: 'not-a-secret', BOT_TENANT_ID: '22222222-2222-4222-8222-222222222222', BOT_OPENID_METADATA_URL: `http://127.0.0.1:${port}/openid` },
    });
    const before = storeSnapshot(lonely.dataDir!);
    const res = await fetch(`${lonely.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await bearer() },
      body: JSON.stringify(channelMessage(connector.url, people.anne, 'hjælp')),
    });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: 'unavailable' });
    expect(storeSnapshot(lonely.dataDir!)).toEqual(before);
    await lonely.close();
  });
});
