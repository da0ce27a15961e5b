/**
 * The PostgreSQL adapter of the Store port: a `pg.Pool` behind kysely's PostgresDialect,
 * with the shared queries (kysely/) and the shared migrations.
 *
 * Several processes may share one database: claims of jobs and outbox entries lock
 * their rows (`FOR UPDATE SKIP LOCKED`), so two instances never claim the same row;
 * each instance's presence (postgres-presence.ts) tells the others when it is gone, so its
 * unfinished claims are taken over; a change that depends on a count locks its
 * aggregate's row (`FOR UPDATE`); and kysely's Migrator serialises concurrent
 * migrations with an advisory lock.
 * Don't use the Store itself inside `transaction(work)`: use the repository `work` is given.
 */
import { type DatabaseIntrospector, type Driver, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { errorText, migrateToLatest } from './kysely/migrate.js';
import { kyselyStore } from './kysely/repository.js';
import { PgKnownChanges } from './postgres-changes.js';
import type { MigrateOptions, Store } from './port.js';
import { PipelinedPostgresDriver } from './postgres-driver.js';
import { SearchPathIntrospector } from './postgres-introspector.js';
import { PgPresence } from './postgres-presence.js';
import type { Database } from './schema.js';

export interface PgStoreOptions {
  /** `postgres://user:password@host:port/database`. */
  readonly url: string;
  /**
   * Keep every table (and the Migrator's own) in this schema, created by `migrate()`
   * if missing. Lower-case letters, digits and `_` only. Default: the connection's
   * current schema (normally `public`).
   */
  readonly schema?: string;
  /** The board the store is opened for (`forBoard` gives the others). */
  readonly board?: string;
  /** The boards this process serves: it claims only their jobs and posts (StoreOptions.serves). */
  readonly serves?: readonly string[];
}

const POOL_MAX = 10;
/** Connecting to an unreachable server gives up after this long. */
const CONNECT_TIMEOUT_MS = 5_000;
/** `health()` answers within this long, whatever the server does. */
const HEALTH_TIMEOUT_MS = 5_000;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Where the store is, for logs and /healthz: host, port and database, never the user's password. */
export function describePgUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    const socketHost = parsed.searchParams.get('host');
    const host = parsed.host || socketHost || 'localhost';
    return `${host}/${database}`;
  } catch {
    // Not a URL we can read: at least drop anything that looks like credentials.
    return url.replace(/\/\/[^@/]*@/, '//').replace(/[?#].*$/, '');
  }
}

/**
 * The pool's connection settings. With a schema, each new connection starts with
 * `search_path` set to it (the `options` startup parameter: no extra round trip, and
 * no connection is ever handed out without it). `options` given in the URL are kept.
 */
function poolConfig(url: string, schema: string | undefined): pg.PoolConfig {
  const base: pg.PoolConfig = {
    connectionString: url,
    max: POOL_MAX,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'bestyrelsesbot',
    // A transaction's writes are sent without waiting for the statement before (postgres-driver.ts).
    pipeline: true,
  };
  if (schema === undefined) return base;
  const searchPath = `-c search_path=${schema}`;
  // Options in the connection string would override ours: merge them into one.
  let connectionString = url;
  let options = searchPath;
  try {
    const parsed = new URL(url);
    const fromUrl = parsed.searchParams.get('options');
    if (fromUrl !== null) {
      parsed.searchParams.delete('options');
      connectionString = parsed.toString();
      options = `${fromUrl} ${searchPath}`;
    }
  } catch {
    // Let pg report an unreadable URL when it connects.
  }
  return { ...base, connectionString, options };
}

/**
 * kysely's PostgreSQL dialect, with the pipelined driver (postgres-driver.ts) and an
 * introspector that other schemas coming and going cannot break (postgres-introspector.ts).
 */
class StorePostgresDialect extends PostgresDialect {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    super({ pool });
    this.#pool = pool;
  }

  override createDriver(): Driver {
    return new PipelinedPostgresDriver(this.#pool, pg.Query);
  }

  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SearchPathIntrospector(db);
  }
}

/**
 * Runs the shared migrations in one transaction under the Migrator's advisory lock
 * (`pg_advisory_lock`): a second process migrating at the same time waits, then finds
 * nothing left to do. The Migrator's tables live in the store's schema (created when
 * missing, tolerating a concurrent create).
 */
async function migrate(kysely: Kysely<Database>, schema: string | undefined, options?: MigrateOptions): Promise<readonly string[]> {
  return migrateToLatest(kysely, 'postgres', schema ?? (await currentSchema(kysely)), options);
}

/** The schema unqualified names are created in: the Migrator must keep its tables there too. */
async function currentSchema(kysely: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(kysely);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('PostgreSQL: no schema on the search_path exists to create the tables in');
  return schema;
}

/** Whether the server answers, within HEALTH_TIMEOUT_MS whatever it does; `where` says which (no password). */
async function health(kysely: Kysely<Database>, where: string): Promise<{ ok: boolean; kind: string; detail?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
    });
    await Promise.race([sql`select 1`.execute(kysely), timeout]);
    return { ok: true, kind: 'postgres', detail: where };
  } catch (error) {
    return { ok: false, kind: 'postgres', detail: `${where}: ${errorText(error)}` };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Opens a pool on the PostgreSQL database; connects lazily (the first query).
 * Call `migrate()` before use.
 */
export async function openPgStore(options: PgStoreOptions): Promise<Store> {
  const { url, schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`PostgreSQL schema name "${schema}": use lower-case letters, digits and _ (at most 63)`);
  }
  const config = poolConfig(url, schema);
  const pool = new pg.Pool(config);
  // An idle connection that breaks (server restart, network) is dropped by the pool and
  // replaced on next use; without a listener its 'error' would crash the process.
  // The next query then reports the trouble (and health() shows it).
  pool.on('error', () => undefined);
  const kysely = new Kysely<Database>({ dialect: new StorePostgresDialect(pool) });
  const where = describePgUrl(url) + (schema !== undefined ? ` (schema ${schema})` : '');
  const presence = new PgPresence({
    connectionString: config.connectionString,
    connectionTimeoutMillis: config.connectionTimeoutMillis,
    application_name: `${config.application_name} presence`,
  });
  // Hears other instances' changes of the binding and the Teams ids: until then, and while it does, they are kept.
  const knownChanges = new PgKnownChanges({
    connectionString: config.connectionString,
    // The store's schema: the notices are per schema (its search_path names it).
    ...(config.options !== undefined ? { options: config.options } : {}),
    connectionTimeoutMillis: config.connectionTimeoutMillis,
    application_name: `${config.application_name} changes`,
  });
  return kyselyStore(
    kysely,
    {
      lockRows: true,
      claimer: presence,
      knownChanges,
      ...(options.board !== undefined ? { board: options.board } : {}),
      ...(options.serves ? { serves: options.serves } : {}),
    },
    {
      migrate: (migrateOptions) => migrate(kysely, schema, migrateOptions),
      health: () => health(kysely, where),
      async close() {
        await knownChanges.close();
        await presence.close();
        await kysely.destroy();
      },
    },
  );
}
