/**
 * Nothing a client sends gets a 5xx (PRODUCT §3 HTTP): a malformed body is 400 with a
 * generic body, an activity the bot has no use for is answered or ignored, an odd invoke
 * gets a clean answer — and none of it stores anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TeamsActivity, cardAction, channelMessage, people } from '../support/activities.js';
import type { Harness } from '../support/app-harness.js';
import { startInstalledBoard } from '../support/conversation.js';
import type { FakeConnector } from '../support/fake-connector.js';
import { outboxSettled, storeSnapshot } from '../support/store-snapshot.js';

const MESSAGE = 'application/vnd.microsoft.activity.message';

let connector: FakeConnector;
let bot: Harness;
let before: ReturnType<typeof storeSnapshot>;

beforeAll(async () => {
  ({ connector, bot } = await startInstalledBoard('2026-12-01T09:00:00+01:00', { store: 'file' }));
  await bot.app.settled();
  await outboxSettled(bot.dataDir!);
  before = storeSnapshot(bot.dataDir!);
});

afterAll(async () => {
  await bot?.close();
});

async function raw(body: string | Uint8Array, contentType = 'application/json'): Promise<{ status: number; text: string }> {
  const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: res.status, text: await res.text() };
}

const valid = () => channelMessage(connector.url, people.stranger, 'hjælp');

describe('a malformed body is 400 with a generic body', () => {
  const cases: [string, () => string | Uint8Array, string?][] = [
    ['not JSON', () => '{"type": "message",'],
    ['an empty body', () => ''],
    ['JSON null', () => 'null'],
    ['a JSON string', () => '"message"'],
    ['{}', () => '{}'],
    ['{"type":42}', () => '{"type":42}'],
    ['an empty type', () => JSON.stringify({ ...valid(), type: '' })],
    ['an array', () => '[]'],
    ['an array holding an activity', () => JSON.stringify([valid()])],
    ['no conversation', () => JSON.stringify({ ...valid(), conversation: undefined })],
    ['a conversation id that is a number', () => JSON.stringify({ ...valid(), conversation: { id: 7 } })],
    ['no from', () => JSON.stringify({ ...valid(), from: undefined })],
    ['a serviceUrl that is not a URL', () => JSON.stringify({ ...valid(), serviceUrl: 'nowhere' })],
    ['a timestamp that is not a date', () => JSON.stringify({ ...valid(), timestamp: 'yesterday' })],
    ['text that is an object', () => JSON.stringify({ ...valid(), text: { a: 1 } })],
    ['entities that are not a list', () => JSON.stringify({ ...valid(), entities: 'mention' })],
    ['an entity without a type', () => JSON.stringify({ ...valid(), entities: [{ text: 'x' }] })],
    ['a mention that names nobody', () => JSON.stringify({ ...valid(), entities: [{ type: 'mention', text: '<at>Bot</at>' }] })],
    ['a message with a mention but no text', () => JSON.stringify({ ...valid(), text: undefined })],
    ['a tenant id that is a number', () => JSON.stringify({ ...valid(), channelData: { tenant: { id: 42 } } })],
    ['a conversation name that is an object', () => JSON.stringify({ ...valid(), conversation: { ...valid().conversation, name: { a: 1 } } })],
    ['the wrong content type', () => JSON.stringify(valid()), 'text/plain'],
    ['a form', () => 'type=message&text=hj%C3%A6lp', 'application/x-www-form-urlencoded'],
    ['invalid UTF-8', () => new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
  ];
  for (const [name, body, contentType] of cases) {
    it(name, async () => {
      const res = await raw(body(), contentType);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text)).toEqual({ error: 'bad request' });
    });
  }

  it('a body over the limit (2 MB) is 413 with a generic body', async () => {
    const res = await raw(JSON.stringify({ ...valid(), text: 'x'.repeat(2_000_000) }));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text)).toEqual({ error: 'too large' });
  });
});

describe('activities the bot has no use for are answered or ignored', () => {
  const shapes: [string, () => TeamsActivity][] = [
    ['an unknown activity type', () => ({ ...valid(), type: 'somethingNew' })],
    ['a typing indicator', () => ({ ...valid(), type: 'typing', text: undefined })],
    ['a message reaction', () => ({ ...valid(), type: 'messageReaction', reactionsAdded: [{ type: 'like' }] })],
    ['an event', () => ({ ...valid(), type: 'event', name: 'application/vnd.microsoft.meetingStart', value: null })],
    ['a conversation update with no members', () => ({ ...valid(), type: 'conversationUpdate', text: undefined })],
  ];
  for (const [name, activity] of shapes) {
    it(name, async () => {
      const res = await bot.send(activity());
      expect([200, 202]).toContain(res.status);
    });
  }
});

describe('an odd invoke gets a clean answer, never 500 or 501', () => {
  const press = (value: unknown) => ({ ...cardAction(connector.url, people.birgitte, 'vote.cast', {}), value });
  const cases: [string, () => TeamsActivity][] = [
    ['adaptiveCard/action with value null', () => press(null)],
    ['adaptiveCard/action with no action', () => press({ trigger: 'manual' })],
    ['adaptiveCard/action with an action that is a string', () => press({ action: 'vote.cast' })],
    ['adaptiveCard/action with no verb', () => press({ action: { type: 'Action.Execute', data: {} } })],
    ['a verb with a newline', () => press({ action: { type: 'Action.Execute', verb: 'vote.cast\nvote.close', data: {} } })],
    ['a verb that is a number', () => press({ action: { type: 'Action.Execute', verb: 42, data: {} } })],
    ['Action.Submit instead of Action.Execute', () => press({ action: { type: 'Action.Submit', verb: 'vote.cast', data: {} } })],
  ];
  for (const [name, activity] of cases) {
    it(`${name}: the card's answer says why`, async () => {
      const res = await bot.send(activity());
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ statusCode: 200, type: MESSAGE });
      expect(res.body.value).toMatch(/\S/);
    });
  }

  for (const name of ['composeExtension/query', 'task/fetch', 'signin/verifyState', 'no/such/invoke', '']) {
    it(`an invoke named "${name}" is answered 200`, async () => {
      const res = await bot.send({ ...cardAction(connector.url, people.birgitte, 'vote.cast', {}), name, value: { commandId: 'x' } });
      expect(res.status).toBe(200);
    });
  }

  it('an invoke with no name is answered 200', async () => {
    const res = await bot.send({ ...cardAction(connector.url, people.birgitte, 'vote.cast', {}), name: undefined });
    expect(res.status).toBe(200);
  });
});

describe('ids in channelData that are not text count as no id (found by the fuzzer)', () => {
  const odd = (activity: TeamsActivity, channelData: Record<string, unknown>): TeamsActivity => ({
    ...activity,
    channelData: { ...(activity.channelData as object), ...channelData },
  });
  const cases: [string, () => TeamsActivity][] = [
    ['a channel id that is a list', () => odd(channelMessage(connector.url, people.anne, 'status'), { channel: { id: ['19:a', '19:b'] } })],
    ['a team id that is an object', () => odd(channelMessage(connector.url, people.anne, 'status'), { team: { id: { id: 'x' } } })],
    ['a tenant id that is a number', () => odd(channelMessage(connector.url, people.anne, 'status'), { tenant: { id: 42 } })],
    ['a card press with a channel id that is a list', () => odd(cardAction(connector.url, people.anne, 'vote.refresh', { motionId: 'x' }), { channel: { id: ['19:a'] } })],
  ];
  for (const [name, activity] of cases) {
    it(`${name}: answered (or refused as a bad body), and no turn fails`, async () => {
      const logged = bot.logs().length;
      const res = await bot.send(activity());
      await bot.app.settled();
      expect(res.status).toBeLessThan(500);
      expect(bot.logs().slice(logged).filter((l) => Number(l.level) >= 50).map((l) => String(l.msg))).toEqual([]);
    });
  }
});

describe('and none of it stored anything', () => {
  it('the store is as it was', async () => {
    await bot.app.settled();
    await outboxSettled(bot.dataDir!);
    expect(storeSnapshot(bot.dataDir!)).toEqual(before);
  });
});
