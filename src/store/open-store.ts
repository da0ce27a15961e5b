/**
 * Picks the store from the environment: PostgreSQL when DATABASE_URL is set,
 * otherwise SQLite in DATA_DIR. Logs which, never the database password.
 * Each adapter is loaded only when chosen: a bot on SQLite never loads `pg`.
 */
import { join } from 'node:path';
import type { Env } from '../config/env.js';
import { ConfigError } from '../config/issues.js';
import type { Store } from './port.js';

/** What the file system says when DATA_DIR cannot be made or written. */
const UNUSABLE_DIR = new Set(['EEXIST', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS']);

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
