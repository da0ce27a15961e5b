import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/port.js';
import { openSqliteStore } from '../../../src/store/sqlite-store.js';
import { type ConnectorClientPort, MAX_ATTEMPTS, OutboxSender, backoffMs, isRetryable } from '../../../src/teams/outbox-sender.js';

let store: Store;
let now: Date;
const clock = () => now;
const log = pino({ level: 'silent' });
const channel = (id: string) => ({ conversation: { id } });

/** A connector that records calls and fails as told. */
function fakeConnector(failures: (number | 'network')[] = []) {
  const calls: { op: 'send' | 'update'; conversation: string; activityId?: string; text?: string }[] = [];
  let n = 0;
  const maybeFail = () => {
    const f = failures.shift();
    if (f === 'network') throw new Error('ECONNRESET');
    if (typeof f === 'number') throw Object.assign(new Error(`HTTP ${f}`), { statusCode: f });
  };
  const port: ConnectorClientPort = {
    async send(conversation, activity) {
      maybeFail();
      calls.push({ op: 'send', conversation: conversation.conversation!.id, text: activity.text });
      return `msg-${++n}`;
    },
    async update(conversation, activityId, activity) {
      maybeFail();
      calls.push({ op: 'update', conversation: conversation.conversation!.id, activityId, text: activity.text });
    },
  };
  return { port, calls };
}

beforeEach(async () => {
  store = await openSqliteStore({ file: ':memory:' });
  await store.migrate();
  now = new Date('2026-12-01T08:00:00Z');
});
afterEach(async () => {
  await store.close();
});

describe('the outbox sender (PRODUCT §4)', () => {
  it('sends each entry once per key and records the message id', async () => {
    const { port, calls } = fakeConnector();
    const sender = new OutboxSender(store, port, clock, log);
    await store.enqueueOutbox({ key: 'k', kind: 'send', conversation: channel('c'), activity: { text: 'hej' }, dueAt: now });
    await store.enqueueOutbox({ key: 'k', kind: 'send', conversation: channel('c'), activity: { text: 'igen' }, dueAt: now });
    await sender.flush();
    await sender.flush();
    expect(calls).toEqual([{ op: 'send', conversation: 'c', text: 'hej' }]);
    expect(await store.getOutbox('k')).toMatchObject({ status: 'sent', sentActivityId: 'msg-1' });
  });

  it('retries 429, 5xx and network failures with backoff, and gives up on other errors', async () => {
    expect(isRetryable(Object.assign(new Error(), { statusCode: 429 }))).toBe(true);
    expect(isRetryable(Object.assign(new Error(), { statusCode: 503 }))).toBe(true);
    expect(isRetryable(new Error('ECONNRESET'))).toBe(true);
    expect(isRetryable(Object.assign(new Error(), { statusCode: 403 }))).toBe(false);

    const { port, calls } = fakeConnector([429, 'network']);
    const sender = new OutboxSender(store, port, clock, log);
    await store.enqueueOutbox({ key: 'k', kind: 'send', conversation: channel('c'), activity: { text: 'hej' }, dueAt: now });
    await sender.flush();
    let entry = await store.getOutbox('k');
    expect(entry).toMatchObject({ status: 'pending', attempts: 1 });
    now = entry!.dueAt;
    await sender.flush();
    entry = await store.getOutbox('k');
    expect(entry).toMatchObject({ status: 'pending', attempts: 2 });
    now = entry!.dueAt;
    await sender.flush();
    expect(calls).toHaveLength(1);
    expect(await store.getOutbox('k')).toMatchObject({ status: 'sent' });

    const forbidden = fakeConnector([403]);
    await store.enqueueOutbox({ key: 'f', kind: 'send', conversation: channel('c'), activity: { text: 'nej' }, dueAt: now });
    await new OutboxSender(store, forbidden.port, clock, log).flush();
    expect(await store.getOutbox('f')).toMatchObject({ status: 'failed', lastError: 'HTTP 403' });
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffMs(1, () => 0.5)).toBe(1000);
    expect(backoffMs(3, () => 0.5)).toBe(4000);
    expect(backoffMs(30, () => 0.5)).toBe(300_000);
    expect(backoffMs(2, () => 0)).toBe(1500);
    expect(backoffMs(2, () => 1)).toBe(2500);
    expect(MAX_ATTEMPTS).toBeGreaterThan(3);
  });

  it('updates a card where it was posted, after it was posted, with the latest state only', async () => {
    const { port, calls } = fakeConnector();
    const sender = new OutboxSender(store, port, clock, log);
    await store.enqueueOutbox({ key: 'card', kind: 'send', conversation: channel('old'), activity: { text: 'v1' }, dueAt: now });
    await store.enqueueOutbox({ key: 'card-update', kind: 'update', updatesKey: 'card', conversation: channel('new'), activity: { text: 'v2' }, dueAt: now });
    await store.enqueueOutbox({ key: 'card-update', kind: 'update', updatesKey: 'card', conversation: channel('new'), activity: { text: 'v3' }, dueAt: now });
    await sender.flush();
    expect(calls).toEqual([
      { op: 'send', conversation: 'old', text: 'v1' },
      { op: 'update', conversation: 'old', activityId: 'msg-1', text: 'v3' },
    ]);
  });

  it('an update whose card was never posted is given up', async () => {
    const { port, calls } = fakeConnector([403]);
    const sender = new OutboxSender(store, port, clock, log);
    await store.enqueueOutbox({ key: 'card', kind: 'send', conversation: channel('c'), activity: { text: 'v1' }, dueAt: now });
    await store.enqueueOutbox({ key: 'card-update', kind: 'update', updatesKey: 'card', conversation: channel('c'), activity: { text: 'v2' }, dueAt: now });
    await sender.flush();
    expect(calls).toEqual([]);
    expect(await store.getOutbox('card-update')).toMatchObject({ status: 'failed', lastError: 'the message it updates was never posted' });
  });
});
