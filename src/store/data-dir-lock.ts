/**
 * One process per SQLite DATA_DIR (docs/deploy.md: SQLite is for a single instance). A second
 * process on the same file would take the first's claims on jobs and posts for abandoned ones
 * (claims.ts, soleClaimer) and post everything twice. The lock is a file beside the database,
 * `bestyrelsesbot.lock`, naming its process (host and pid), touched every 10 s while it runs and
 * removed when the store closes. A start that finds it held by a live process is refused,
 * naming that process. One left by a process that died (kill -9, a power cut) is taken over:
 * on the same host when no process has its pid (or it is our own: a restarted container), on
 * another host (a network share) when it has not been touched for 30 s.
 */
import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../config/issues.js';

export const LOCK_FILE = 'bestyrelsesbot.lock';
const TOUCH_MS = 10_000;
/** A lock of another host untouched this long is a dead process's. */
export const STALE_MS = 30_000;

interface Holder {
  readonly host: string;
  readonly pid: number;
}

export interface DataDirLock {
  /** Removes the lock if it is still this process's. */
  release(): void;
}

function holderOf(path: string): { holder: Holder | undefined; touchedAt: number } | undefined {
  try {
    const touchedAt = statSync(path).mtimeMs;
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
      const holder = typeof parsed.host === 'string' && Number.isInteger(parsed.pid) ? { host: parsed.host, pid: parsed.pid! } : undefined;
      return { holder, touchedAt };
    } catch {
      return { holder: undefined, touchedAt };
    }
  } catch {
    return undefined; // gone meanwhile
  }
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // runs, as another user
  }
}

/** Whether the lock is held by a live process other than this one. */
function heldByAnother(found: { holder: Holder | undefined; touchedAt: number }, now: number): boolean {
  const { holder, touchedAt } = found;
  if (holder && holder.host === hostname()) return holder.pid !== process.pid && processRuns(holder.pid);
  // Another host's (or one half written): alive while it is touched.
  return now - touchedAt < STALE_MS;
}

/** Takes the lock on `dir` (made if missing), or refuses with a ConfigError naming its holder. */
export function lockDataDir(dir: string, now: () => number = Date.now): DataDirLock {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, LOCK_FILE);
  const me: Holder = { host: hostname(), pid: process.pid };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, `${JSON.stringify(me)}\n`);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const found = holderOf(path);
      if (found && heldByAnother(found, now())) {
        const who = found.holder ? `process ${found.holder.pid} on ${found.holder.host}` : 'another process';
        throw new ConfigError(
          `DATA_DIR ${dir} is in use by ${who} (${LOCK_FILE}): one process per SQLite database, or every post goes out twice; stop the other, or use PostgreSQL (DATABASE_URL) for several instances. Nothing was started`,
        );
      }
      // A dead process's: taken over.
      try {
        unlinkSync(path);
      } catch (gone) {
        if ((gone as NodeJS.ErrnoException).code !== 'ENOENT') throw gone;
      }
    }
  }
  const touch = setInterval(() => {
    try {
      const at = new Date(now());
      utimesSync(path, at, at);
    } catch {
      // Gone (removed by hand): the next start takes it anew.
    }
  }, TOUCH_MS);
  touch.unref();
  return {
    release() {
      clearInterval(touch);
      const found = holderOf(path);
      if (found?.holder?.host === me.host && found.holder.pid === me.pid) {
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      }
    },
  };
}
