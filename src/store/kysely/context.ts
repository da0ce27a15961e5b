/**
 * What every feature's queries are given: the connection or transaction they run on and
 * how this store locks rows and claims work. One object, built in one place (here), so
 * that what every query must know (e.g. a board it is scoped to) is added once and
 * reaches every feature.
 */
import type { Kysely, Transaction } from 'kysely';
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
}

export interface StoreContext {
  readonly db: Db;
  readonly lockRows: boolean;
  /** One claimer for the store and every transaction's repository made from it. */
  readonly claimer: Claimer;
}

/** The context of a store on `db`. */
export function storeContext(db: Kysely<Database>, options: StoreOptions = {}): StoreContext {
  return { db, lockRows: options.lockRows ?? false, claimer: options.claimer ?? soleClaimer() };
}

/** The same store's context inside the transaction `trx`. */
export function inTransaction(ctx: StoreContext, trx: Transaction<Database>): StoreContext {
  return { ...ctx, db: trx };
}

/** Reads `query`'s row locked until the transaction ends, when asked and where the store locks rows. */
export function locked<Q extends { forUpdate(): Q }>(ctx: StoreContext, query: Q, read?: ReadOptions): Q {
  return read?.lock && ctx.lockRows ? query.forUpdate() : query;
}

/** Runs `work` in a transaction, or in the current one when `db` is one. */
export function atomically<T>(db: Db, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute((trx) => work(trx));
}

/** A feature's own port on kysely (port.ts, StorePart): its queries, given the repository's context. */
export function storePart<P>(name: string, queries: (ctx: StoreContext) => P): StorePart<P> {
  return { name, open: (context: StorePartContext) => queries(context as unknown as StoreContext) };
}

/** The context a store part's queries are given (port.ts `part`). */
export const partContext = (ctx: StoreContext): StorePartContext => ctx as unknown as StorePartContext;
