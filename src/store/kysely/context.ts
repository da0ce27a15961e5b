/**
 * What every feature's queries are given: the connection or transaction they run on and
 * how this store locks rows and claims work. One object, built in one place (here), so
 * that what every query must know (e.g. a board it is scoped to) is added once and
 * reaches every feature.
 */
import type { DeleteQueryBuilder, DeleteResult, InsertObject, InsertQueryBuilder, InsertResult, Kysely, SelectQueryBuilder, Transaction, UpdateQueryBuilder, UpdateResult } from 'kysely';
import { SqliteAdapter, sql } from 'kysely';
import { type Claimer, soleClaimer } from '../claims.js';
import type { StorePart, StorePartContext } from '../port.js';
import type { ReadOptions } from '../ports/read.js';
import type { Database } from '../schema.js';

export type Db = Kysely<Database> | Transaction<Database>;

export interface StoreOptions {
  /**
   * PostgreSQL: lock rows where the port asks for it (`{ lock: true }`: `FOR UPDATE`)
   * and the rows selected for a claim (`FOR UPDATE SKIP LOCKED`, so concurrent claimers
   * skip each other's rows). SQLite serialises write transactions (`BEGIN IMMEDIATE`)
   * and has no such clause: leave it false there.
   */
  readonly lockRows?: boolean;
  /** Who this process claims jobs and posts as (claims.ts). Default: the sole process on the database. */
  readonly claimer?: Claimer;
  /** The board the store is opened for (Store.forBoard gives the others). Default: SOLE_BOARD. */
  readonly board?: string;
  /**
   * The boards this process serves (R19): its claims of jobs and posts take only theirs. A
   * board whose file is gone keeps its due jobs and posts pending, for when it is served again
   * (or by an instance that serves it). Default: every board's.
   */
  readonly serves?: readonly string[];
  /**
   * PostgreSQL: how this instance hears that another changed the binding or the Teams ids
   * (postgres-changes.ts). With it, the store keeps those between requests while it listens.
   */
  readonly knownChanges?: KnownChanges;
}

/** Changes to what a store keeps between requests, made by other processes on the same database. */
export interface KnownChanges {
  /** Whether changes are heard now: only then may what is read be kept. */
  readonly listening: boolean;
  /** `forget` is called on each change heard, and when changes can no longer be heard. */
  onChange(forget: () => void): void;
}

/** The board of a store opened without one: a deployment of one board, and tests. */
export const SOLE_BOARD = 'board';

export interface StoreContext {
  readonly db: Db;
  readonly lockRows: boolean;
  /** One claimer for the store and every transaction's repository made from it. */
  readonly claimer: Claimer;
  /** The board every query is scoped to (the helpers below; no feature reads `db` itself). */
  readonly board: string;
  /** The boards whose jobs and posts this process claims (StoreOptions.serves); undefined: all. */
  readonly serves?: readonly string[];
}

/** Whether the store is SQLite, for a query that is built otherwise there (outbox.ts, endReminders). */
export const onSqlite = (ctx: StoreContext): boolean => ctx.db.getExecutor().adapter instanceof SqliteAdapter;

/** The context of a store on `db`. */
export function storeContext(db: Kysely<Database>, options: StoreOptions = {}): StoreContext {
  return {
    db,
    lockRows: options.lockRows ?? false,
    claimer: options.claimer ?? soleClaimer(),
    board: options.board ?? SOLE_BOARD,
    ...(options.serves ? { serves: [...options.serves] } : {}),
  };
}

/** The same store's context for another board. */
export function forBoard(ctx: StoreContext, board: string): StoreContext {
  return { ...ctx, board };
}

/** The same store's context inside the transaction `trx`. */
export function inTransaction(ctx: StoreContext, trx: Transaction<Database>): StoreContext {
  return { ...ctx, db: trx };
}

/** Reads `query`'s row locked until the transaction ends, when asked and where the store locks rows. */
export function locked<Q extends { forUpdate(): Q; forShare(): Q }>(ctx: StoreContext, query: Q, read?: ReadOptions): Q {
  if (!read?.lock || !ctx.lockRows) return query;
  return read.lock === 'shared' ? query.forShare() : query.forUpdate();
}

/**
 * Holds the board's lock in `space` until the transaction ends, where the store locks rows (a
 * PostgreSQL advisory lock on the space and the board: another instance's change taking it
 * waits): for a change that depends on rows that do not exist yet (no meeting at that time).
 * Where changes run one at a time (SQLite) nothing is needed.
 */
export async function lockBoard(ctx: StoreContext, space: number): Promise<void> {
  if (!ctx.lockRows) return;
  await sql`select pg_advisory_xact_lock(${space}, hashtext(${ctx.board}))`.execute(ctx.db);
}

/** Whether the context is in a transaction (`atomically` then runs in it rather than opening one). */
export const inATransaction = (ctx: StoreContext): boolean => ctx.db.isTransaction;

/** Runs `work` in a transaction, or in the current one when the context is in one. */
export function atomically<T>(ctx: StoreContext, work: (ctx: StoreContext) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  return ctx.db.transaction().execute((trx) => work(inTransaction(ctx, trx)));
}

/** The tables whose rows belong to a board: all but the deployment's secrets. */
export type BoardTable = Exclude<keyof Database, 'secrets'>;

/** A row to insert, without its board (the helper adds it): values, or expressions of them (a subquery's). */
export type BoardRow<T extends BoardTable> = Omit<InsertObject<Database, T>, 'board_id'>;

/**
 * THE scoping of every query to the store's board, for each feature's file: selects,
 * updates and deletes of `ctx.board`'s rows only, inserts with `ctx.board`. A feature's
 * queries are made with these and nothing else (test/unit/store/board-scope.test.ts):
 * a new table gets a `board_id` and is scoped by the same four functions.
 */
export const scoped = {
  select<T extends BoardTable>(ctx: StoreContext, table: T): SelectQueryBuilder<Database, T, {}> {
    return scopedIn(ctx, ctx.db as Kysely<Database>).select(table);
  },
  update<T extends BoardTable>(ctx: StoreContext, table: T): UpdateQueryBuilder<Database, T, T, UpdateResult> {
    return scopedIn(ctx, ctx.db as Kysely<Database>).update(table);
  },
  delete<T extends BoardTable>(ctx: StoreContext, table: T): DeleteQueryBuilder<Database, T, DeleteResult> {
    return scopedIn(ctx, ctx.db as Kysely<Database>).delete(table);
  },
  insert<T extends BoardTable>(ctx: StoreContext, table: T, values: BoardRow<T>): InsertQueryBuilder<Database, T, InsertResult> {
    return scopedIn(ctx, ctx.db as Kysely<Database>).insert(table, values);
  },
  /** Several rows in one statement (at least one). */
  insertMany<T extends BoardTable>(ctx: StoreContext, table: T, rows: readonly BoardRow<T>[]): InsertQueryBuilder<Database, T, InsertResult> {
    return (ctx.db as Kysely<Database>).insertInto(table).values(rows.map((r) => ({ ...r, board_id: ctx.board })) as never) as never;
  },
};

/**
 * The same scoping on `db`'s tables: for a feature's store part that types its own table
 * (its rows have a `board_id` too): `const rows = ownTables<{ tasks: TasksTable }>(ctx)`.
 */
export function scopedIn<DB>(ctx: StoreContext, db: Kysely<DB>) {
  type Own = keyof DB & string;
  return {
    select: <T extends Own>(table: T): SelectQueryBuilder<DB, T, {}> =>
      (db.selectFrom(table as never) as unknown as SelectQueryBuilder<any, any, {}>).where(`${table}.board_id`, '=', ctx.board as never) as never,
    update: <T extends Own>(table: T): UpdateQueryBuilder<DB, T, T, UpdateResult> =>
      (db.updateTable(table as never) as unknown as UpdateQueryBuilder<any, any, any, UpdateResult>).where(`${table}.board_id`, '=', ctx.board as never) as never,
    delete: <T extends Own>(table: T): DeleteQueryBuilder<DB, T, DeleteResult> =>
      (db.deleteFrom(table as never) as unknown as DeleteQueryBuilder<any, any, DeleteResult>).where(`${table}.board_id`, '=', ctx.board as never) as never,
    insert: <T extends Own>(table: T, values: Omit<InsertObject<DB, T>, 'board_id'>): InsertQueryBuilder<DB, T, InsertResult> =>
      (db.insertInto(table as never) as unknown as InsertQueryBuilder<any, any, InsertResult>).values({ ...values, board_id: ctx.board }) as never,
  };
}

/** The board's rows of a store part's own tables (typed by the part: each has a `board_id`). */
export function ownTables<Tables extends Record<string, Record<string, any>>>(ctx: StoreContext) {
  return scopedIn(ctx, (ctx.db as Kysely<Database>).withTables<Tables>() as unknown as Kysely<Tables>);
}

/**
 * The one way to read across boards: the queues' claims (one tick, one sender, for every
 * board). Each claimed entry carries its board; what is done with it is scoped again.
 */
export function acrossBoards(ctx: StoreContext): Db {
  return ctx.db;
}

/** A feature's own port on kysely (port.ts, StorePart): its queries, given the repository's context. */
export function storePart<P>(name: string, queries: (ctx: StoreContext) => P): StorePart<P> {
  return { name, open: (context: StorePartContext) => queries(context as unknown as StoreContext) };
}

/** The context a store part's queries are given (port.ts `part`). */
export const partContext = (ctx: StoreContext): StorePartContext => ctx as unknown as StorePartContext;
