/**
 * The stores a race test runs its two instances on: on SQLite, which one process owns, the
 * process's one store twice (changes run one at a time: the control); on PostgreSQL (when
 * TEST_DATABASE_URL or DATABASE_URL is set) two stores with a pool each on one schema, as two bot
 * instances (one schema for the file, migrated by the first open and emptied before each later one).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPgStore } from '../../src/store/postgres.js';
import type { Store } from '../../src/store/port.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { ReusedSchema } from './pg-schemas.js';

export interface RaceBackend {
  readonly name: string;
  /** Two stores (or one twice) on one fresh, migrated database. */
  open(): Promise<[Store, Store]>;
  cleanup(): Promise<void>;
}

/** SQLite, and PostgreSQL when a database is given: for describe.each (`$name`). */
export function raceBackends(board: string): RaceBackend[] {
  const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  const dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-races-'));
  let n = 0;
  const sqlite: RaceBackend = {
    name: 'SQLite, one process',
    async open() {
      const store = await openSqliteStore({ file: join(dir, `races-${++n}.db`), board });
      await store.migrate();
      return [store, store];
    },
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (!pgUrl) return [sqlite];
  const reused = new ReusedSchema(pgUrl);
  const postgres: RaceBackend = {
    name: 'PostgreSQL, two instances',
    async open() {
      const schema = await reused.next();
      const a = await openPgStore({ url: pgUrl, schema, board });
      const b = await openPgStore({ url: pgUrl, schema, board });
      await a.migrate();
      await b.migrate();
      return [a, b];
    },
    cleanup: () => reused.drop(),
  };
  return [sqlite, postgres];
}
