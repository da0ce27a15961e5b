/**
 * One process per SQLite DATA_DIR (docs/deploy.md: SQLite is for a single instance). A second
 * process on the same database would take the first's claims on jobs and posts for abandoned
 * ones (claims.ts, soleClaimer) and post everything twice.
 *
 * The lock is SQLite's own: a small database beside the bot's, `bestyrelsesbot.lock`, held in an
 * exclusive transaction for as long as the store is open. The operating system drops it with
 * the process, however that ends (a stop, kill -9, a power cut): there is nothing stale to clear,
 * and two starts at the same moment cannot both take it. It holds wherever SQLite's locking
 * holds (one machine; a network share only as far as its file locks work).
 */
import { chmodSync, closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ConfigError } from '../config/issues.js';
import { makeDirectory } from './make-directory.js';

export const LOCK_FILE = 'bestyrelsesbot.lock';

export interface DataDirLock {
  /** Gives the lock back (closing the store does). */
  release(): void;
}

/** Takes the lock on `dir` (made if missing), or refuses with a ConfigError when another process holds it. */
export function lockDataDir(dir: string): DataDirLock {
  makeDirectory(dir, 0o700);
  const path = join(dir, LOCK_FILE);
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
  const db = new BetterSqlite3(path, { timeout: 250 });
  try {
    // Nothing is ever written: no journal file beside it while it is held.
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
      throw new ConfigError(
        `DATA_DIR ${dir} is in use by another bestyrelsesbot process (${LOCK_FILE} is locked): one process per SQLite database, or every post goes out twice; stop the other, or use PostgreSQL (DATABASE_URL) for several instances. Nothing was started`,
      );
    }
    throw error;
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      db.close(); // an open transaction is rolled back, and the lock goes with the connection
    },
  };
}
