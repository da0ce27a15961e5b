/**
 * The SQLite adapter of the Store port: better-sqlite3 behind kysely's SqliteDialect,
 * with the shared queries (kysely/) and the shared migrations.
 *
 * One Store per process and file: kysely runs every query of it on one connection,
 * transactions one after another. So a claim on a job or a post made by any other
 * claimer is one a process that ran on this file before left behind when it was
 * killed: the next process takes it over at once (claims.ts). Don't use the Store itself inside `transaction(work)`
 * (it would wait for the transaction): use the repository `work` is given.
 *
 * Every action commits through group commit (group-commit.ts) with `synchronous = FULL`,
 * and the statements kysely compiles are prepared once and reused (StatementCache).
 */
import { chmodSync, closeSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  SqliteDialect,
  type SqliteDialectConfig,
  type SqliteDatabase,
  SqliteDriver,
  type SqliteStatement,
  sql,
} from 'kysely';
import { groupCommit } from './group-commit.js';
import { migrateToLatest } from './kysely/migrate.js';
import { makeDirectory } from './make-directory.js';
import { groupCommitStore } from './kysely/repository.js';
import type { Store } from './port.js';
import type { Database } from './schema.js';

export interface SqliteStoreOptions {
  /** Path of the database file, or ':memory:'. */
  readonly file: string;
  /** The board the store is opened for (`forBoard` gives the others). */
  readonly board?: string;
  /** The boards this process serves: it claims only their jobs and posts (StoreOptions.serves). */
  readonly serves?: readonly string[];
  /**
   * With `file: ':memory:'`: the database starts as a copy of this one, serialized
   * (better-sqlite3's `serialize()`). The tests open hundreds of migrated stores in memory
   * from one migrated image instead of migrating each (about 20 ms of CPU apiece).
   */
  readonly image?: Buffer;
}

/**
 * Transactions take the write lock when they begin (`BEGIN IMMEDIATE`): a transaction
 * that reads and then writes (a claim) then waits on busy_timeout instead of failing
 * with SQLITE_BUSY when another connection wrote in between.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/** How many distinct statements stay prepared (the bot's queries are far fewer; dynamic IN lists come and go). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * better-sqlite3 behind kysely with its statements prepared once: kysely's driver asks
 * to prepare every query it runs, and preparing costs more than running most of them.
 * A statement is keyed by its SQL text (the parameters are bound on each run); the
 * oldest is dropped when the cache is full. kysely runs one query at a time on the
 * connection and never streams here, so no cached statement is ever busy twice.
 */
class StatementCache implements SqliteDatabase {
  readonly #statements = new Map<string, SqliteStatement>();
  constructor(readonly database: BetterSqlite3.Database) {}
  prepare(text: string): SqliteStatement {
    let statement = this.#statements.get(text);
    if (statement) return statement;
    statement = this.database.prepare(text) as unknown as SqliteStatement;
    this.#statements.set(text, statement);
    if (this.#statements.size > STATEMENT_CACHE_SIZE) this.#statements.delete(this.#statements.keys().next().value!);
    return statement;
  }
  close(): void {
    this.#statements.clear();
    this.database.close();
  }
}

const isInMemory = (file: string): boolean => file === '' || file === ':memory:' || file.startsWith('file:');

/** chmod, where the file system lets us: a missing file or one we do not own is left as it is. */
function restrict(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EPERM') throw error;
  }
}

/**
 * PRODUCT §4: data files are readable by the bot's user only. The directory is made (or
 * tightened to) 0700, unless it is a shared one (sticky: /tmp), and the database file is created 0600 before SQLite opens it; SQLite
 * gives its -wal and -shm files the database file's mode. Files left by an earlier,
 * looser version are tightened too.
 */
function prepareFiles(file: string): void {
  const dir = dirname(resolve(file));
  makeDirectory(dir, 0o700);
  // A shared directory (the sticky bit: /tmp and the like) is not the bot's to tighten; its files are.
  if ((statSync(dir).mode & 0o1000) === 0) restrict(dir, 0o700);
  closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) restrict(path, 0o600);
}

/**
 * SQLite's page cache for the connection, in KiB (a negative cache_size): 2 MB, SQLite's own
 * default. better-sqlite3 is built with 16 MB, and a connection fills its cache with every
 * page it touches and keeps them: a load of votes, each adding an audit row, grew the
 * server's resident memory by 16 MB that stayed (issue 12: RSS after the load ≤ 1.3× idle).
 * A vote touches a few pages, and a page not cached is read from the OS's file cache.
 */
export const SQLITE_CACHE_KIB = 2000;

/** The connection of a store, with the settings the store relies on (see the file's head). */
export function openSqliteDatabase(file: string, image?: Buffer): BetterSqlite3.Database {
  if (image && file !== ':memory:') throw new Error('an image opens only in memory (file: ":memory:")');
  const database = new BetterSqlite3(image ?? file);
  try {
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    database.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  } catch (error) {
    database.close();
    throw error;
  }
  return database;
}

/** Opens (creating if needed) the SQLite database. Call `migrate()` before use. */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  const { file } = options;
  if (!isInMemory(file)) prepareFiles(file);
  const database = openSqliteDatabase(file, options.image);
  const kysely = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: new StatementCache(database) }) });
  return groupCommitStore(kysely, groupCommit(kysely), { ...(options.board !== undefined ? { board: options.board } : {}), ...(options.serves ? { serves: options.serves } : {}) }, {
    migrate: (migrateOptions) => migrateToLatest(kysely, 'sqlite', undefined, migrateOptions),
    async health() {
      try {
        await sql`select 1`.execute(kysely);
        return { ok: true, kind: 'sqlite', detail: file };
      } catch (error) {
        return { ok: false, kind: 'sqlite', detail: error instanceof Error ? error.message : String(error) };
      }
    },
    close: () => kysely.destroy(),
  });
}
