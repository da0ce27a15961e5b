/**
 * One process per SQLite DATA_DIR (src/store/data-dir-lock.ts): a second process on the same
 * database would take the first's claims for abandoned ones and post everything twice. The
 * lock is SQLite's own, dropped by the system with its holder; a second process is refused
 * (test/integration/startup.test.ts), as is a second store in the same process here.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/issues.js';
import { lockDataDir } from '../../../src/store/data-dir-lock.js';
import { REPO_ROOT } from '../../support/paths.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'bestyrelsesbot-lock-'));

describe('one process per SQLite DATA_DIR', () => {
  it('is held until released; a second taker meanwhile is refused, saying why', () => {
    const dir = fresh();
    const lock = lockDataDir(dir);
    let error: unknown;
    try {
      lockDataDir(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(`DATA_DIR ${dir} is in use by another bestyrelsesbot process`);
    lock.release();
    lockDataDir(dir).release();
  });

  it('a holder killed (kill -9) leaves nothing behind that refuses the next start', async () => {
    const dir = fresh();
    const holder = spawn(process.execPath, ['--import', 'tsx', '-e', `import('./src/store/data-dir-lock.ts').then((l) => { l.lockDataDir(${JSON.stringify(dir)}); console.log('held'); setInterval(() => {}, 1000); })`], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => holder.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('held') && resolve()));
    expect(() => lockDataDir(dir)).toThrow(ConfigError);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.on('exit', resolve));
    lockDataDir(dir).release();
  });
});
