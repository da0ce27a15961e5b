/**
 * Queries built once (issue 12): a query on the hot path (a vote) is built with kysely
 * once, with placeholders where its values go, and compiled once per dialect (SQLite and
 * PostgreSQL compile differently); each run binds new values to the compiled SQL. Building
 * and compiling the query tree cost more CPU than SQLite takes to run most of these.
 *
 *   const motionById = prepared((ctx, $: { id: string }) => scoped.select(ctx, 'motions').selectAll().where('id', '=', $.id));
 *   const row = await motionById.first(ctx, { id });
 *
 * The query is made as every other, through `scoped` (or `acrossBoards`) on the `ctx` it is
 * given, whose board is a placeholder too: one compiled statement serves every board of a
 * store, and the board is bound from the running context's `ctx.board`. A placeholder
 * stands for one value (not a list: the length of an `in` list is part of the SQL); what
 * the builder writes as a constant stays a constant. Options that change the SQL (a lock)
 * are separate queries: `ctx.lockRows ? locked : plain`; SQL that depends on more of the
 * context than its dialect says on what (`per`: compiled once per dialect and that).
 */
import { type Compilable, CompiledQuery, type QueryResult } from 'kysely';
import type { StoreContext } from './context.js';

/** Where a value goes: a named placeholder, bound when the query runs. */
class Slot {
  constructor(readonly name: string) {}
}

/** `ctx.board` while the query is built: bound from the running context's. */
const BOARD = new Slot('ctx.board');

/** The placeholders `$.name` of a query being built (one per name). */
function placeholders(): object {
  const made = new Map<string, Slot>();
  return new Proxy(
    {},
    {
      get: (_, name) => {
        if (typeof name !== 'string') return undefined;
        let slot = made.get(name);
        if (!slot) made.set(name, (slot = new Slot(name)));
        return slot;
      },
    },
  );
}

interface Compiled {
  readonly sql: string;
  /** The statement's name (statementName). */
  readonly statement: string;
  /** Each parameter's placeholder name (BOARD: the board; undefined: a constant, in `constants`). */
  readonly names: readonly (string | Slot | undefined)[];
  readonly constants: readonly unknown[];
}

export interface Prepared<A, R> {
  /** Runs the query on `ctx`'s connection or transaction, for `ctx.board`. */
  run(ctx: StoreContext, args: A): Promise<QueryResult<R>>;
  rows(ctx: StoreContext, args: A): Promise<R[]>;
  first(ctx: StoreContext, args: A): Promise<R | undefined>;
  /** The rows an insert, update or delete wrote (an upsert that did nothing: 0). */
  affected(ctx: StoreContext, args: A): Promise<number>;
  /**
   * A write whose result nobody reads. On PostgreSQL, in a transaction, it is sent with the
   * next statement and not waited for (postgres-driver.ts); if it fails, the transaction
   * fails and rolls back as with any failed statement. Elsewhere it runs as `run` does.
   */
  write(ctx: StoreContext, args: A): Promise<void>;
  /**
   * `rows`, with the query sent at once and not waited for by the caller's next query: on
   * PostgreSQL, in a transaction, the query the caller runs next goes out with this one, in
   * one round trip (postgres-driver.ts). Call it without awaiting, run the next query, then
   * await both: `const motion = a.ahead(ctx, x); const ballots = await b.rows(ctx, y); await motion`.
   * Elsewhere it runs as `rows` does. (The answer bypasses kysely's plugins: the store has none.)
   */
  ahead(ctx: StoreContext, args: A): Promise<R[]>;
  /**
   * `rows` as committed once the transaction `ctx` is in commits: on PostgreSQL the query goes
   * out right after its COMMIT, in the same write, and sees what that COMMIT and every one
   * before it committed; it rejects if the transaction rolls back. Elsewhere (one transaction
   * at a time: SQLite; or outside a transaction) it runs at once, which reads the same.
   */
  onceCommitted(ctx: StoreContext, args: A): Promise<R[]>;
}

/** The compiled queries `write` made: a driver may send them ahead (postgres-driver.ts). */
const sentAhead = new WeakSet<CompiledQuery>();

/** Whether `query` is a write whose result nobody reads (`Prepared.write`). */
export const mayBeSentAhead = (query: CompiledQuery): boolean => sentAhead.has(query);

/** The reads `ahead` made: a driver that sends one without waiting hands its answer over here. */
const readsAhead = new WeakMap<CompiledQuery, (answer: Promise<QueryResult<unknown>>) => void>();

/**
 * Whether `query` is a read whose caller does not wait for it before its next query
 * (`Prepared.ahead`): if so, where a driver that sends it without waiting hands over its answer.
 */
export const readAhead = (query: CompiledQuery): ((answer: Promise<QueryResult<unknown>>) => void) | undefined => readsAhead.get(query);

/** The reads `onceCommitted` made: a driver that sends one after COMMIT hands its answer over here. */
const readsOnceCommitted = new WeakMap<CompiledQuery, (answer: Promise<QueryResult<unknown>>) => void>();

/** Whether `query` is to be read after its transaction's COMMIT (`Prepared.onceCommitted`): where its answer goes. */
export const readOnceCommitted = (query: CompiledQuery): ((answer: Promise<QueryResult<unknown>>) => void) | undefined => readsOnceCommitted.get(query);

/**
 * Each compiled query's name, the same for every run of it: a driver may keep the statement
 * prepared on the server under it (postgres-driver.ts). The SQL of a name never changes.
 */
const statementNames = new WeakMap<CompiledQuery, string>();
let compiledCount = 0;

/** The name of the statement `query` runs, if it is a prepared query's (one of a fixed set). */
export const statementName = (query: CompiledQuery): string | undefined => statementNames.get(query);

/**
 * A query built by `build` once per dialect (the first run on it) and run with the values
 * of `args` in place of `$`'s placeholders. Type `$` in `build` (`$: { id: string }`): the
 * values are type-checked against the columns as in any query.
 */
export function prepared<A extends object, R>(
  build: (ctx: StoreContext, $: A) => Compilable<R>,
  options: { readonly per?: (ctx: StoreContext) => object } = {},
): Prepared<A, R> {
  // By the dialect's adapter (every connection and transaction of a Kysely instance shares one), then by `per`.
  const byAdapter = new WeakMap<object, WeakMap<object, Compiled>>();
  const cached = (ctx: StoreContext): Compiled => {
    const adapter = ctx.db.getExecutor().adapter;
    let variants = byAdapter.get(adapter);
    if (!variants) byAdapter.set(adapter, (variants = new WeakMap()));
    const key = options.per?.(ctx) ?? adapter;
    let query = variants.get(key);
    if (!query) variants.set(key, (query = compile(ctx)));
    return query;
  };

  const compile = (ctx: StoreContext): Compiled => {
    const query = build({ ...ctx, board: BOARD as unknown as string }, placeholders() as A).compile();
    const names = query.parameters.map((p) => (p === BOARD ? BOARD : p instanceof Slot ? p.name : undefined));
    return { sql: query.sql, statement: `q${++compiledCount}`, names, constants: query.parameters.map((p) => (p instanceof Slot ? undefined : p)) };
  };

  const compiled = (ctx: StoreContext, args: A): CompiledQuery<R> => {
    const query = cached(ctx);
    const { names, constants } = query;
    const parameters: unknown[] = new Array(names.length);
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (name === undefined) {
        parameters[i] = constants[i];
        continue;
      }
      const value = name === BOARD ? ctx.board : (args as Record<string, unknown>)[name as string];
      // kysely leaves an undefined value out of the query; a compiled one cannot: say so.
      if (value === undefined) throw new Error(`prepared query: no value for $.${String(name)} in ${query.sql}`);
      parameters[i] = value;
    }
    const made = CompiledQuery.raw(query.sql, parameters) as CompiledQuery<R>;
    statementNames.set(made, query.statement);
    return made;
  };
  const run = async (ctx: StoreContext, args: A): Promise<QueryResult<R>> => ctx.db.executeQuery<R>(compiled(ctx, args));

  return {
    run,
    write: async (ctx, args) => {
      const query = compiled(ctx, args);
      sentAhead.add(query);
      await ctx.db.executeQuery(query);
    },
    rows: async (ctx, args) => (await run(ctx, args)).rows,
    ahead: (ctx, args) => handedOver(ctx, compiled(ctx, args), readsAhead),
    onceCommitted: (ctx, args) => handedOver(ctx, compiled(ctx, args), readsOnceCommitted),
    first: async (ctx, args) => (await run(ctx, args)).rows[0],
    affected: async (ctx, args) => Number((await run(ctx, args)).numAffectedRows ?? 0n),
  };
}

/**
 * The rows of `query`, run now: as a driver answers it later (it takes the query from
 * `handOvers` and hands its answer over), or as it answers at once.
 */
function handedOver<R>(ctx: StoreContext, query: CompiledQuery<R>, handOvers: WeakMap<CompiledQuery, (answer: Promise<QueryResult<unknown>>) => void>): Promise<R[]> {
  let answer: Promise<QueryResult<unknown>> | undefined;
  handOvers.set(query, (later) => {
    answer = later;
  });
  // Started now (kysely gives the connection to the first query that asks), answered below.
  const ran = ctx.db.executeQuery<R>(query);
  const rows = ran.then(async (direct) => (answer ? ((await answer) as QueryResult<R>) : direct).rows);
  // A caller whose next query failed first, or whose transaction rolled back, may not await it.
  rows.catch(() => undefined);
  return rows;
}
