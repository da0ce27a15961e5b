/**
 * Sends what the outbox holds (PRODUCT §4): a failed send (429, 412, 5xx, network, no answer within
 * SEND_TIMEOUT_MS) is retried with exponential backoff and jitter; other failures are final and
 * logged. One flush runs at a time in a process; claims are atomic across processes.
 *
 * A committed post is never lost: entries are claimed one at a time, so a kill -9 leaves only the post
 * in flight uncertain, and the store gives a claim whose process is gone to the next claimer
 * (store/claims.ts), which sends it again. At least once per key; a crash may make that one post arrive twice.
 *
 * A card's update is held back for a second after its last send began (the store's
 * UPDATE_INTERVAL_MS: the votes of that second coalesce in its row). A flush that ends
 * with nothing claimable arms one wake-up UPDATE_INTERVAL_MS later: whatever it found
 * held was claimed before now, so it may go by then. The newest state thus goes out about
 * a second after the change even if nothing else happens; it does not wait for the
 * scheduler's tick. Only the wake-up's own flush asks the store (heldOutboxUntil), for an
 * update claimed again since, and wakes again for it: one query a second at most, not one
 * per vote. A change that queued only updates of cards this process sent within the second
 * (a vote) does not flush at all (updated): the wake-up sends them. One wake-up at a time.
 * An update that waits is pending in the store: a stop sends it at once (finish), a crash
 * loses nothing (the next start sends it).
 *
 * A reply under a thread whose first post is queued but not yet sent (the agenda and the
 * reminder under it, both due at one catch-up) waits for it: it is claimed again when that
 * post may have gone, and goes into its thread; if that post failed for good, the reply
 * goes as its fallback (a new post), as a reply whose thread is gone does.
 *
 * Two instances on one database: when an update may go is read from its row, so the
 * instance whose commit finds it held wakes for it itself, even when the other one sent
 * the card last (or is still sending it: the re-armed row is held from that claim, so the
 * two do not send it at once). Either way the newest state goes out at most
 * UPDATE_INTERVAL_MS after its commit, plus the send and any difference between the instances'
 * clocks. Only if that instance is killed within the second does the update wait for the next
 * flush of any instance: a commit, a retry, at the latest the scheduler's next tick (a graceful
 * stop sends it first: finish). A reminder that waited past its moment is not sent (stale.ts).
 */
import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Clock } from '../../domain/kernel/clock.js';
import type { OutboxEntry, Store } from '../../store/port.js';
import { UPDATE_INTERVAL_MS } from '../../store/ports/queues.js';
import { threadReference } from './conversation.js';
import { droppedAsStale } from './stale.js';

export interface ConnectorClientPort {
  send(conversation: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string | undefined>;
  update(conversation: Partial<ConversationReference>, activityId: string, activity: Partial<Activity>): Promise<void>;
}

/**
 * Proactive sends through the adapter (docs/teams.md: Proactive messages). The adapter's
 * turn-error handler would swallow a failed send, so the error is carried out of the
 * turn and rethrown: the outbox must see it to retry.
 */
export function adapterConnector(adapter: CloudAdapter, botAppId: string): ConnectorClientPort {
  async function inTurn<T>(conversation: Partial<ConversationReference>, work: (ctx: TurnContext) => Promise<T>): Promise<T> {
    let result: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    await adapter.continueConversationAsync(botAppId, conversation, async (ctx) => {
      try {
        result = { ok: true, value: await work(ctx) };
      } catch (error) {
        result = { ok: false, error };
      }
    });
    if (!result) throw new Error('the proactive turn did not run');
    if (!result.ok) throw result.error;
    return result.value;
  }
  return {
    send: (conversation, activity) =>
      inTurn(conversation, async (ctx) => {
        // A new post, not a reply to the synthetic activity of the proactive turn.
        ctx.onSendActivities(async (_ctx, activities, next) => {
          for (const a of activities) delete a.replyToId;
          return next();
        });
        return (await ctx.sendActivity(activity))?.id;
      }),
    update: (conversation, activityId, activity) =>
      inTurn(conversation, async (ctx) => {
        await ctx.updateActivity({ ...activity, id: activityId, conversation: conversation.conversation } as Partial<Activity>);
      }),
  };
}

/** A reply whose thread's first message was never posted (it failed for good): final, not retried. */
class ThreadGone extends Error {
  override readonly name = 'ThreadGone';
}

/**
 * Whether an update written for a 1:1 chat would change a message posted elsewhere. An update written for
 * the channel follows its message wherever it was posted (a board that moved channel since); one for a
 * chat never leaves it.
 */
function elsewhere(meant: Partial<ConversationReference>, posted: Partial<ConversationReference>): boolean {
  return meant.conversation?.conversationType === 'personal' && meant.conversation.id !== posted.conversation?.id;
}

const RETRYABLE = new Set([408, 412, 429, 500, 502, 503, 504]);
/**
 * How long a post that fails for a passing reason (429, 5xx, the network) is retried: a
 * week. A committed post is not lost to an outage of Teams (PRODUCT §4); after a week
 * (the agenda's meeting held, the vote long announced) it is marked failed and logged.
 */
export const RETRY_FOR_MS = 7 * 24 * 3_600_000;

/** The attempts whose backoff (backoffMs, without its jitter) adds up to at most `ms`. */
export function attemptsWithin(ms: number): number {
  let attempts = 1;
  for (let waited = 0; waited + backoffMs(attempts, () => 0.5) <= ms; attempts++) waited += backoffMs(attempts, () => 0.5);
  return attempts;
}

export const MAX_ATTEMPTS = attemptsWithin(RETRY_FOR_MS);
/**
 * A send that has not been answered by then is treated as failed and retried (it may
 * have arrived: at least once). Teams answers in well under a second; a minute leaves
 * room for the connector client's own retries, and stays under the claim lease
 * (store/claims.ts), so a live sender never holds a claim long enough for another
 * instance to take it over. Without it a hung connection would stop the outbox.
 */
export const SEND_TIMEOUT_MS = 60_000;

/**
 * How long a stop may spend sending, in all, from its beginning (beginStop): a Bot Connector that
 * does not answer must not hold a stop for minutes (a supervisor kills the process long before).
 * A send still waiting then is given up: its entry stays claimed in the store, and the next start
 * sends it (if Teams did receive it after all, it goes twice); what was not begun stays pending.
 */
export const FINISH_BUDGET_MS = 10_000;

/** A send given up because the stop's time for sending ran out (beginStop). */
class OutOfTime extends Error {
  override readonly name = 'OutOfTime';
}

export class SendTimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer from the Bot Connector within ${ms} ms`);
    this.name = 'SendTimeoutError';
  }
}

/** `work`, or a SendTimeoutError after `ms` (the work itself runs on; its result is then ignored). */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendTimeoutError(ms)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function isRetryable(err: unknown): boolean {
  const status = (err as { statusCode?: number; status?: number })?.statusCode ?? (err as { status?: number })?.status;
  if (typeof status === 'number') return RETRYABLE.has(status);
  return true; // network errors and the like carry no status: try again
}

/** 1 s, 2 s, 4 s … capped at 5 minutes, with ±25 % jitter. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(1000 * 2 ** Math.max(0, attempt - 1), 300_000);
  return Math.round(base * (0.75 + random() * 0.5));
}

export class OutboxSender {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  /** The stop's time for sending is up (beginStop): no more claims, and nothing waited for. */
  private outOfTime = false;
  /** The sends waiting for the Bot Connector: each is given up when the stop's time is up. */
  private readonly waiting = new Set<(error: Error) => void>();
  private budgetTimer: NodeJS.Timeout | undefined;
  private stopBegun = false;
  /** Retries waiting for their time (retryLater). */
  private readonly timers = new Set<NodeJS.Timeout>();
  /** The wake-up for held card updates (armWake), while one is armed. */
  private wake: NodeJS.Timeout | undefined;
  /** Set by the wake-up: the pass it starts asks the store what is still held. */
  private woken = false;
  /** When this process last claimed each card update (updated), for the last UPDATE_INTERVAL_MS or so. */
  private readonly claimedAt = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly connector: ConnectorClientPort,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly sendTimeoutMs: number = SEND_TIMEOUT_MS,
  ) {}

  /** Whether the stop's time for sending ran out (beginStop): a send may still wait for the Bot Connector, and is not waited for. */
  get timedOut(): boolean {
    return this.outOfTime;
  }

  /** Sends everything due; concurrent calls join the running flush and trigger one more pass. */
  flush(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.drain();
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /**
   * After a change that queued only the card updates under `keys` (a vote). If this process
   * claimed each of them less than UPDATE_INTERVAL_MS ago, they are held back: a flush would
   * claim nothing, and the wake-up armed meanwhile sends them when their second ends (or, if
   * another instance claimed one again since, asks the store and wakes for it). Else a flush.
   * Under a stream of votes on a card: no claim per vote, about one a second.
   */
  updated(keys: readonly string[]): Promise<void> {
    const since = this.clock().getTime() - UPDATE_INTERVAL_MS;
    if (this.wake && !this.stopped && keys.every((key) => (this.claimedAt.get(key) ?? -Infinity) > since)) return Promise.resolve();
    return this.flush();
  }

  /**
   * No flush after this (the store is about to close): the waiting retries are dropped (their
   * entries stay pending in the store, for the next start) and the running flush is awaited.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.budgetTimer);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    clearTimeout(this.wake);
    this.wake = undefined;
    // Out of time (beginStop): a send still waiting for the Bot Connector is left to the next start.
    if (!this.outOfTime) await this.running?.catch(() => undefined);
  }

  /**
   * A stop begins: from now on sending has `budgetMs` in all (FINISH_BUDGET_MS). The flushes under
   * way (a scheduler tick's, a turn's) end by then too, whatever the Bot Connector does. Idempotent.
   */
  beginStop(budgetMs = FINISH_BUDGET_MS): void {
    if (this.stopBegun) return;
    this.stopBegun = true;
    this.budgetTimer = setTimeout(() => {
      this.outOfTime = true;
      this.log.warn({ budgetMs }, 'outbox: the stop\'s time for sending is up; what is left is sent by the next start');
      for (const giveUp of this.waiting) giveUp(new OutOfTime('the stop\'s time for sending is up'));
    }, budgetMs);
  }

  /**
   * The last flush before a stop: what is due, and the card updates held back for their
   * second, sent now. A card would otherwise show older votes until the next start (or for
   * good, were the bot not started again).
   */
  async finish(budgetMs = FINISH_BUDGET_MS): Promise<void> {
    this.beginStop(budgetMs);
    await this.running?.catch(() => undefined);
    if (this.stopped || this.outOfTime) return;
    await this.drain(UPDATE_INTERVAL_MS);
  }

  /**
   * One claim per send: a crash then interrupts one post, never a batch of claimed ones.
   * `aheadMs` (finish) claims as if that much later, so that what is held back goes now.
   */
  private async drain(aheadMs = 0): Promise<void> {
    for (;;) {
      if (this.outOfTime) return;
      const claimed = this.clock().getTime();
      const [entry] = await this.store.claimOutbox(new Date(claimed + aheadMs), 1);
      if (!entry) return aheadMs ? undefined : this.armWake();
      if (entry.kind === 'update') this.claimedAt.set(entry.key, claimed);
      await this.deliver(entry);
    }
  }

  /** A flush when what is held may go (see the header); after the wake-up's own pass, only if the store still holds an update. */
  private async armWake(): Promise<void> {
    if (this.wake || this.stopped) return;
    const woken = this.woken;
    this.woken = false;
    const now = this.clock();
    const until = woken ? await this.store.heldOutboxUntil(now) : new Date(now.getTime() + UPDATE_INTERVAL_MS);
    if (!until || this.stopped || this.wake) return;
    this.wake = setTimeout(() => {
      this.wake = undefined;
      this.woken = true;
      const since = this.clock().getTime() - UPDATE_INTERVAL_MS;
      for (const [key, at] of this.claimedAt) if (at <= since) this.claimedAt.delete(key);
      void this.flush().catch((err) => this.log.error({ err }, 'outbox flush failed'));
    }, Math.max(0, until.getTime() - this.clock().getTime()) + 10).unref();
  }

  /** Back to pending, and a flush when it is due (the scheduler tick would also pick it up). */
  private async retryLater(entry: OutboxEntry, reason: string, delayMs: number): Promise<void> {
    await this.store.forBoard(entry.boardId).markOutboxFailed(entry.id, reason, new Date(this.clock().getTime() + delayMs));
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.flush().catch((err) => this.log.error({ err }, 'outbox flush failed'));
    }, delayMs + 10).unref();
    this.timers.add(timer);
  }

  /** `work`, or OutOfTime once the stop's time for sending is up (beginStop); `work` is not waited for then. */
  private beforeTimeUp<T>(work: Promise<T>): Promise<T> {
    if (this.outOfTime) {
      work.catch(() => undefined);
      return Promise.reject(new OutOfTime('the stop\'s time for sending is up'));
    }
    return new Promise<T>((resolve, reject) => {
      this.waiting.add(reject);
      void work.then(resolve, reject).finally(() => this.waiting.delete(reject));
    });
  }

  private async deliver(entry: OutboxEntry): Promise<void> {
    // The claim took every board's entries (R19); what follows is the entry's board's.
    const store = this.store.forBoard(entry.boardId);
    const conversation = entry.conversation as Partial<ConversationReference>;
    const activity = entry.activity as Partial<Activity>;
    if (await droppedAsStale(store, entry, this.clock(), this.log)) return; // a reminder past its moment (stale.ts)
    try {
      if (entry.kind === 'send') {
        let into = conversation;
        if (entry.repliesToKey) {
          // A reply goes in the thread of a post that may not be posted yet (both queued in one catch-up).
          const parent = await store.getOutbox(entry.repliesToKey);
          if (!parent?.sentActivityId) {
            if (parent && parent.status !== 'failed') {
              // Once it is due again (it may be backing off through an outage of Teams), at least a second on.
              const wait = Math.max(1000, parent.dueAt.getTime() - this.clock().getTime());
              await this.retryLater(entry, 'waiting for the message it replies to', wait);
              return;
            }
            throw new ThreadGone('the message it replies to was never posted');
          }
          // In the thread where that message is: after a move of the board, the new channel's if it
          // was posted anew there (repostOutbox); never in a channel the board has left.
          const where = parent.conversation as Partial<ConversationReference>;
          const bound = await store.getBinding();
          if (bound && where.conversation?.id !== bound.channelId) throw new ThreadGone('the message it replies to is in a channel the board has left');
          into = threadReference(where, parent.sentActivityId);
        }
        const id = await within(this.sendTimeoutMs, this.beforeTimeUp(this.connector.send(into, activity)));
        await store.markOutboxSent(entry.id, this.clock(), id);
      } else {
        const target = entry.updatesKey ? await store.getOutbox(entry.updatesKey) : undefined;
        if (!target?.sentActivityId) {
          if (!target || target.status === 'failed') {
            await store.markOutboxFailed(entry.id, 'the message it updates was never posted');
            return;
          }
          // The message to update is not posted yet: try again shortly, after it.
          await this.retryLater(entry, 'waiting for the message it updates', 1000);
          return;
        }
        // Meant for a 1:1 chat (a copy of a card a reminder carries), its message went to the channel instead
        // (Teams refused the chat for good: rerouteOutbox): the @mention there is not replaced by the personal card.
        if (elsewhere(conversation, target.conversation as Partial<ConversationReference>)) {
          await store.markOutboxFailed(entry.id, 'the message it updates went to the channel instead of the chat');
          return;
        }
        // Where the message was posted, even if the board has moved to another channel since.
        await within(this.sendTimeoutMs, this.beforeTimeUp(this.connector.update(target.conversation as Partial<ConversationReference>, target.sentActivityId, activity)));
        await store.markOutboxSent(entry.id, this.clock(), target.sentActivityId);
      }
      this.log.debug({ key: entry.key }, 'outbox entry sent');
    } catch (err) {
      // Given up at the stop: the entry stays claimed, for the next start (FINISH_BUDGET_MS).
      if (err instanceof OutOfTime) return;
      const message = err instanceof Error ? err.message : String(err);
      if (!(err instanceof ThreadGone) && isRetryable(err) && entry.attempts < MAX_ATTEMPTS) {
        this.log.warn({ key: entry.key, attempts: entry.attempts, err: message }, 'outbox send failed; will retry');
        await this.retryLater(entry, message, backoffMs(entry.attempts));
      } else if (entry.fallback && (await store.rerouteOutbox(entry.id, message, this.clock()))) {
        // The reply under a thread failed for good (the thread is gone): a new post instead (PRODUCT §1.3).
        this.log.warn({ key: entry.key, err: message }, 'reply under a thread failed for good; sending it as a new post');
        this.again = true;
      } else {
        this.log.error({ key: entry.key, attempts: entry.attempts, err: message }, 'outbox send failed for good');
        await store.markOutboxFailed(entry.id, message);
      }
    }
  }
}
