/**
 * openStore picks the adapter from the environment and loads only that one: a bot on
 * SQLite never loads `pg` (nor the PostgreSQL adapter), which keeps its start light.
 * Each case runs in a fresh Node process, where the module cache shows what was loaded.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const openStoreModule = join(import.meta.dirname, '../../../src/store/open-store.ts');
const dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-open-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Opens (and closes) the store `env` asks for in a new process: which store, and whether `pg` was loaded. */
function openInFreshProcess(env: { DATA_DIR: string; DATABASE_URL?: string }): { kind: string; pgLoaded: boolean } {
  const script = `
    import { createRequire } from 'node:module';
    const { openStore } = await import(process.env.OPEN_STORE_MODULE);
    const store = await openStore({ DATA_DIR: process.env.PROBE_DATA_DIR, DATABASE_URL: process.env.PROBE_DATABASE_URL || undefined });
    const { kind } = await store.health();
    await store.close();
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify({ kind, pgLoaded: loaded.some((path) => /[\\\\/]node_modules[\\\\/]pg[\\\\/]/.test(path)) }));
  `;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      OPEN_STORE_MODULE: openStoreModule,
      PROBE_DATA_DIR: env.DATA_DIR,
      PROBE_DATABASE_URL: env.DATABASE_URL ?? '',
    },
    timeout: 30_000,
  });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { kind: string; pgLoaded: boolean };
}

describe('openStore', () => {
  it('opens SQLite in DATA_DIR without loading pg', () => {
    expect(openInFreshProcess({ DATA_DIR: join(dir, 'data') })).toEqual({ kind: 'sqlite', pgLoaded: false });
  });

  it('opens PostgreSQL when DATABASE_URL is set, loading pg then', () => {
    // Nothing listens on port 1: the pool connects lazily, and health() reports it unreachable.
    expect(openInFreshProcess({ DATA_DIR: join(dir, 'unused'), DATABASE_URL: 'postgres://bot@127.0.0.1:1/board' })).toEqual({
      kind: 'postgres',
      pgLoaded: true,
    });
  });
});
