import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLAIM_LEASE_MS } from '../../../../src/store/claims.js';
import { UPDATE_INTERVAL_MS } from '../../../../src/store/ports/queues.js';
import type { Store } from '../../../../src/store/port.js';
import { openSqliteStore } from '../../../../src/store/sqlite.js';
import { openMigratedSqliteStore } from '../../../support/sqlite-image.js';
import {
  type ConnectorClientPort,
  MAX_ATTEMPTS,
  OutboxSender,
  RETRY_FOR_MS,
  SEND_TIMEOUT_MS,
  backoffMs,
  isRetryable,
} from '../../../../src/teams/outbox/sender.js';

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
  store = await openMigratedSqliteStore({ file: ':memory:' });
  await store.migrate();
  now = new Date('2026-12-01T08:00:00Z');
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  await store.close();
});

/** A promise and its resolve, to hold a send until the test lets it go (or never). */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

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

  it('R6, R13: a reminder that waited in the outbox to its moment (staleAt) is not sent but marked failed, in one line of the log; one still of use, and any other post, is sent', async () => {
    const { port, calls } = fakeConnector();
    const lines: string[] = [];
    const logged = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const sender = new OutboxSender(store, port, clock, logged);
    await store.enqueueOutbox({ key: 'past', kind: 'send', conversation: channel('c'), activity: { text: 'i morgen' }, dueAt: now, staleAt: now });
    await store.enqueueOutbox({ key: 'ahead', kind: 'send', conversation: channel('c'), activity: { text: 'om en time' }, dueAt: now, staleAt: new Date(now.getTime() + 1) });
    await store.enqueueOutbox({ key: 'agenda', kind: 'send', conversation: channel('c'), activity: { text: 'dagsorden' }, dueAt: now });
    await sender.flush();
    expect(calls.map((c) => c.text)).toEqual(['om en time', 'dagsorden']);
    expect(await store.getOutbox('past')).toMatchObject({ status: 'failed', lastError: `dropped: its moment passed at ${now.toISOString()}` });
    expect(lines.map((l) => JSON.parse(l) as { msg: string; key: string })).toEqual([expect.objectContaining({ msg: 'reminder not sent: its moment has passed', key: 'past' })]);
    // An update of the copy it carried is given up with it, not retried.
    await store.enqueueOutbox({ key: 'past-update', kind: 'update', updatesKey: 'past', conversation: channel('c'), activity: { text: 'kort' }, dueAt: now });
    await sender.flush();
    expect(calls).toHaveLength(2);
    expect(await store.getOutbox('past-update')).toMatchObject({ status: 'failed' });
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

  it('keeps retrying through an outage of Teams of hours, and gives up only after a week of failures', async () => {
    // Teams answers 503 for over three hours (60 attempts: 4.4 hours of backoff, at least 3.3 with
    // the jitter; ten attempts used to give up after 8.5 minutes): the post is sent after it.
    const outage = Array.from({ length: 60 }, () => 503);
    const { port, calls } = fakeConnector([...outage]);
    const sender = new OutboxSender(store, port, clock, log);
    const start = now;
    await store.enqueueOutbox({ key: 'k', kind: 'send', conversation: channel('c'), activity: { text: 'Vedtaget' }, dueAt: now });
    for (let attempt = 1; attempt <= outage.length; attempt++) {
      await sender.flush();
      const entry = await store.getOutbox('k');
      expect(entry).toMatchObject({ status: 'pending', attempts: attempt });
      now = entry!.dueAt;
    }
    expect(now.getTime() - start.getTime()).toBeGreaterThan(3 * 3_600_000);
    await sender.flush();
    expect(calls).toEqual([{ op: 'send', conversation: 'c', text: 'Vedtaget' }]);
    expect(await store.getOutbox('k')).toMatchObject({ status: 'sent' });
    await sender.stop();
    // The attempts cover a week of backoff, not more.
    let waited = 0;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) waited += backoffMs(attempt, () => 0.5);
    expect(waited).toBeLessThanOrEqual(RETRY_FOR_MS);
    expect(waited + backoffMs(MAX_ATTEMPTS, () => 0.5)).toBeGreaterThan(RETRY_FOR_MS);
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

  describe('a reply in the thread of a post not sent yet (R13: the day-before reminder caught up with its agenda)', () => {
    const fallback = { conversation: channel('c'), activity: { text: 'as a new post' } };

    it('waits for that post and goes into its thread, even when queued first', async () => {
      const { port, calls } = fakeConnector([503]);
      const sender = new OutboxSender(store, port, clock, log);
      await store.enqueueOutbox({ key: 'agenda', kind: 'send', conversation: channel('c'), activity: { text: 'agenda' }, dueAt: now });
      await store.enqueueOutbox({ key: 'reminder', kind: 'send', repliesToKey: 'agenda', conversation: channel('c'), activity: { text: 'reminder' }, dueAt: now, fallback });
      await sender.flush(); // the agenda's send fails (503, retried later); the reply waits for it
      expect(calls).toEqual([]);
      expect(await store.getOutbox('reminder')).toMatchObject({ status: 'pending', lastError: 'waiting for the message it replies to' });
      now = new Date(now.getTime() + 60_000);
      await sender.flush();
      await sender.stop();
      expect(calls).toEqual([
        { op: 'send', conversation: 'c', text: 'agenda' },
        { op: 'send', conversation: 'c;messageid=msg-1', text: 'reminder' },
      ]);
    });

    it('is sent as its fallback (a new post) when that post failed for good, or was never queued', async () => {
      const { port, calls } = fakeConnector([403]);
      const sender = new OutboxSender(store, port, clock, log);
      await store.enqueueOutbox({ key: 'agenda', kind: 'send', conversation: channel('c'), activity: { text: 'agenda' }, dueAt: now });
      await store.enqueueOutbox({ key: 'reminder', kind: 'send', repliesToKey: 'agenda', conversation: channel('c'), activity: { text: 'reminder' }, dueAt: now, fallback });
      await store.enqueueOutbox({ key: 'orphan', kind: 'send', repliesToKey: 'nothing', conversation: channel('c'), activity: { text: 'orphan' }, dueAt: now, fallback });
      await sender.flush();
      await sender.stop();
      expect(calls).toEqual([
        { op: 'send', conversation: 'c', text: 'as a new post' },
        { op: 'send', conversation: 'c', text: 'as a new post' },
      ]);
      expect(await store.getOutbox('agenda')).toMatchObject({ status: 'failed' });
      expect(await store.getOutbox('reminder')).toMatchObject({ status: 'sent', lastError: 'the message it replies to was never posted' });
      expect(await store.getOutbox('reminder')).not.toHaveProperty('repliesToKey');
    });

    it('without a fallback, is given up when that post failed for good', async () => {
      const { port, calls } = fakeConnector([403]);
      const sender = new OutboxSender(store, port, clock, log);
      await store.enqueueOutbox({ key: 'agenda', kind: 'send', conversation: channel('c'), activity: { text: 'agenda' }, dueAt: now });
      await store.enqueueOutbox({ key: 'notice', kind: 'send', repliesToKey: 'agenda', conversation: channel('c'), activity: { text: 'notice' }, dueAt: now });
      await sender.flush();
      expect(calls).toEqual([]);
      expect(await store.getOutbox('notice')).toMatchObject({ status: 'failed', lastError: 'the message it replies to was never posted' });
    });
  });

  it('claims one entry per send: a kill -9 mid-batch leaves only the post in flight, which the next process sends again with the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-outbox-'));
    const file = join(dir, 'bot.db');
    try {
      const first = await openSqliteStore({ file });
      await first.migrate();
      for (let i = 1; i <= 5; i++) {
        await first.enqueueOutbox({ key: `agenda-${i}`, kind: 'send', conversation: channel('c'), activity: { text: `dagsorden ${i}` }, dueAt: now });
      }
      // The first process posts agenda 1, then dies while agenda 2 is on its way (Teams got it; no answer came back).
      const arrived: string[] = [];
      const inFlight = gate();
      const dying: ConnectorClientPort = {
        async send(_conversation, activity) {
          arrived.push(String(activity.text));
          if (arrived.length === 2) {
            inFlight.open();
            await new Promise<never>(() => undefined);
          }
          return `msg-${arrived.length}`;
        },
        update: async () => undefined,
      };
      // The dead process's send never gets its answer; a minute later (SEND_TIMEOUT_MS) its
      // timeout finds the store closed. That failure belongs to the dead process: it must not
      // surface as an unhandled rejection in whatever file this worker runs by then.
      void new OutboxSender(first, dying, clock, log).flush().catch(() => undefined);
      await inFlight.promise;
      await first.close();

      const second = await openSqliteStore({ file });
      try {
        const { port, calls } = fakeConnector();
        await new OutboxSender(second, port, clock, log).flush();
        expect(arrived).toEqual(['dagsorden 1', 'dagsorden 2']);
        expect(calls.map((c) => c.text)).toEqual(['dagsorden 2', 'dagsorden 3', 'dagsorden 4', 'dagsorden 5']);
        for (let i = 1; i <= 5; i++) expect((await second.getOutbox(`agenda-${i}`))?.status).toBe('sent');
        expect(await second.getOutbox('agenda-2')).toMatchObject({ attempts: 2, sentActivityId: 'msg-1' });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('treats a send with no answer within SEND_TIMEOUT_MS as failed, and retries it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const hung = gate();
    const sending = gate();
    const port: ConnectorClientPort = {
      send: async () => {
        sending.open();
        await hung.promise;
        return 'late';
      },
      update: async () => undefined,
    };
    await store.enqueueOutbox({ key: 'k', kind: 'send', conversation: channel('c'), activity: { text: 'hej' }, dueAt: now });
    const flushed = new OutboxSender(store, port, clock, log).flush();
    // The claim is answered after its commit (a later turn of the event loop): the send's timer starts then.
    await sending.promise;
    await vi.advanceTimersByTimeAsync(SEND_TIMEOUT_MS);
    await flushed;
    expect(await store.getOutbox('k')).toMatchObject({ status: 'pending', attempts: 1, lastError: `no answer from the Bot Connector within ${SEND_TIMEOUT_MS} ms` });
    hung.open();
    // A live sender's claim is never taken over while it waits for an answer.
    expect(SEND_TIMEOUT_MS).toBeLessThan(CLAIM_LEASE_MS);
  });

  it('the last flush before a stop ends within its budget when the Bot Connector does not answer: the post stays in the store for the next start', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const sending = gate();
    const port: ConnectorClientPort = {
      send: async () => {
        sending.open();
        return new Promise<string>(() => undefined); // never answers
      },
      update: async () => undefined,
    };
    await store.enqueueOutbox({ key: 'k', kind: 'send', conversation: channel('c'), activity: { text: 'hej' }, dueAt: now });
    const sender = new OutboxSender(store, port, clock, log);
    let finished = false;
    const finishing = sender.finish(2000).then(() => (finished = true));
    await sending.promise;
    await vi.advanceTimersByTimeAsync(1999);
    expect(finished).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await finishing;
    expect(sender.timedOut).toBe(true);
    await sender.stop(); // does not wait for the send that hangs
    expect((await store.getOutbox('k'))?.status).not.toBe('sent');
  });

  it('a stop\'s budget counts from its beginning: a flush under way (a tick\'s) with a send that hangs ends by then, its entry left for the next start', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const sending = gate();
    let sends = 0;
    const port: ConnectorClientPort = {
      send: async () => {
        sends++;
        sending.open();
        return new Promise<string>(() => undefined); // never answers
      },
      update: async () => undefined,
    };
    for (const key of ['k1', 'k2', 'k3']) await store.enqueueOutbox({ key, kind: 'send', conversation: channel('c'), activity: { text: key }, dueAt: now });
    const sender = new OutboxSender(store, port, clock, log);
    let flushed = false;
    const flushing = sender.flush().then(() => (flushed = true));
    await sending.promise;
    sender.beginStop(2000);
    await vi.advanceTimersByTimeAsync(1999);
    expect(flushed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await flushing;
    await sender.finish(); // the time is up: nothing more is claimed
    await sender.stop();
    expect(sends).toBe(1);
    for (const key of ['k1', 'k2', 'k3']) expect((await store.getOutbox(key))?.status, key).not.toBe('sent');
    expect((await store.getOutbox('k1'))?.attempts ?? 0).toBeLessThanOrEqual(1);
  });

  describe('a card is updated at most once per UPDATE_INTERVAL_MS', () => {
    /**
     * The injected clock and the fake timers move together, as time does; then what a timer
     * set going runs to its end (the store answers in later turns of the event loop: group
     * commit), without the test calling flush().
     */
    async function pass(ms: number): Promise<void> {
      now = new Date(now.getTime() + ms);
      await vi.advanceTimersByTimeAsync(ms);
      for (let turn = 0; turn < 100; turn++) await new Promise((resolve) => setImmediate(resolve));
    }
    const update = (text: string) =>
      store.enqueueOutbox({ key: 'card-update', kind: 'update', updatesKey: 'card', conversation: channel('c'), activity: { text }, dueAt: now });
    /** A sender that posted the card (v0) and sent its update v1 just now; v2 is committed, held back. */
    async function withHeldUpdate() {
      const { port, calls } = fakeConnector();
      const sender = new OutboxSender(store, port, clock, log);
      await sender.flush();
      await update('v1');
      await sender.flush();
      await update('v2');
      return { sender, calls };
    }

    beforeEach(async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      await store.enqueueOutbox({ key: 'card', kind: 'send', conversation: channel('c'), activity: { text: 'v0' }, dueAt: now });
    });

    it('ten updates within a second: the first at once, the newest when the second has passed, by the sender’s own timer', async () => {
      const { port, calls } = fakeConnector();
      const sender = new OutboxSender(store, port, clock, log);
      await sender.flush();
      // Each commit is followed by a flush, as the app does; none after the last.
      for (let i = 1; i <= 10; i++) {
        await update(`v${i}`);
        await sender.flush();
        await pass(90);
      }
      const updates = () => calls.filter((c) => c.op === 'update').map((c) => c.text);
      expect(updates()).toEqual(['v1']);
      await pass(UPDATE_INTERVAL_MS);
      expect(updates()).toEqual(['v1', 'v10']);
      expect(await store.getOutbox('card-update')).toMatchObject({ status: 'sent', activity: { text: 'v10' } });
      await pass(10 * UPDATE_INTERVAL_MS);
      expect(calls).toHaveLength(3); // the post and two updates: nothing more
      await sender.stop();
    });

    it('the last flush before a stop (finish) sends a held update at once: a stopped bot leaves no card behind its votes', async () => {
      const { sender, calls } = await withHeldUpdate();
      await sender.flush();
      expect(calls.map((c) => c.text)).toEqual(['v0', 'v1']);
      await sender.finish();
      expect(calls.map((c) => c.text)).toEqual(['v0', 'v1', 'v2']);
      expect(await store.getOutbox('card-update')).toMatchObject({ status: 'sent', activity: { text: 'v2' } });
      await sender.stop();
    });

    it('a new post is never held back, and the first update after a quiet second goes at once', async () => {
      const { sender, calls } = await withHeldUpdate();
      await store.enqueueOutbox({ key: 'other', kind: 'send', conversation: channel('c'), activity: { text: 'ny' }, dueAt: now });
      await sender.flush();
      expect(calls.map((c) => c.text)).toEqual(['v0', 'v1', 'ny']);
      await pass(UPDATE_INTERVAL_MS + 20);
      expect(calls.map((c) => c.text)).toEqual(['v0', 'v1', 'ny', 'v2']);
      await pass(5 * UPDATE_INTERVAL_MS);
      await update('v3');
      await sender.flush();
      expect(calls.map((c) => c.text)).toEqual(['v0', 'v1', 'ny', 'v2', 'v3']);
      await sender.stop();
    });

    it('a change that queued only updates of a card this process sent within the second flushes nothing: the wake-up sends the newest (no claim per vote)', async () => {
      const { sender, calls } = await withHeldUpdate();
      await sender.updated(['card-update']); // v2's commit: v1 went just now, so nothing is claimed, and the wake-up is armed
      const claims = vi.spyOn(store, 'claimOutbox');
      await pass(300);
      await update('v3');
      await sender.updated(['card-update']);
      await pass(100);
      await update('v4');
      await sender.updated(['card-update']);
      expect(claims).not.toHaveBeenCalled();
      expect(calls.map((c) => c.text)).toEqual(['v0', 'v1']);
      await pass(UPDATE_INTERVAL_MS - 400 + 20); // the wake-up: the newest state, a second after v1 was sent
      expect(calls.map((c) => c.text)).toEqual(['v0', 'v1', 'v4']);
      // Another card's update is not held: it goes at once.
      await store.enqueueOutbox({ key: 'other', kind: 'send', conversation: channel('c'), activity: { text: 'w0' }, dueAt: now });
      await sender.flush();
      claims.mockClear();
      await store.enqueueOutbox({ key: 'other-update', kind: 'update', updatesKey: 'other', conversation: channel('c'), activity: { text: 'w1' }, dueAt: now });
      await sender.updated(['other-update']);
      expect(claims).toHaveBeenCalled();
      expect(calls.map((c) => c.text)).toEqual(['v0', 'v1', 'v4', 'w0', 'w1']);
      // Once the card's second has passed, its next update goes at once too.
      await pass(5 * UPDATE_INTERVAL_MS);
      await update('v5');
      await sender.updated(['card-update']);
      expect(calls.map((c) => c.text)).toEqual(['v0', 'v1', 'v4', 'w0', 'w1', 'v5']);
      await sender.stop();
    });

    it('wakes for an update another instance sent last, within UPDATE_INTERVAL_MS of its commit, and stop() drops the wake', async () => {
      const a = fakeConnector();
      const b = fakeConnector();
      const instanceA = new OutboxSender(store, a.port, clock, log);
      const instanceB = new OutboxSender(store, b.port, clock, log);
      await instanceA.flush();
      await update('v1');
      await instanceA.flush();
      await instanceA.stop(); // A goes away (a rolling deploy) before the card's second has passed
      await pass(300);
      await update('v2'); // committed on B, whose flush finds it held
      await instanceB.flush();
      expect(b.calls).toEqual([]);
      await pass(UPDATE_INTERVAL_MS - 300 + 20); // A's second has passed, B has not woken yet
      expect(b.calls).toEqual([]);
      await pass(300);
      expect(b.calls).toEqual([{ op: 'update', conversation: 'c', activityId: 'msg-1', text: 'v2' }]);

      await update('v3');
      await instanceB.flush();
      await instanceB.stop();
      await pass(10 * UPDATE_INTERVAL_MS);
      expect(b.calls.map((c) => c.text)).toEqual(['v2']);
      expect(await store.getOutbox('card-update')).toMatchObject({ status: 'pending', activity: { text: 'v3' } });
    });
    it('a wake-up that finds the card held again (another instance sent it meanwhile) asks the store, and wakes when that second ends', async () => {
      const a = fakeConnector();
      const b = fakeConnector();
      const c = fakeConnector();
      const instanceA = new OutboxSender(store, a.port, clock, log);
      await instanceA.flush(); // the card is posted
      await update('v1');
      await instanceA.flush(); // and updated
      await instanceA.stop();
      await pass(100);
      const instanceB = new OutboxSender(store, b.port, clock, log);
      await instanceB.flush(); // after a commit of its own: nothing to send; it wakes a second later
      await pass(UPDATE_INTERVAL_MS - 100 + 50);
      await update('v2');
      const instanceC = new OutboxSender(store, c.port, clock, log);
      await instanceC.flush(); // C sends v2: the card's second had passed
      await instanceC.stop();
      await pass(10);
      await update('v3'); // held: C claimed the card 10 ms ago
      await pass(60); // B wakes: v3 is held, so it asks when it may go
      expect(b.calls).toEqual([]);
      await pass(UPDATE_INTERVAL_MS - 70 + 20);
      expect(b.calls.map((call) => call.text)).toEqual(['v3']);
      expect(c.calls.map((call) => call.text)).toEqual(['v2']);
      await instanceB.stop();
    });
  });

  it('once stopped, sends nothing more: a waiting retry is dropped, and its entry stays pending for the next start', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { port, calls } = fakeConnector([503]);
    const sender = new OutboxSender(store, port, clock, log);
    await store.enqueueOutbox({ key: 'k', kind: 'send', conversation: channel('c'), activity: { text: 'hej' }, dueAt: now });
    await sender.flush();
    expect(await store.getOutbox('k')).toMatchObject({ status: 'pending', attempts: 1 });
    await sender.stop();
    now = new Date(now.getTime() + 600_000);
    await vi.advanceTimersByTimeAsync(600_000);
    await sender.flush();
    expect(calls).toEqual([]);
    expect(await store.getOutbox('k')).toMatchObject({ status: 'pending', attempts: 1 });
  });
});
