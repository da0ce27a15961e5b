/**
 * The outbox: posts to Teams, committed with the change they tell of, claimed by one
 * process at a time and sent at least once (../claims.ts).
 */
import { type ExpressionBuilder, type OnConflictBuilder, type Selectable } from 'kysely';
import { leaseEnded } from '../claims.js';
import { type OutboxEntry, type OutboxInput, type OutboxKind, type OutboxPort, type OutboxStatus, UPDATE_INTERVAL_MS } from '../ports/queues.js';
import type { Database, OutboxTable } from '../schema.js';
import { type StoreContext, acrossBoards, atomically, inATransaction, onSqlite, scoped } from './context.js';
import { prepared } from './prepared.js';
import { date, fromJson, iso, json } from './values.js';

/** An entry as enqueueOutbox writes it (its kind is the query's). */
type Enqueued = { key: string; conversation: string; activity: string; updatesKey: string | null; dueAt: string; fallback: string | null };
/** A new post also names a reminder's moment (staleAt), if it is one; an update never does. */
type EnqueuedSend = Enqueued & { staleAt: string | null };

const enqueued = (ctx: StoreContext, $: Enqueued, kind: OutboxKind, more: { stale_at?: string | null } = {}) =>
  scoped.insert(ctx, 'outbox', {
    key: $.key,
    kind,
    conversation: $.conversation,
    activity: $.activity,
    updates_key: $.updatesKey,
    due_at: $.dueAt,
    status: 'pending',
    attempts: 0,
    fallback: $.fallback,
    ...more,
  });

// Every change that posts runs one (issue 12: built once, prepared.ts).
/** A new post: sent once per key, so a second enqueue of the key does nothing. */
const enqueueSend = prepared((ctx, $: EnqueuedSend) => enqueued(ctx, $, 'send', { stale_at: $.staleAt }).onConflict((oc) => oc.columns(['board_id', 'key']).doNothing()));
/** A card's update queued again: the newest state replaces a pending one under the key (they coalesce). */
const coalesce = (oc: OnConflictBuilder<Database, 'outbox'>) =>
  oc
    .columns(['board_id', 'key'])
    .doUpdateSet((eb) => ({
      conversation: eb.ref('excluded.conversation'),
      activity: eb.ref('excluded.activity'),
      updates_key: eb.ref('excluded.updates_key'),
      due_at: eb.ref('excluded.due_at'),
      fallback: eb.ref('excluded.fallback'),
      status: 'pending',
      attempts: 0,
      last_error: null,
      // claimed_at stays: the update's interval counts from its last claim (claimOutbox).
      claimed_by: null,
    }))
    // Never re-arm a 'send' that happens to share the key.
    .where('outbox.kind', '=', 'update');
/** A card's update. */
const enqueueUpdate = prepared((ctx, $: Enqueued) => enqueued(ctx, $, 'update').onConflict(coalesce));

/**
 * A reminder's posts not sent yet, under `key` or `key:…` (endReminders), whose moment is later than
 * `at`: brought forward to it. Pending or being sent (a send under way that fails is claimed again,
 * and then dropped). SQLite compares text byte by byte, so those keys lie between `key` and `key;`
 * (';' follows ':'), where its (board_id, key) index finds them instead of reading the board's whole
 * outbox; PostgreSQL's collation may order them otherwise, so there the range is left out (its planner,
 * which has statistics, reads the few posts not sent yet by the status index).
 */
const endReminders = prepared((ctx, $: { key: string; prefix: string; length: number; upper: string; at: string }) => {
  const update = scoped
    .update(ctx, 'outbox')
    .set({ stale_at: $.at })
    .where('status', 'in', ['pending', 'sending'])
    .where('kind', '=', 'send')
    .where('stale_at', '>', $.at)
    .where((eb) => eb.or([eb('key', '=', $.key), eb(eb.fn('substr', [eb.ref('key'), eb.lit(1), eb.val($.length)]), '=', $.prefix)]));
  return onSqlite(ctx) ? update.where('key', '>=', $.key).where('key', '<', $.upper) : update;
});

/** The instants and the claimer a claim is made with (claimOutbox). */
interface Claim {
  readonly now: string;
  readonly leaseEnd: string;
  readonly heldSince: string;
  readonly me: number;
}

/**
 * What a claim takes: pending entries that are due, and entries being sent by a claimer that
 * is gone or whose lease ran out.
 */
const claimable = (ctx: StoreContext, $: Claim) => (eb: ExpressionBuilder<Database, 'outbox'>) => {
  const due = eb.or([
    eb.and([
      eb('status', '=', 'pending'),
      eb('due_at', '<=', $.now),
      // An update waits UPDATE_INTERVAL_MS from its last claim (ISO text compares as time).
      eb.or([eb('kind', '<>', 'update'), eb('claimed_at', 'is', null), eb('claimed_at', '<=', $.heldSince)]),
    ]),
    eb.and([eb('status', '=', 'sending'), eb.or([eb('claimed_at', '<', $.leaseEnd), ctx.claimer.gone('outbox.claimed_by', $.me)])]),
  ]);
  // Only the boards this process serves (R19): another board's posts wait for it.
  return ctx.serves ? eb.and([due, eb('board_id', 'in', ctx.serves.length ? ctx.serves : [''])]) : due;
};

/**
 * The entries a claim takes, of every board (each carries its board): every commit's flush
 * asks (issue 12: built once, prepared.ts). The claimer's condition is its store's own (`per`);
 * where the store locks rows, concurrent claimers skip each other's.
 */
const claimableIdsOf = (lock: boolean) =>
  prepared(
    (ctx, $: Claim & { limit: number }) => {
      const select = acrossBoards(ctx).selectFrom('outbox').select('id').where(claimable(ctx, $)).orderBy('id').limit($.limit);
      return lock ? select.forUpdate().skipLocked() : select;
    },
    { per: (ctx) => ctx.claimer },
  );
const claimableIds = claimableIdsOf(false);
const claimableIdsLocked = claimableIdsOf(true);

/** Where an update claimed after this instant is still held back at `now`. */
const intervalStart = (now: Date): Date => new Date(now.getTime() - UPDATE_INTERVAL_MS);

export function outboxQueries(ctx: StoreContext): OutboxPort {
  return {
    async enqueueOutbox(entry: OutboxInput): Promise<void> {
      const values = {
        key: entry.key,
        conversation: json(entry.conversation),
        activity: json(entry.activity),
        // One column: an update names the post it replaces, a send the post it replies to.
        updatesKey: (entry.kind === 'update' ? entry.updatesKey : entry.repliesToKey) ?? null,
        dueAt: iso(entry.dueAt),
        fallback: entry.fallback ? json(entry.fallback) : null,
      };
      if (entry.kind === 'send') await enqueueSend.write(ctx, { ...values, staleAt: entry.staleAt ? iso(entry.staleAt) : null });
      else await enqueueUpdate.write(ctx, values);
    },

    async enqueueOutboxUpdates(entries: readonly OutboxInput[]): Promise<void> {
      if (entries.length === 0) return;
      const rows = entries.map((entry) => ({
        key: entry.key,
        kind: 'update' as const,
        conversation: json(entry.conversation),
        activity: json(entry.activity),
        updates_key: entry.updatesKey ?? null,
        due_at: iso(entry.dueAt),
        status: 'pending' as const,
        attempts: 0,
        fallback: entry.fallback ? json(entry.fallback) : null,
      }));
      await scoped.insertMany(ctx, 'outbox', rows).onConflict(coalesce).execute();
    },

    async getOutboxes(keys: readonly string[]): Promise<OutboxEntry[]> {
      if (keys.length === 0) return [];
      return (await scoped.select(ctx, 'outbox').selectAll().where('key', 'in', [...keys]).execute()).map(toOutbox);
    },

    async endReminders(key: string, at: Date): Promise<void> {
      const prefix = `${key}:`;
      await endReminders.write(ctx, { key, prefix, length: prefix.length, upper: `${key};`, at: iso(at) });
    },

    async getOutbox(key: string): Promise<OutboxEntry | undefined> {
      const row = await scoped.select(ctx, 'outbox').selectAll().where('key', '=', key).executeTakeFirst();
      return row ? toOutbox(row) : undefined;
    },

    async repostOutbox(key: string, conversation: unknown, activity: unknown, now: Date): Promise<false | { readonly left?: string }> {
      return atomically(ctx, async (ctx) => {
        const send = await scoped.select(ctx, 'outbox').select(['id', 'status', 'updates_key', 'fallback']).where('key', '=', key).where('kind', '=', 'send').executeTakeFirst();
        if (!send) return false;
        // The old post, sent or being sent, stays as it is under a key of its own (an update may
        // still reach it; a send in flight marks it by its id); one never sent is given up.
        const left = send.status === 'sent' || send.status === 'sending' ? `${key}:left:${send.id}` : undefined;
        if (left) await scoped.update(ctx, 'outbox').set({ key: left }).where('id', '=', send.id).execute();
        else await scoped.delete(ctx, 'outbox').where('id', '=', send.id).execute();
        // A new row, queued behind what this change posts (the outbox goes in order).
        await scoped
          .insert(ctx, 'outbox', { key, kind: 'send', conversation: json(conversation), activity: json(activity), updates_key: send.updates_key, due_at: iso(now), status: 'pending', attempts: 0, fallback: send.fallback })
          .execute();
        return left ? { left } : {};
      });
    },

    /**
     * Pending entries that are due, and entries being sent by a claimer that is gone or
     * whose lease ran out: those may or may not have reached Teams, and are sent again
     * (at least once per key; a 'send' interrupted by a crash may arrive twice).
     */
    async claimOutbox(now: Date, limit: number): Promise<OutboxEntry[]> {
      if (limit <= 0) return [];
      const me = await ctx.claimer.id();
      const claim: Claim = { now: iso(now), leaseEnd: iso(leaseEnded(now)), heldSince: iso(intervalStart(now)), me };
      // Most flushes find nothing (a card's update waits for its second): where a claim would open a
      // transaction of its own (PostgreSQL), it is asked first without one, and opens none for nothing.
      if (!inATransaction(ctx) && (await claimableIds.rows(ctx, { ...claim, limit: 1 })).length === 0) return [];
      return atomically(ctx, async (inTx) => {
        const ids = (await (ctx.lockRows ? claimableIdsLocked : claimableIds).rows(inTx, { ...claim, limit })).map((r) => r.id);
        if (ids.length === 0) return [];
        // Every board's entries: one sender for all (each entry carries its board).
        const trx = acrossBoards(inTx);
        const rows = await trx
          .updateTable('outbox')
          .set((eb) => ({ status: 'sending', claimed_at: claim.now, claimed_by: me, attempts: eb('attempts', '+', 1) }))
          .where('id', 'in', ids)
          .where(claimable(inTx, claim))
          .returningAll()
          .execute();
        return rows.map(toOutbox).sort((a, b) => a.id - b.id);
      });
    },

    /** The first instant a held update may be claimed: UPDATE_INTERVAL_MS after its last claim. */
    async heldOutboxUntil(now: Date): Promise<Date | undefined> {
      const row = await acrossBoards(ctx).selectFrom('outbox')
        .select((eb) => eb.fn.min('claimed_at').as('claimed_at'))
        .where('status', '=', 'pending')
        .where('kind', '=', 'update')
        .where('due_at', '<=', iso(now))
        .where('claimed_at', '>', iso(intervalStart(now)))
        .executeTakeFirst();
      return row?.claimed_at ? new Date(date(row.claimed_at).getTime() + UPDATE_INTERVAL_MS) : undefined;
    },

    /**
     * Records the post. A 'send' is recorded whoever sent it (its Teams message id is what
     * later updates need, and it was posted). An 'update' only by the claimer that holds it:
     * a slow send of older state, finishing after another process claimed the newer, must not
     * mark that one sent (were the newer send then to fail, it would never go again).
     * Ignored when the entry is pending again: an 'update' re-armed while it was being sent
     * carries newer state and must still go out.
     */
    async markOutboxSent(id: number, at: Date, sentActivityId?: string): Promise<void> {
      const me = await ctx.claimer.id();
      await scoped.update(ctx, 'outbox')
        .set({ status: 'sent', sent_at: iso(at), sent_activity_id: sentActivityId ?? null })
        .where('id', '=', id)
        .where('status', '<>', 'pending')
        .where((eb) => eb.or([eb('kind', '=', 'send'), eb('claimed_by', '=', me)]))
        .execute();
    },

    /** Only this process's claim of a 'sending' entry fails: one another process took over is its business now. */
    async markOutboxFailed(id: number, error: string, retryAt?: Date): Promise<void> {
      const me = await ctx.claimer.id();
      await scoped.update(ctx, 'outbox')
        .set(
          retryAt
            ? { status: 'pending', due_at: iso(retryAt), last_error: error, claimed_at: null, claimed_by: null }
            : { status: 'failed', last_error: error },
        )
        .where('id', '=', id)
        .where('status', '=', 'sending')
        .where('claimed_by', '=', me)
        .execute();
    },

    async rerouteOutbox(id: number, error: string, now: Date): Promise<boolean> {
      const me = await ctx.claimer.id();
      return atomically(ctx, async (ctx) => {
        const row = await scoped
          .select(ctx, 'outbox')
          .select('fallback')
          .where('id', '=', id)
          .where('status', '=', 'sending')
          .where('claimed_by', '=', me)
          .executeTakeFirst();
        if (!row?.fallback) return false;
        const fallback = fromJson(row.fallback) as { conversation: unknown; activity: unknown };
        const changed = await scoped
          .update(ctx, 'outbox')
          .set({
            conversation: json(fallback.conversation),
            activity: json(fallback.activity),
            fallback: null,
            // A new post now, not a reply waiting for its thread.
            updates_key: null,
            status: 'pending',
            due_at: iso(now),
            attempts: 0,
            last_error: error,
            claimed_at: null,
            claimed_by: null,
          })
          .where('id', '=', id)
          .where('status', '=', 'sending')
          .where('claimed_by', '=', me)
          .executeTakeFirst();
        return Number(changed.numUpdatedRows) > 0;
      });
    },
  };
}

function toOutbox(r: Selectable<OutboxTable>): OutboxEntry {
  return {
    id: Number(r.id),
    boardId: r.board_id,
    key: r.key,
    kind: r.kind as OutboxKind,
    conversation: fromJson(r.conversation),
    activity: fromJson(r.activity),
    ...(r.updates_key !== null ? (r.kind === 'update' ? { updatesKey: r.updates_key } : { repliesToKey: r.updates_key }) : {}),
    dueAt: date(r.due_at),
    status: r.status as OutboxStatus,
    attempts: Number(r.attempts),
    ...(r.last_error !== null ? { lastError: r.last_error } : {}),
    ...(r.sent_activity_id !== null ? { sentActivityId: r.sent_activity_id } : {}),
    ...(r.sent_at !== null ? { sentAt: date(r.sent_at) } : {}),
    ...(r.fallback !== null ? { fallback: fromJson(r.fallback) as OutboxEntry['fallback'] & object } : {}),
    ...(r.stale_at !== null ? { staleAt: date(r.stale_at) } : {}),
  };
}
