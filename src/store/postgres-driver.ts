/**
 * kysely's PostgreSQL driver, with fewer round trips in a transaction (issue 12).
 *
 * The pool's connections run in pg's pipeline mode: a statement is sent without waiting for
 * the answer to the one before. In a transaction, BEGIN and the writes whose result nobody
 * reads (`Prepared.write`: a ballot, an audit entry, an outbox entry) are not waited for:
 * they go out with the next statement the transaction waits for, or with its COMMIT. Nor are
 * the reads whose caller runs its next query before awaiting them (`Prepared.ahead`: a
 * motion and its ballots, where the board is bound and its Teams ids): sent at once,
 * answered to that caller. A read of what is committed once the transaction commits
 * (`Prepared.onceCommitted`: a vote's ballots as others committed them) goes right behind
 * COMMIT. The statements sent in one turn of the event loop leave in one write to the socket.
 *
 * The queries built once (`prepared`, the hot path) are prepared on the server once per
 * connection, under their name (`statementName`), and then only bound and run.
 *
 * Nothing is answered earlier than before: COMMIT is waited for, and so is every statement
 * sent ahead. If one of them failed, PostgreSQL has aborted the transaction (every later
 * statement fails, and COMMIT rolls back); the transaction then fails with that statement's
 * own error, as it would have without sending ahead. Outside a transaction every statement
 * is waited for (each commits by itself).
 */
import type { Socket } from 'node:net';
import { type CompiledQuery, type DatabaseConnection, type Driver, type QueryResult, type TransactionSettings } from 'kysely';
import type pg from 'pg';
import { mayBeSentAhead, readAhead, readOnceCommitted, statementName } from './kysely/prepared.js';

export class PipelinedPostgresDriver implements Driver {
  #pool: pg.Pool | undefined;
  readonly #Query: typeof pg.Query;
  readonly #connections = new WeakMap<pg.PoolClient, PipelinedConnection>();

  /** `pool`: made with `pipeline: true`; `Query`: its pg's (`pg.Query`, see PipelinedConnection's #send). */
  constructor(pool: pg.Pool, Query: typeof pg.Query) {
    this.#pool = pool;
    this.#Query = Query;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const pool = this.#pool;
    if (!pool) throw new Error('the PostgreSQL store is closed');
    const client = await pool.connect();
    let connection = this.#connections.get(client);
    if (!connection) this.#connections.set(client, (connection = new PipelinedConnection(client, this.#Query)));
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    (connection as PipelinedConnection).begin(settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return (connection as PipelinedConnection).commit();
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return (connection as PipelinedConnection).rollback();
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as PipelinedConnection).release();
  }

  async destroy(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.end();
  }
}

/** PostgreSQL's error for a prepared statement whose tables changed shape (`feature_not_supported`). */
const STALE_PLAN = '0A000';

class PipelinedConnection implements DatabaseConnection {
  readonly #client: pg.PoolClient;
  readonly #Query: typeof pg.Query;
  #inTransaction = false;
  /** The transaction's statements sent and not waited for (each settles, failed or not). */
  #ahead: Promise<void>[] = [];
  /** The first of them that failed. */
  #failure: { readonly error: unknown } | undefined;
  /** The reads to send right after the transaction's COMMIT (`Prepared.onceCommitted`), and how each is answered. */
  #onceCommitted: { readonly query: CompiledQuery; readonly resolve: (answer: Promise<QueryResult<unknown>>) => void; readonly reject: (error: Error) => void }[] = [];
  /** Whether the socket holds what is sent in this turn (it is written at the turn's end). */
  #holding = false;
  /** A rollback failed, or the server dropped a prepared statement: the connection is not given out again. */
  #discard = false;

  constructor(client: pg.PoolClient, Query: typeof pg.Query) {
    this.#client = client;
    this.#Query = Query;
    // The pool listens for the errors of idle connections only. One given out whose line
    // drops (a server restart, the network) fails its queries, and then emits the error:
    // without a listener that would end the process. The connection is dropped instead.
    client.on('error', () => {
      this.#discard = true;
    });
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#discard) throw new Error('the PostgreSQL connection is broken');
    if (this.#inTransaction && mayBeSentAhead(query)) {
      this.#sendAhead(query.sql, query.parameters, statementName(query));
      return { rows: [] };
    }
    const onceCommitted = this.#inTransaction ? readOnceCommitted(query) : undefined;
    if (onceCommitted) {
      let settle!: { resolve: (answer: Promise<QueryResult<unknown>>) => void; reject: (error: Error) => void };
      const answer = new Promise<QueryResult<unknown>>((resolve, reject) => (settle = { resolve, reject }));
      answer.catch(() => undefined); // a transaction that rolls back may leave it unawaited
      onceCommitted(answer);
      this.#onceCommitted.push({ query, ...settle });
      return { rows: [] };
    }
    const handOver = this.#inTransaction ? readAhead(query) : undefined;
    if (handOver) {
      const answer = this.#sendAhead(query.sql, query.parameters, statementName(query)).then(toResult);
      answer.catch(() => undefined); // its failure is the transaction's too, even if nobody awaits it
      handOver(answer);
      return { rows: [] };
    }
    let result: pg.QueryResult;
    try {
      result = await this.#send(query.sql, query.parameters, statementName(query));
    } catch (error) {
      // A statement sent ahead failed first: that is the transaction's error (this one only
      // says the transaction is aborted). Those were answered before this one.
      await Promise.all(this.#ahead);
      throw this.#failure?.error ?? error;
    }
    return toResult<R>(result);
  }

  streamQuery(): AsyncIterableIterator<QueryResult<never>> {
    throw new Error('the PostgreSQL store does not stream query results');
  }

  begin(settings: TransactionSettings): void {
    let sql = 'begin';
    if (settings.isolationLevel || settings.accessMode) {
      sql = 'start transaction';
      if (settings.isolationLevel) sql += ` isolation level ${settings.isolationLevel}`;
      if (settings.accessMode) sql += ` ${settings.accessMode}`;
    }
    this.#inTransaction = true;
    this.#sendAhead(sql, []);
  }

  async commit(): Promise<void> {
    const committing = this.#send('commit', []);
    // In the same write: each sees what this COMMIT committed, and is answered only if it did.
    const after = this.#onceCommitted.splice(0).map(({ query, resolve }) => {
      const read = this.#send(query.sql, query.parameters, statementName(query));
      read.catch(() => undefined);
      resolve(
        committing.then(async (result) => {
          await Promise.all(this.#ahead);
          if (this.#failure || result.command === 'ROLLBACK') throw new Error('the transaction did not commit');
          return toResult<unknown>(await read);
        }),
      );
      return read;
    });
    try {
      const result = await committing;
      await Promise.all(this.#ahead);
      if (this.#failure) throw this.#failure.error;
      // PostgreSQL answers COMMIT with ROLLBACK when the transaction was aborted.
      if (result.command === 'ROLLBACK') throw new Error('PostgreSQL rolled the transaction back');
    } finally {
      // Answered before the connection goes back to the pool.
      await Promise.allSettled(after);
      await this.#endTransaction();
    }
  }

  /**
   * If the ROLLBACK cannot be sent or fails, the line is gone or unusable: the server rolls
   * the transaction back when it loses the connection, which is dropped. The transaction's own
   * error is then the one its caller gets (kysely throws a rollback's error instead).
   */
  async rollback(): Promise<void> {
    for (const { reject } of this.#onceCommitted.splice(0)) reject(new Error('the transaction was rolled back'));
    try {
      if (!this.#discard) await this.#send('rollback', []);
    } catch {
      this.#discard = true;
    } finally {
      await this.#endTransaction();
    }
  }

  release(): void {
    this.#client.release(this.#discard);
  }

  /** Once every statement sent ahead has settled (none rejects), so that none reaches the next transaction. */
  async #endTransaction(): Promise<void> {
    await Promise.all(this.#ahead);
    this.#inTransaction = false;
    this.#ahead = [];
    this.#onceCommitted = [];
    this.#failure = undefined;
  }

  /** Its answer, which also fails the transaction if it fails (whoever awaits it or not). */
  #sendAhead(sql: string, parameters: readonly unknown[], name?: string): Promise<pg.QueryResult> {
    const sent = this.#send(sql, parameters, name);
    this.#ahead.push(
      sent.then(
        () => undefined,
        (error: unknown) => {
          this.#failure ??= { error };
        },
      ),
    );
    return sent;
  }

  #send(sql: string, parameters: readonly unknown[], name?: string): Promise<pg.QueryResult> {
    this.#hold();
    const sent = new Promise<pg.QueryResult>((resolve, reject) => {
      // A Query made from the SQL text, named afterwards, and handed to pg as it is: a
      // config object would be copied property by property (pg's normalizeQueryConfig),
      // and pg would wrap its answer in a promise of its own; together about a tenth of
      // the store's CPU in a vote (issue 12). pg reads the name when it sends the query.
      const query = new this.#Query(sql, parameters as unknown[], (error, result) => (error ? reject(error) : resolve(result)));
      if (name) (query as { name?: string }).name = name;
      this.#client.query(query as unknown as pg.QueryConfig);
    });
    // A statement prepared before another instance migrated the schema under it can no longer
    // run ("cached plan must not change result type"): the connection and the statements it
    // keeps are dropped when it is released, so that the next use prepares afresh.
    return name ? sent.catch((error: unknown) => this.#forgetOnStalePlan(error)) : sent;
  }

  #forgetOnStalePlan(error: unknown): never {
    if ((error as { code?: unknown }).code === STALE_PLAN) this.#discard = true;
    throw error;
  }

  /** What is sent in this turn of the event loop leaves in one write, at the turn's end. */
  #hold(): void {
    if (this.#holding) return;
    const socket = (this.#client as unknown as { connection?: { stream?: Socket } }).connection?.stream;
    if (typeof socket?.cork !== 'function') return;
    socket.cork();
    this.#holding = true;
    process.nextTick(() => {
      this.#holding = false;
      socket.uncork();
    });
  }
}

function toResult<R>(result: pg.QueryResult): QueryResult<R> {
  const { command, rowCount, rows } = result;
  if (command === 'ROLLBACK' || command === 'COMMIT') return { rows: [{ command } as R] };
  const wrote = command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE';
  return { ...(wrote ? { numAffectedRows: BigInt(rowCount ?? 0) } : {}), rows: (rows ?? []) as R[] };
}
