/**
 * One process per SQLite DATA_DIR (src/store/data-dir-lock.ts): a second process on the same
 * database would take the first's claims for abandoned ones and post everything twice.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/issues.js';
import { LOCK_FILE, STALE_MS, lockDataDir } from '../../../src/store/data-dir-lock.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'bestyrelsesbot-lock-'));
const holdBy = (dir: string, host: string, pid: number) => writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ host, pid }));
/** The pid of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('one process per SQLite DATA_DIR', () => {
  it('takes the lock, and gives it back on release', () => {
    const dir = fresh();
    const lock = lockDataDir(dir);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lockDataDir(dir).release();
  });

  it('refuses while a live process on this host holds it, naming it', () => {
    const dir = fresh();
    holdBy(dir, hostname(), process.ppid);
    let error: unknown;
    try {
      lockDataDir(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(`DATA_DIR ${dir} is in use by process ${process.ppid} on ${hostname()}`);
  });

  it('takes over the lock of a process that died (kill -9), or of a restarted container (its own pid)', () => {
    const dir = fresh();
    holdBy(dir, hostname(), deadPid());
    lockDataDir(dir).release();
    holdBy(dir, hostname(), process.pid);
    lockDataDir(dir).release();
  });

  it('another host\'s lock (a network share) is held while it is touched, and taken over once it has not been for a while', () => {
    const dir = fresh();
    holdBy(dir, 'another-host', 4242);
    expect(() => lockDataDir(dir)).toThrow(/in use by process 4242 on another-host/);
    const old = new Date(Date.now() - STALE_MS - 1000);
    utimesSync(join(dir, LOCK_FILE), old, old);
    lockDataDir(dir).release();
  });
});
