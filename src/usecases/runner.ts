/**
 * The one shape of every change (docs/architecture.md, "The runner"): `run` asks the role policy, reads
 * the clock once, opens one transaction, records the activity as processed in it (a
 * redelivery then answers what was committed, with no second effect), lets the use case
 * state its rule and its writes, writes one audit entry per event it returns (the
 * subject derived from the event) and hands the events to the publisher, which turns
 * them into posts in the same transaction (the outbox). A refusal rolls everything back:
 * bad input changes nothing.
 */
import type { Board, Person } from '../domain/kernel/board.js';
import { type Action, type RefusalOf, can } from '../domain/kernel/policy.js';
import { type Result, ok } from '../domain/kernel/result.js';
import type { ActivityKey, Repository } from '../store/port.js';
import { type Contributions, NO_CONTRIBUTIONS } from './contributions.js';
import { type Deps, type Texts, boardStore } from './deps.js';
import { type BoardEvent, subjectOf } from './event.js';

/** Who acts, on which board, and the Teams activity that asked (its conversation and id make a redelivery a no-op). */
export interface Origin {
  readonly board: Board;
  readonly actor: Person | 'system';
  readonly activity?: ActivityKey;
}

/** What the use case's work sees: one transaction, one instant, the board and the actor. */
export interface Tx {
  readonly repo: Repository;
  readonly now: Date;
  readonly board: Board;
  readonly actor: Person | 'system';
  readonly newId: () => string;
  /** What the features add to agendas, minutes and status. */
  readonly contributions: Contributions;
  /** The texts a change stores (an item's label, minutes drafted from the record). */
  readonly texts: Texts;
}

/** A change done: the value the caller gets, and what happened (audited and published). */
export interface Done<T> {
  readonly ok: true;
  readonly value: T;
  readonly events: readonly BoardEvent[];
}

export type Outcome<T, R extends string> = Done<T> | { readonly ok: false; readonly reason: R };

export const done = <T, E extends BoardEvent = BoardEvent>(value: T, ...events: (E | readonly E[])[]): Done<T> => ({ ok: true, value, events: events.flat() as E[] });

export interface RunSpec<T, A extends Action, R2 extends string = never> {
  /** The policy's action: asked before anything else. */
  readonly action: A;
  /**
   * What a redelivered activity answers: its effect was committed the first time.
   * Reads only; its events are ignored. Without it a redelivery answers `undefined`.
   */
  readonly again?: (tx: Tx) => Promise<Outcome<T, R2>>;
}

class Refused<R extends string> extends Error {
  constructor(readonly reason: R) {
    super(`refused: ${reason}`);
  }
}

/** One audit entry per event, then the events to the publisher: in the caller's transaction. */
async function record(deps: Deps, repo: Repository, origin: Origin, now: Date, events: readonly BoardEvent[]): Promise<void> {
  for (const event of events) {
    if (event.unrecorded) continue;
    await repo.appendAudit({
      at: now,
      actor: event.actor ?? actorId(origin.actor),
      action: event.type,
      subject: subjectOf(event),
      ...(event.data !== undefined ? { data: event.data } : {}),
      ...(origin.activity ? { activityId: origin.activity.activityId } : {}),
    });
  }
  if (events.length) await deps.publisher.publish(repo, origin.board, events, now);
}

/** The audit's actor: the person, or who acted for nobody in particular. */
const actorId = (actor: Person | 'system') => (actor === 'system' ? 'system' : actor.id);

export function run<T, A extends Action, R extends string = never, R2 extends string = never>(
  deps: Deps,
  origin: Origin,
  spec: RunSpec<T, A, R2> & { readonly again: (tx: Tx) => Promise<Outcome<T, R2>> },
  work: (tx: Tx) => Promise<Outcome<T, R>>,
): Promise<Result<T, R | R2 | RefusalOf<A>>>;
export function run<T, A extends Action, R extends string = never>(
  deps: Deps,
  origin: Origin,
  spec: RunSpec<T, A>,
  work: (tx: Tx) => Promise<Outcome<T, R>>,
): Promise<Result<T | undefined, R | RefusalOf<A>>>;
export async function run<T, A extends Action, R extends string = never, R2 extends string = never>(
  deps: Deps,
  origin: Origin,
  spec: RunSpec<T, A, R2>,
  work: (tx: Tx) => Promise<Outcome<T, R>>,
): Promise<Result<T | undefined, R | R2 | RefusalOf<A>>> {
  const allowed = can(origin.actor, spec.action);
  if (!allowed.ok) return allowed;
  const now = deps.clock();
  let dueNow = false;
  const queued = { sends: false, updates: [] as string[] };
  try {
    const value = await boardStore(deps, origin.board).transaction(async (stored) => {
      // A job planned for now runs at once after the commit; most changes plan none, and then
      // nothing is ticked (a vote: the tick's claim would find nothing, on every vote). What it
      // queues in the outbox says whether its posts need a flush now (onlyUpdates).
      const repo: Repository = {
        ...stored,
        scheduleJob: (job, options) => {
          if (job.dueAt.getTime() <= now.getTime()) dueNow = true;
          return stored.scheduleJob(job, options);
        },
        enqueueOutbox: (entry) => {
          if (entry.kind === 'update') queued.updates.push(entry.key);
          else queued.sends = true;
          return stored.enqueueOutbox(entry);
        },
        enqueueOutboxUpdates: (entries) => {
          for (const entry of entries) queued.updates.push(entry.key);
          return stored.enqueueOutboxUpdates(entries);
        },
        repostOutbox: (...args) => {
          queued.sends = true;
          return stored.repostOutbox(...args);
        },
      };
      const tx = txOf(deps, origin, repo, now);
      // The work does not wait for the activity to be recorded (on PostgreSQL both go to the
      // server in one round trip): if it was recorded before, all the work did is rolled back.
      const marked = origin.activity ? repo.markActivityProcessed(origin.activity, now) : undefined;
      marked?.catch(() => undefined); // awaited below, whatever the work does
      const redelivered = async () => marked !== undefined && !(await marked.catch(() => true));
      let outcome: Outcome<T, R>;
      try {
        outcome = await work(tx);
      } catch (err) {
        if (await redelivered()) throw new Redelivered();
        throw err;
      }
      if (await redelivered()) throw new Redelivered();
      if (!outcome.ok) throw new Refused(outcome.reason);
      // What features do after any change (the minutes' draft following the record): most changes leave it nothing to do.
      let events = outcome.events;
      for (const after of tx.contributions.afterChange) {
        const more = await after(tx, events);
        if (more.length) events = [...events, ...more];
      }
      await record(deps, repo, origin, now, events);
      return outcome.value;
    });
    deps.onCommit?.({ dueNow, ...(queued.updates.length && !queued.sends ? { onlyUpdates: queued.updates } : {}) });
    return ok(value);
  } catch (err) {
    if (err instanceof Refused) return { ok: false, reason: err.reason as R | R2 };
    if (err instanceof Redelivered) return answerAgain(deps, origin, now, spec.again);
    throw err;
  }
}

/** What a change's work (or `again`) sees in the transaction on `repo`. */
const txOf = (deps: Deps, origin: Origin, repo: Repository, now: Date): Tx => ({
  repo,
  now,
  board: origin.board,
  actor: origin.actor,
  newId: deps.newId,
  contributions: deps.contributions ?? NO_CONTRIBUTIONS,
  texts: deps.texts,
});

/** A redelivered activity: what was committed the first time, read in a transaction of its own (nothing is written). */
async function answerAgain<T, R2 extends string>(
  deps: Deps,
  origin: Origin,
  now: Date,
  again: RunSpec<T, Action, R2>['again'],
): Promise<Result<T | undefined, R2>> {
  if (!again) return ok(undefined);
  try {
    const value = await boardStore(deps, origin.board).transaction(async (repo) => {
      const answered = await again(txOf(deps, origin, repo, now));
      if (!answered.ok) throw new Refused(answered.reason);
      return answered.value;
    });
    return ok(value);
  } catch (err) {
    if (err instanceof Refused) return { ok: false, reason: err.reason as R2 };
    throw err;
  }
}

/** The activity was recorded as processed before: the work is rolled back, and `again` answers. */
class Redelivered extends Error {
  constructor() {
    super('redelivered');
  }
}

/** What a question reads: the store outside any transaction, at one instant. */
export interface Reading {
  readonly repo: Repository;
  readonly now: Date;
  readonly board: Board;
  readonly contributions: Contributions;
}

/** A question, not a change: the policy's answer first, then reads (nothing recorded, nothing published). */
export async function ask<T, A extends Action, R extends string = never>(
  deps: Deps,
  origin: Origin,
  action: A,
  read: (reading: Reading) => Promise<Result<T, R>>,
): Promise<Result<T, R | RefusalOf<A>>> {
  const allowed = can(origin.actor, action);
  if (!allowed.ok) return allowed;
  return read({ repo: boardStore(deps, origin.board), now: deps.clock(), board: origin.board, contributions: deps.contributions ?? NO_CONTRIBUTIONS });
}

/** The acting person of a command only people give (the policy let them through). */
export function personOf(tx: { readonly actor: Person | 'system' }): Person {
  if (tx.actor === 'system') throw new Error('this action is a person\'s, not the scheduler\'s');
  return tx.actor;
}
