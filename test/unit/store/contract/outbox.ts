/** Store contract: The outbox: queuing, claiming, sending at least once. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/store/port.js';
import { UPDATE_INTERVAL_MS } from '../../../../src/store/ports/queues.js';
import { LEASE, at, conversation, post } from './data.js';
import type { ContractHarness } from './harness.js';

export function outboxContract(h: ContractHarness): void {
  let store: Store;
  beforeEach(() => {
    store = h.store;
  });

  describe('outbox', () => {
    it('queues a post and reads it back', async () => {
      await store.enqueueOutbox(post('vote.opened:m1'));
      const read = await store.getOutbox('vote.opened:m1');
      expect(read).toEqual({
        boardId: store.boardId,
        id: expect.any(Number),
        key: 'vote.opened:m1',
        kind: 'send',
        conversation,
        activity: { type: 'message', text: 'vote.opened:m1' },
        dueAt: at(0),
        status: 'pending',
        attempts: 0,
      });
      for (const absent of ['updatesKey', 'lastError', 'sentActivityId', 'sentAt']) expect(read).not.toHaveProperty(absent);
      expect(await store.getOutbox('nope')).toBeUndefined();
    });

    it('R6, R13: a reminder\'s post keeps its moment (staleAt), claimed with it; other posts have none', async () => {
      await store.enqueueOutbox(post('reminder', { staleAt: at(60) }));
      await store.enqueueOutbox(post('agenda'));
      expect(await store.getOutbox('reminder')).toMatchObject({ staleAt: at(60), status: 'pending' });
      expect(await store.getOutbox('agenda')).not.toHaveProperty('staleAt');
      const claimed = await store.claimOutbox(at(0), 10);
      expect(claimed.map((e) => [e.key, e.staleAt])).toEqual([
        ['reminder', at(60)],
        ['agenda', undefined],
      ]);
    });

    it('R6, R13: endReminders brings forward the moment of a reminder\'s posts not sent yet (its key, and key:…), only forward, never another subject\'s nor a post without a moment', async () => {
      const r = 'vote.reminder:m1';
      await store.enqueueOutbox(post(`${r}:channel`, { staleAt: at(60) }));
      await store.enqueueOutbox(post(`${r}:to:p1`, { staleAt: at(60) }));
      await store.enqueueOutbox(post(r, { staleAt: at(60) }));
      await store.enqueueOutbox(post(`${r}:early`, { staleAt: at(5) }));
      await store.enqueueOutbox(post(`${r}:sent`, { staleAt: at(60) }));
      await store.enqueueOutbox(post('vote.reminder:m10:channel', { staleAt: at(60) }));
      await store.enqueueOutbox(post('vote.reminder:m1x:channel', { staleAt: at(60) }));
      await store.enqueueOutbox(post(`${r}:agenda-like`));
      const [sent] = (await store.claimOutbox(at(0), 10)).filter((e) => e.key === `${r}:sent`);
      await store.markOutboxSent(sent!.id, at(0), 'msg');
      // What was claimed beside it is being sent: still brought forward (if that send fails, the next claim drops it).
      await store.endReminders(r, at(10));
      const staleAt = async (key: string) => (await store.getOutbox(key))?.staleAt;
      for (const key of [`${r}:channel`, `${r}:to:p1`, r]) expect(await staleAt(key), key).toEqual(at(10));
      expect(await staleAt(`${r}:early`)).toEqual(at(5));
      expect(await staleAt(`${r}:sent`)).toEqual(at(60));
      expect(await staleAt('vote.reminder:m10:channel')).toEqual(at(60));
      expect(await staleAt('vote.reminder:m1x:channel')).toEqual(at(60));
      expect(await staleAt(`${r}:agenda-like`)).toBeUndefined();
    });

    it('sends at most once per key: a second send with the key is ignored, before and after sending', async () => {
      await store.enqueueOutbox(post('k', { activity: { text: 'first' } }));
      await store.enqueueOutbox(post('k', { activity: { text: 'second' } }));
      expect(await store.getOutbox('k')).toMatchObject({ activity: { text: 'first' }, status: 'pending' });

      const claimed = await store.claimOutbox(at(0), 10);
      expect(claimed).toHaveLength(1);
      await store.markOutboxSent(claimed[0]!.id, at(1), 'msg-1');
      await store.enqueueOutbox(post('k', { activity: { text: 'third' } }));
      expect(await store.getOutbox('k')).toMatchObject({ activity: { text: 'first' }, status: 'sent' });
      expect(await store.claimOutbox(at(100), 10)).toEqual([]);
    });

    it('posts a card anew elsewhere (the board moved): as given, behind what is queued; the old post stays under another key', async () => {
      await store.enqueueOutbox(post('card', { activity: { text: 'v1' }, repliesToKey: 'parent' }));
      const [sent] = await store.claimOutbox(at(0), 10);
      await store.markOutboxSent(sent!.id, at(1), 'msg-1');
      await store.enqueueOutbox(post('welcome', { dueAt: at(4) }));
      const elsewhere = { ...conversation, conversation: { id: 'elsewhere' } };

      expect(await store.repostOutbox('card', elsewhere, { text: 'v3' }, at(4))).toEqual({ left: `card:left:${sent!.id}` });
      const again = await store.getOutbox('card');
      expect(again).toMatchObject({ kind: 'send', conversation: elsewhere, activity: { text: 'v3' }, repliesToKey: 'parent', status: 'pending', attempts: 0, dueAt: at(4) });
      expect(again).not.toHaveProperty('sentActivityId');
      // The old post, where it was: an update under its new key reaches it.
      expect(await store.getOutbox(`card:left:${sent!.id}`)).toMatchObject({ id: sent!.id, conversation, activity: { text: 'v1' }, status: 'sent', sentActivityId: 'msg-1' });
      // Behind the welcome queued before it, in posting order.
      expect((await store.claimOutbox(at(4), 10)).map((e) => e.key)).toEqual(['welcome', 'card']);
      // A card never queued is not posted by a move.
      expect(await store.repostOutbox('never-queued', elsewhere, { text: 'x' }, at(5))).toBe(false);
      expect(await store.getOutbox('never-queued')).toBeUndefined();
    });

    it('posts anew a card whose first post never went out: only the new one is sent', async () => {
      await store.enqueueOutbox(post('card', { activity: { text: 'v1' } }));
      const elsewhere = { ...conversation, conversation: { id: 'elsewhere' } };
      expect(await store.repostOutbox('card', elsewhere, { text: 'v2' }, at(1))).toEqual({});
      expect((await store.claimOutbox(at(1), 10)).map((e) => [e.key, e.conversation])).toEqual([['card', elsewhere]]);
    });

    it('replaces an update with the latest state and sends it again', async () => {
      const update = (text: string, dueAt: Date) =>
        post('card:m1', { kind: 'update', updatesKey: 'vote.opened:m1', activity: { text }, dueAt });
      await store.enqueueOutbox(update('v1', at(0)));
      const [first] = await store.claimOutbox(at(0), 10);
      expect(first).toMatchObject({ kind: 'update', updatesKey: 'vote.opened:m1', activity: { text: 'v1' } });
      await store.markOutboxSent(first!.id, at(1));

      await store.enqueueOutbox(update('v2', at(2)));
      const rearmed = await store.getOutbox('card:m1');
      expect(rearmed).toMatchObject({ id: first!.id, status: 'pending', attempts: 0, activity: { text: 'v2' }, dueAt: at(2) });
      expect(await store.claimOutbox(at(1), 10)).toEqual([]);
      const [second] = await store.claimOutbox(at(2), 10);
      expect(second).toMatchObject({ id: first!.id, activity: { text: 'v2' }, status: 'sending', attempts: 1 });
    });

    it('holds a card update back for UPDATE_INTERVAL_MS after it was sent, then sends the newest; a send is always claimable', async () => {
      const t = at(0);
      const plus = (ms: number) => new Date(t.getTime() + ms);
      const update = (n: number, dueAt: Date) => post('card-update', { kind: 'update', updatesKey: 'card', activity: { n }, dueAt });
      await store.enqueueOutbox(update(1, t));
      const [first] = await store.claimOutbox(t, 10);
      expect(first).toMatchObject({ activity: { n: 1 } });
      await store.markOutboxSent(first!.id, t, 'msg-1');
      expect(await store.heldOutboxUntil(t)).toBeUndefined(); // sent, nothing pending

      await store.enqueueOutbox(update(2, plus(200)));
      await store.enqueueOutbox(update(3, plus(400)));
      expect(await store.claimOutbox(plus(400), 10)).toEqual([]);
      expect(await store.heldOutboxUntil(plus(400))).toEqual(plus(UPDATE_INTERVAL_MS));
      // A new post is never held back, not even beside a held update.
      await store.enqueueOutbox(post('other', { dueAt: plus(500) }));
      expect((await store.claimOutbox(plus(500), 10)).map((e) => e.key)).toEqual(['other']);
      expect(await store.claimOutbox(plus(UPDATE_INTERVAL_MS - 1), 10)).toEqual([]);
      const [second] = await store.claimOutbox(plus(UPDATE_INTERVAL_MS), 10);
      expect(second).toMatchObject({ id: first!.id, activity: { n: 3 }, status: 'sending' });
      expect(await store.heldOutboxUntil(plus(UPDATE_INTERVAL_MS))).toBeUndefined();
    });

    it('holds an update re-armed while it was being sent for the interval from that claim; a failed update retries at its backoff', async () => {
      const t = at(0);
      const plus = (ms: number) => new Date(t.getTime() + ms);
      await store.enqueueOutbox(post('u', { kind: 'update', activity: { n: 1 } }));
      const [claimed] = await store.claimOutbox(t, 10);
      await store.enqueueOutbox(post('u', { kind: 'update', activity: { n: 2 }, dueAt: plus(100) }));
      await store.markOutboxSent(claimed!.id, plus(300), 'msg-1'); // ignored: re-armed
      expect(await store.claimOutbox(plus(UPDATE_INTERVAL_MS - 1), 10)).toEqual([]);
      expect(await store.heldOutboxUntil(plus(300))).toEqual(plus(UPDATE_INTERVAL_MS));
      const [again] = await store.claimOutbox(plus(UPDATE_INTERVAL_MS), 10);
      expect(again).toMatchObject({ activity: { n: 2 }, attempts: 1 });

      // Its send failed (429): back to pending at its retry time, which alone decides.
      await store.markOutboxFailed(again!.id, 'HTTP 429', plus(UPDATE_INTERVAL_MS + 500));
      expect(await store.heldOutboxUntil(plus(UPDATE_INTERVAL_MS + 499))).toBeUndefined();
      expect(await store.claimOutbox(plus(UPDATE_INTERVAL_MS + 499), 10)).toEqual([]);
      expect(await store.claimOutbox(plus(UPDATE_INTERVAL_MS + 500), 10)).toMatchObject([{ key: 'u', attempts: 2 }]);
    });

    it('replaces a pending update before it is sent', async () => {
      await store.enqueueOutbox(post('u', { kind: 'update', activity: { n: 1 } }));
      await store.enqueueOutbox(post('u', { kind: 'update', activity: { n: 2 }, conversation: { other: true } }));
      const claimed = await store.claimOutbox(at(0), 10);
      expect(claimed).toHaveLength(1);
      expect(claimed[0]).toMatchObject({ activity: { n: 2 }, conversation: { other: true } });
    });

    it('queues several updates in one call as one by one: each new, or replacing the pending one under its key; never re-arming a send; read back together', async () => {
      await store.enqueueOutbox(post('u1', { kind: 'update', activity: { n: 1 } }));
      await store.enqueueOutbox(post('s1', { activity: { text: 'a send' } }));
      await store.enqueueOutboxUpdates([
        post('u1', { kind: 'update', updatesKey: 'c1', activity: { n: 2 } }),
        post('u2', { kind: 'update', updatesKey: 'c2', activity: { n: 3 } }),
        post('s1', { kind: 'update', activity: { n: 4 } }),
      ]);
      await store.enqueueOutboxUpdates([]);
      const read = await store.getOutboxes(['u1', 'u2', 's1', 'nope']);
      expect(read.map((e) => e.key).sort()).toEqual(['s1', 'u1', 'u2']);
      const byKey = new Map(read.map((e) => [e.key, e]));
      expect(byKey.get('u1')).toMatchObject({ kind: 'update', updatesKey: 'c1', activity: { n: 2 }, status: 'pending' });
      expect(byKey.get('u2')).toMatchObject({ kind: 'update', updatesKey: 'c2', activity: { n: 3 }, status: 'pending', attempts: 0 });
      expect(byKey.get('s1')).toMatchObject({ kind: 'send', activity: { text: 'a send' } });
      expect(await store.getOutboxes([])).toEqual([]);
    });

    it('keeps an update re-armed while it was being sent pending: the stale send’s result is ignored', async () => {
      await store.enqueueOutbox(post('u', { kind: 'update', activity: { n: 1 } }));
      const [claimed] = await store.claimOutbox(at(0), 10);
      await store.enqueueOutbox(post('u', { kind: 'update', activity: { n: 2 } }));
      await store.markOutboxSent(claimed!.id, at(1), 'msg-1');
      expect(await store.getOutbox('u')).toMatchObject({ status: 'pending', activity: { n: 2 } });
      await store.markOutboxFailed(claimed!.id, 'late failure');
      expect(await store.getOutbox('u')).toMatchObject({ status: 'pending', activity: { n: 2 } });
    });

    it('a reply that failed for good becomes its fallback (a new post), once; an entry without one is not rerouted', async () => {
      const fallback = { conversation: { channel: true }, activity: { text: 'as a new post' } };
      await store.enqueueOutbox(post('reply', { conversation: { thread: true }, fallback }));
      await store.enqueueOutbox(post('plain'));
      expect(await store.getOutbox('reply')).toMatchObject({ fallback });
      const [reply, plain] = await store.claimOutbox(at(0), 10);
      expect(await store.rerouteOutbox(plain!.id, 'gone', at(1))).toBe(false);
      expect(await store.getOutbox('plain')).toMatchObject({ status: 'sending' });
      expect(await store.rerouteOutbox(reply!.id, 'Conversation not found', at(1))).toBe(true);
      const rerouted = await store.getOutbox('reply');
      expect(rerouted).toMatchObject({ status: 'pending', attempts: 0, conversation: { channel: true }, activity: { text: 'as a new post' }, dueAt: at(1), lastError: 'Conversation not found' });
      expect(rerouted).not.toHaveProperty('fallback');
      const [again] = await store.claimOutbox(at(1), 10);
      expect(again).toMatchObject({ key: 'reply', conversation: { channel: true } });
      expect(await store.rerouteOutbox(again!.id, 'gone again', at(2))).toBe(false);
    });

    it('a reply names the post it replies to (repliesToKey); rerouted to its fallback, it is a reply no more', async () => {
      const fallback = { conversation: { channel: true }, activity: { text: 'as a new post' } };
      await store.enqueueOutbox(post('agenda'));
      await store.enqueueOutbox(post('reminder', { repliesToKey: 'agenda', fallback }));
      const read = await store.getOutbox('reminder');
      expect(read).toMatchObject({ kind: 'send', repliesToKey: 'agenda', fallback });
      expect(read).not.toHaveProperty('updatesKey');
      const [, reminder] = await store.claimOutbox(at(0), 10);
      expect(await store.rerouteOutbox(reminder!.id, 'the message it replies to was never posted', at(1))).toBe(true);
      expect(await store.getOutbox('reminder')).not.toHaveProperty('repliesToKey');
    });

    it('claims due entries in posting order, up to the limit', async () => {
      await store.enqueueOutbox(post('p1', { dueAt: at(5) }));
      await store.enqueueOutbox(post('p2', { dueAt: at(1) }));
      await store.enqueueOutbox(post('p3', { dueAt: at(3) }));
      await store.enqueueOutbox(post('future', { dueAt: at(60) }));

      const first = await store.claimOutbox(at(5), 2);
      expect(first.map((e) => e.key)).toEqual(['p1', 'p2']);
      for (const e of first) expect(e).toMatchObject({ status: 'sending', attempts: 1 });
      expect((await store.claimOutbox(at(5), 10)).map((e) => e.key)).toEqual(['p3']);
      expect(await store.claimOutbox(at(6), 10)).toEqual([]);
      expect(await store.claimOutbox(at(60), 0)).toEqual([]);
    });

    it('records a sent post with its Teams message id', async () => {
      await store.enqueueOutbox(post('k'));
      const [claimed] = await store.claimOutbox(at(0), 10);
      await store.markOutboxSent(claimed!.id, at(1), '1700000000000');
      expect(await store.getOutbox('k')).toEqual({
        boardId: store.boardId,
        ...post('k'),
        id: claimed!.id,
        status: 'sent',
        attempts: 1,
        sentActivityId: '1700000000000',
        sentAt: at(1),
      });
      expect(await store.claimOutbox(at(100), 10)).toEqual([]);
    });

    it('retries a failed post at its retry time, or gives up without one', async () => {
      await store.enqueueOutbox(post('retry'));
      await store.enqueueOutbox(post('give-up'));
      const claimed = await store.claimOutbox(at(0), 10);
      expect(claimed.map((e) => e.key)).toEqual(['retry', 'give-up']);
      await store.markOutboxFailed(claimed[0]!.id, 'throttled', at(3));
      await store.markOutboxFailed(claimed[1]!.id, 'forbidden');

      expect(await store.getOutbox('retry')).toMatchObject({ status: 'pending', dueAt: at(3), lastError: 'throttled' });
      expect(await store.getOutbox('give-up')).toMatchObject({ status: 'failed', lastError: 'forbidden' });
      expect(await store.claimOutbox(at(2), 10)).toEqual([]);
      const [again] = await store.claimOutbox(at(3), 10);
      expect(again).toMatchObject({ key: 'retry', status: 'sending', attempts: 2 });
    });

    it('sends a post again, send or update, once its claim’s lease ran out (at least once), not sooner', async () => {
      await store.enqueueOutbox(post('send'));
      await store.enqueueOutbox(post('update', { kind: 'update' }));
      expect(await store.claimOutbox(at(0), 10)).toHaveLength(2);

      // The claimer lives and its lease holds: nothing happens.
      expect(await store.claimOutbox(at(LEASE), 10)).toEqual([]);
      expect((await store.getOutbox('send'))?.status).toBe('sending');

      const reclaimed = await store.claimOutbox(at(LEASE + 1), 10);
      expect(reclaimed.map((e) => e.key)).toEqual(['send', 'update']);
      for (const entry of reclaimed) expect(entry).toMatchObject({ status: 'sending', attempts: 2 });
      expect(await store.claimOutbox(at(LEASE + 2), 10)).toEqual([]); // claimed again at LEASE + 1: a new lease
    });

    it('records a send that completes after its claim was taken over', async () => {
      await store.enqueueOutbox(post('send'));
      const [claimed] = await store.claimOutbox(at(0), 10);
      await store.claimOutbox(at(LEASE + 1), 10);
      await store.markOutboxSent(claimed!.id, at(LEASE + 2), 'msg-late');
      expect(await store.getOutbox('send')).toMatchObject({ status: 'sent', sentActivityId: 'msg-late', sentAt: at(LEASE + 2) });
    });

    it.skipIf(!h.reopen)('gives the post in flight at a crash to the next process at once, before the rest, and loses none', async () => {
      for (const key of ['p1', 'p2', 'p3']) await store.enqueueOutbox(post(key));
      await store.enqueueOutbox(post('u', { kind: 'update', updatesKey: 'p1' }));
      const [first] = await store.claimOutbox(at(0), 1);
      await store.markOutboxSent(first!.id, at(0), 'msg-1');
      const [inFlight] = await store.claimOutbox(at(0), 1);
      expect(inFlight?.key).toBe('p2');
      await store.close(); // as a kill -9 while p2 was being sent
      store = await h.reopen!();

      // The same instant: no waiting for a lease. p2 first, then what was never claimed.
      const sent: string[] = [];
      for (let entry = (await store.claimOutbox(at(0), 1))[0]; entry; entry = (await store.claimOutbox(at(0), 1))[0]) {
        sent.push(`${entry.key}#${entry.attempts}`);
        await store.markOutboxSent(entry.id, at(1), `msg-${entry.key}`);
      }
      expect(sent).toEqual(['p2#2', 'p3#1', 'u#1']);
      for (const key of ['p1', 'p2', 'p3', 'u']) expect((await store.getOutbox(key))?.status).toBe('sent');
    });

    it('never gives the same entry to two concurrent claimers', async () => {
      for (let i = 0; i < 7; i++) await store.enqueueOutbox(post(`k${i}`));
      const [a, b, c] = await Promise.all([
        store.claimOutbox(at(0), 3),
        store.claimOutbox(at(0), 3),
        store.claimOutbox(at(0), 3),
      ]);
      const ids = [...a!, ...b!, ...c!].map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(7);
    });
  });
}
