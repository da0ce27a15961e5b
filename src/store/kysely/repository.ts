/**
 * The Store on kysely, shared by the SQLite and PostgreSQL adapters: every feature's
 * queries (kysely/<feature>.ts, each implementing its port on a StoreContext) composed
 * into one Repository, and the Store around it. Each feature's methods are its own: the
 * parts share no method name (test/unit/store/composition.test.ts).
 */
import type { Kysely, Transaction } from 'kysely';
import type { GroupCommit } from '../group-commit.js';
import type { MigrateOptions, Repository, Store } from '../port.js';
import type { Database } from '../schema.js';
import { agendaQueries } from './agenda.js';
import { auditQueries } from './audit.js';
import { cardCopiesQueries } from './card-copies.js';
import { conclusionsQueries } from './conclusions.js';
import { type StoreContext, type StoreOptions, forBoard, inTransaction, partContext, storeContext } from './context.js';
import { datePollsQueries } from './date-polls.js';
import { idempotencyQueries } from './idempotency.js';
import { identitiesQueries } from './identities.js';
import { jobsQueries } from './jobs.js';
import { meetingsQueries } from './meetings.js';
import { minutesQueries } from './minutes.js';
import { outboxQueries } from './outbox.js';
import { petitionsQueries } from './petitions.js';
import { secretsQueries } from './secrets.js';
import { votingQueries } from './voting.js';

/** The parts of the Repository, one per feature, in one list. */
export const repositoryParts = [
  idempotencyQueries,
  identitiesQueries,
  votingQueries,
  meetingsQueries,
  agendaQueries,
  petitionsQueries,
  conclusionsQueries,
  datePollsQueries,
  minutesQueries,
  auditQueries,
  jobsQueries,
  outboxQueries,
  cardCopiesQueries,
] as const;

/** The intersection of a union's members: what the parts make together. */
type Together<U> = (U extends unknown ? (part: U) => void : never) extends (all: infer I) => void ? I : never;

/** Every feature's queries on `ctx`'s connection or transaction. */
export function kyselyRepository(ctx: StoreContext): Repository {
  // Typed as what the parts make together: a port method no part implements fails to compile.
  const repository: Together<ReturnType<(typeof repositoryParts)[number]>> = Object.assign({}, ...repositoryParts.map((part) => part(ctx)));
  // The features' own ports (port.ts StorePart), each opened on this context when asked for.
  return { ...repository, part: (part) => part.open(partContext(ctx)) };
}

/** What an adapter adds to the shared queries: its schema, its health, its shutdown. */
export interface StoreLifecycle {
  migrate(options?: MigrateOptions): Promise<readonly string[]>;
  health(): Promise<{ ok: boolean; kind: string; detail?: string }>;
  close(): Promise<void>;
}

/**
 * The Store on `db`. Don't use the Store itself inside `transaction(work)` (on SQLite it
 * would wait for the transaction): use the repository `work` is given.
 */
export function kyselyStore(db: Kysely<Database>, options: StoreOptions, lifecycle: StoreLifecycle): Store {
  // PostgreSQL: the binding, the channels' boards and the Teams ids are kept while other
  // instances' changes of them are heard (postgres-changes.ts).
  const changes = options.knownChanges;
  const known = changes ? knownValues(() => changes.listening) : undefined;
  if (known) changes!.onChange(() => forgetAll(known));
  return boardStore(storeContext(db, options), lifecycle, new Map(), known);
}

/** The store for `ctx.board`; `forBoard` gives the same connection's store for another (made once each). */
function boardStore(ctx: StoreContext, lifecycle: StoreLifecycle, made: Map<string, Store>, known?: KnownValues): Store {
  // With `known`: its reads answered from what is known, its writes forgetting it.
  const withKnown = (repo: Repository, trx: object): Repository => (known ? { ...repo, ...knowing(known, ctx.board, trx, repo) } : repo);
  const outside = withKnown(kyselyRepository(ctx), OUTSIDE);
  const store: Store = {
    ...outside,
    ...(known ? knowingOutside(known, ctx.board, outside) : {}),
    ...secretsQueries(ctx),
    boardId: ctx.board,
    // Where rows are locked (PostgreSQL), transactions run side by side.
    concurrentChanges: ctx.lockRows,
    forBoard(board: string): Store {
      if (board === ctx.board) return store;
      let other = made.get(board);
      if (!other) made.set(board, (other = boardStore(forBoard(ctx, board), lifecycle, made, known)));
      return other;
    },
    transaction: <T>(work: (repo: Repository) => Promise<T>): Promise<T> =>
      ctx.db.transaction().execute((trx) => work(withKnown(kyselyRepository(inTransaction(ctx, trx)), trx))),
    migrate: (migrateOptions) => lifecycle.migrate(migrateOptions),
    health: () => lifecycle.health(),
    close: () => lifecycle.close(),
  };
  made.set(ctx.board, store);
  return store;
}

/**
 * What only this process writes (it is the only process on the SQLite file), by key, as
 * last committed: asked on every turn or change, changed by one write. A value is kept
 * from a read in a batch that wrote none of it before the read (what the batch read is
 * then committed; a later write forgets it); any write forgets every value.
 */
class Known<K, V> {
  readonly #values = new Map<K, { readonly value: V }>();
  #writes = 0;
  /** The batch (transaction) of the last write: what it reads after the write may be rolled back. */
  #writtenIn: object | undefined;
  /**
   * Every transaction that wrote, not the last only: on PostgreSQL transactions run side by side, and a
   * change heard from another instance (a `forget` without one) may come between a write and a read.
   */
  readonly #wroteIn = new WeakSet<object>();

  /** `keep`: whether what is read may be kept now (PostgreSQL: while other instances' changes are heard). */
  constructor(private readonly keep: () => boolean = () => true) {}

  known(key: K): { readonly value: V } | undefined {
    return this.#values.get(key);
  }

  /** The value, read by `read` in `trx` when not known (and then known). */
  async read(key: K, trx: object, read: () => Promise<V>): Promise<V> {
    const known = this.#values.get(key);
    if (known) return known.value;
    const writes = this.#writes;
    const keep = this.keep();
    const value = await read();
    if (keep && writes === this.#writes && this.#writtenIn !== trx && !this.#wroteIn.has(trx)) this.#values.set(key, { value });
    return value;
  }

  /** Before a write in `trx`; without one: a change made elsewhere, or changes no longer heard. */
  forget(trx?: object): void {
    this.#writes++;
    this.#writtenIn = trx;
    if (trx && trx !== OUTSIDE) this.#wroteIn.add(trx);
    this.#values.clear();
  }
}

/**
 * What a store keeps between requests: where each board is bound, each channel's board, each board's Teams ids, and
 * the copies of each card (asked by every update of a card, a vote's among them: most have none).
 */
interface KnownValues {
  readonly bindings: Known<string, Awaited<ReturnType<Repository['getBinding']>>>;
  readonly channels: Known<string, string | undefined>;
  readonly identities: Known<string, Awaited<ReturnType<Repository['listTeamsIdentities']>>>;
  /** By board and card key. */
  readonly copies: Known<string, Awaited<ReturnType<Repository['listCardCopies']>>>;
}

function knownValues(keep?: () => boolean): KnownValues {
  return { bindings: new Known(keep), channels: new Known(keep), identities: new Known(keep), copies: new Known(keep) };
}

/** A change made elsewhere, or changes no longer heard: everything is read again. */
const forgetAll = (known: KnownValues): void => {
  known.bindings.forget();
  known.channels.forget();
  known.identities.forget();
  known.copies.forget();
};

/**
 * `queries`' reads of the binding, a channel's board, the Teams ids and a card's copies answered
 * from what is known (read in `trx` when not), and its writes of them forgetting it.
 */
function knowing(known: KnownValues, board: string, trx: object, queries: Repository) {
  return {
    getBinding: () => known.bindings.read(board, trx, queries.getBinding),
    boardOfChannel: (channelId: string) => known.channels.read(channelId, trx, () => queries.boardOfChannel(channelId)),
    saveBinding: async (next: Parameters<Repository['saveBinding']>[0]) => {
      known.bindings.forget(trx);
      known.channels.forget(trx);
      await queries.saveBinding(next);
    },
    releaseChannel: async (channelId: string, boardId: string) => {
      known.bindings.forget(trx);
      known.channels.forget(trx);
      await queries.releaseChannel(channelId, boardId);
    },
    listTeamsIdentities: () => known.identities.read(board, trx, async () => frozen(await queries.listTeamsIdentities())),
    rememberTeamsIdentity: async (identity: Parameters<Repository['rememberTeamsIdentity']>[0]) => {
      known.identities.forget(trx);
      await queries.rememberTeamsIdentity(identity);
    },
    listCardCopies: (cardKey: string) => known.copies.read(`${board}\n${cardKey}`, trx, async () => frozen(await queries.listCardCopies(cardKey))),
    recordCardCopy: async (copy: Parameters<Repository['recordCardCopy']>[0]) => {
      known.copies.forget(trx);
      await queries.recordCardCopy(copy);
    },
  } satisfies Partial<Repository>;
}

/** The same, outside a transaction: what is known is answered at once. */
function knowingOutside(known: KnownValues, board: string, reads: Pick<Repository, 'getBinding' | 'boardOfChannel' | 'listTeamsIdentities'>) {
  return {
    getBinding: async () => {
      const kept = known.bindings.known(board);
      return kept ? kept.value : reads.getBinding();
    },
    boardOfChannel: async (channelId: string) => {
      const kept = known.channels.known(channelId);
      return kept ? kept.value : reads.boardOfChannel(channelId);
    },
    listTeamsIdentities: async () => {
      const kept = known.identities.known(board);
      return kept ? kept.value : reads.listTeamsIdentities();
    },
  } satisfies Partial<Repository>;
}

/** What the store reads and writes outside a transaction is known under this (Known's `trx`). */
const OUTSIDE = Object.freeze({});

/** A list shared by every reader, frozen so that none can change what the others read. */
const frozen = <T extends object>(list: T[]): T[] => Object.freeze(list.map((item) => Object.freeze(item))) as T[];

/**
 * The Store on `db` through group commit (SQLite, group-commit.ts): `transaction(work)`
 * and every single call of a Store method are actions of the next batch, each answered
 * once the batch holding it is committed. `forBoard` gives another board's store on the
 * same batches (R19).
 */
export function groupCommitStore(db: Kysely<Database>, commits: GroupCommit, options: StoreOptions, lifecycle: StoreLifecycle): Store {
  // Every turn asks where the bot answers (which board a channel is bound to, and where a
  // board is bound), and every change that posts where its board is bound and (a card's
  // refresh) the Teams ids of its people: known once read (Known), until saveBinding and
  // rememberTeamsIdentity change them.
  const known = knownValues();
  const made = new Map<string, Store>();

  const boardStore = (ctx: StoreContext): Store => {
    // One repository per batch and board: its actions run one after another on the same transaction.
    const repos = new WeakMap<Transaction<Database>, Repository & ReturnType<typeof secretsQueries>>();
    const repoIn = (trx: Transaction<Database>) => {
      let repo = repos.get(trx);
      if (!repo) {
        const inTrx = inTransaction(ctx, trx);
        const queries = { ...kyselyRepository(inTrx), ...secretsQueries(inTrx) };
        repo = { ...queries, ...knowing(known, ctx.board, trx, queries) };
        repos.set(trx, repo);
      }
      return repo;
    };
    const { part: openPart, ...methods } = { ...kyselyRepository(ctx), ...secretsQueries(ctx) };
    // A call through the Store is an action of the next batch, run on that batch's repository.
    const route = <P,>(names: readonly string[], on: (repo: Repository) => P): P =>
      Object.fromEntries(
        names.map((name) => [name, (...args: unknown[]) => commits.submit((trx) => (on(repoIn(trx)) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name]!(...args))]),
      ) as unknown as P;
    const routed = Object.fromEntries(
      Object.keys(methods).map((name) => [
        name,
        (...args: unknown[]) => commits.submit((trx) => (repoIn(trx) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name]!(...args)),
      ]),
    ) as unknown as typeof methods;
    const store: Store = {
      ...routed,
      boardId: ctx.board,
      // One batch at a time, its actions one after another.
      concurrentChanges: false,
      forBoard(board: string): Store {
        let other = made.get(board);
        if (!other) made.set(board, (other = boardStore(forBoard(ctx, board))));
        return other;
      },
      // What is known is answered at once, without joining a batch.
      ...knowingOutside(known, ctx.board, routed),
      // A feature's own port (StorePart): each of its calls, too, an action of the next batch.
      part: (part) => route(Object.keys(openPart(part) as object), (repo) => repo.part(part)),
      transaction: <T>(work: (repo: Repository) => Promise<T>): Promise<T> => commits.submit((trx) => work(repoIn(trx))),
      migrate: (migrateOptions?: MigrateOptions) => lifecycle.migrate(migrateOptions),
      health: () => lifecycle.health(),
      close: async () => {
        await commits.idle();
        await lifecycle.close();
      },
    };
    made.set(ctx.board, store);
    return store;
  };
  return boardStore(storeContext(db, options));
}
