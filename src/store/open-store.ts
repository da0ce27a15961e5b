/**
 * Picks the store from the environment: PostgreSQL when DATABASE_URL is set,
 * otherwise SQLite in DATA_DIR. Logs which, never the database password.
 * Each adapter is loaded only when chosen: a bot on SQLite never loads `pg`.
 */
import { join } from 'node:path';
import type { Env } from '../config/env.js';
import { ConfigError } from '../config/issues.js';
import { NewerDatabaseError } from './kysely/migrate.js';
import type { Store } from './port.js';

/**
 * What the file system says when DATA_DIR cannot be made or written: a file in its place, no
 * permission, a read-only file system, a place that cannot hold a file (/proc/x, /proc/self: ENOENT),
 * a dangling link (ENOENT) or a loop of links, a directory where the database or lock file goes.
 */
const UNUSABLE_DIR = new Set(['EEXIST', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ELOOP', 'EISDIR']);

/**
 * What pg and the network say when the PostgreSQL server cannot be reached or will not let
 * the bot in: no server there, no such host, a refused password, no such database.
 */
const UNREACHABLE_NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);
const UNREACHABLE_SQLSTATE: Record<string, string> = {
  '28P01': 'the password was refused',
  '28000': 'the server does not let this user in',
  '3D000': 'the database does not exist',
  '57P03': 'the server is starting or stopping',
};

/** What Node's TLS says when it does not trust the server's certificate (sslmode=verify-full). */
const REFUSED_CERTIFICATE = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The certificate or key file DATABASE_URL names (sslrootcert, sslcert, sslkey) that `error` failed to read, if any. */
function unreadableFile(url: string, error: unknown): string | undefined {
  const { syscall, path } = error as { syscall?: unknown; path?: unknown };
  if (syscall !== 'open' || typeof path !== 'string') return undefined;
  try {
    const params = new URL(url).searchParams;
    return ['sslrootcert', 'sslcert', 'sslkey'].some((name) => params.get(name) === path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The operator's message when the store the environment names cannot be used at all (its
 * first query at start failed so, or a newer version of the bot migrated it): a ConfigError
 * naming DATABASE_URL (or DATA_DIR), without the password or a stack trace; `undefined` for
 * any other failure, which stays as it is.
 */
export async function storeUnreachable(env: Pick<Env, 'DATABASE_URL'> & Partial<Pick<Env, 'DATA_DIR'>>, error: unknown): Promise<ConfigError | undefined> {
  if (error === null || error === undefined) return undefined;
  if (error instanceof NewerDatabaseError) {
    if (!env.DATABASE_URL) return env.DATA_DIR === undefined ? error : new ConfigError(`DATA_DIR ${env.DATA_DIR}: ${error.message}`);
    const { describePgUrl } = await import('./postgres.js');
    return new ConfigError(`DATABASE_URL (${describePgUrl(env.DATABASE_URL)}): ${error.message}`);
  }
  // A migration's failure wraps the driver's error (migrate.ts): its cause says what the database said.
  const cause = (error as { cause?: unknown }).cause;
  if ((error as { code?: unknown }).code === undefined && cause instanceof Error && (cause as { code?: unknown }).code !== undefined) error = cause;
  if (!env.DATABASE_URL) return sqliteHeld(env.DATA_DIR, error);
  const code = (error as { code?: unknown }).code;
  // A host name with two addresses (localhost: ::1 and 127.0.0.1) fails with an AggregateError
  // whose own message is empty: its errors say why, one per address.
  const inner = (error as { errors?: unknown }).errors;
  const message =
    (error instanceof Error ? error.message : String(error)) ||
    (Array.isArray(inner) ? inner.map((e) => (e instanceof Error ? e.message : String(e))).join('; ') : '') ||
    String(code ?? 'no answer');
  const file = unreadableFile(env.DATABASE_URL, error);
  const why =
    typeof code === 'string' && UNREACHABLE_SQLSTATE[code] ? `${UNREACHABLE_SQLSTATE[code]} (${message})`
    : (typeof code === 'string' && UNREACHABLE_NETWORK.has(code)) || /connection timeout|Connection terminated unexpectedly/i.test(message) ? message
    : /client password must be a string/i.test(message) ? 'the server asks for a password, and DATABASE_URL gives none'
    : /server does not support SSL connections/i.test(message) ? 'the server does not take TLS connections, and DATABASE_URL asks for one (sslmode, ssl)'
    : typeof code === 'string' && REFUSED_CERTIFICATE.has(code) ? `the server's TLS certificate was refused (${message})`
    : file ? `cannot read the file ${file} that it names (${String(code)})`
    : code === '42501' ? `its user lacks a right the bot needs (${message}): make the user the database's owner, or grant it CREATE on the schema and all rights on the bot's tables`
    : undefined;
  if (!why) return undefined;
  const { describePgUrl } = await import('./postgres.js');
  return new ConfigError(`DATABASE_URL (${describePgUrl(env.DATABASE_URL)}): cannot use the PostgreSQL database: ${why}; nothing was started`);
}

/**
 * On SQLite: another program (a copy or backup being made, the sqlite3 shell, a database tool)
 * held the database longer than busy_timeout (sqlite.ts, 5 s) at start: a ConfigError naming DATA_DIR.
 */
function sqliteHeld(dataDir: string | undefined, error: unknown): ConfigError | undefined {
  if (dataDir === undefined || (error as { code?: unknown }).code !== 'SQLITE_BUSY') return undefined;
  const message = error instanceof Error ? error.message : String(error);
  return new ConfigError(
    `DATA_DIR ${dataDir}: the database ${join(dataDir, 'bestyrelsesbot.db')} is locked by another program (${message}), longer than the bot waits (5 s): a copy or backup being made, or a database tool with it open? Let it finish or close it, then start again`,
  );
}

export interface StoreLog {
  info(data: object, message: string): void;
}

/**
 * Opens (does not migrate) the store the environment asks for, for `board` (Store.forBoard gives
 * the others); `serves`: the boards whose jobs and posts this process claims (default: all).
 */
export async function openStore(env: Pick<Env, 'DATABASE_URL' | 'DATA_DIR'>, log?: StoreLog, board?: string, serves?: readonly string[]): Promise<Store> {
  if (env.DATABASE_URL) {
    const { describePgUrl, openPgStore } = await import('./postgres.js');
    const store = await openPgStore({ url: env.DATABASE_URL, ...(board !== undefined ? { board } : {}), ...(serves ? { serves } : {}) });
    log?.info({ store: 'postgres', database: describePgUrl(env.DATABASE_URL) }, 'store: PostgreSQL');
    return store;
  }
  const { openSqliteStore } = await import('./sqlite.js');
  const { lockDataDir } = await import('./data-dir-lock.js');
  const file = join(env.DATA_DIR, 'bestyrelsesbot.db');
  // The directory cannot be made or written (a file in its place, no permission): say which setting.
  const unusable = (error: unknown): never => {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && UNUSABLE_DIR.has(code)) throw new ConfigError(`DATA_DIR ${env.DATA_DIR}: cannot hold the database ${file} (${(error as Error).message})`);
    throw error;
  };
  // One process per database file (data-dir-lock.ts): a second would post everything twice.
  let lock: ReturnType<typeof lockDataDir>;
  try {
    lock = lockDataDir(env.DATA_DIR);
  } catch (error) {
    return unusable(error);
  }
  const store = await openSqliteStore({ file, ...(board !== undefined ? { board } : {}), ...(serves ? { serves } : {}) }).catch((error: unknown) => {
    lock.release();
    return unusable(error);
  });
  const close = store.close.bind(store);
  store.close = async () => {
    try {
      await close();
    } finally {
      lock.release();
    }
  };
  log?.info({ store: 'sqlite', file }, 'store: SQLite');
  return store;
}
