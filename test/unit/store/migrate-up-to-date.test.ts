/**
 * migrate() on a store that is up to date reads kysely_migration and does nothing more; a
 * store migrated by a newer release (a migration this one does not know) is refused: running
 * older code on a newer schema is not allowed (newer-database.test.ts: how, and that it changes
 * nothing). migrate() says which migrations it ran (the start logs them).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { migrations } from '../../../src/store/migrations/index.js';
import { openPgStore } from '../../../src/store/postgres.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { TestSchemas, pgTestUrl } from '../../support/pg-schemas.js';

let dir: string | undefined;
const schemas = pgTestUrl ? new TestSchemas(pgTestUrl) : undefined;
afterEach(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
  await schemas?.drop();
});

it('migrates again without change, and refuses a database a newer release migrated', async () => {
  dir = mkdtempSync(join(tmpdir(), 'migrate-'));
  const file = join(dir, 'bestyrelsesbot.db');
  const first = await openSqliteStore({ file });
  // The migrations run are said (the start logs them): on a new database, all of them, in order.
  expect(await first.migrate()).toEqual(Object.keys(migrations('sqlite')));
  await first.close();

  const again = await openSqliteStore({ file });
  expect(await again.migrate()).toEqual([]);
  expect((await again.health()).ok).toBe(true);
  await again.close();

  const raw = new BetterSqlite3(file);
  const before = raw.prepare('select count(*) as n from kysely_migration').get() as { n: number };
  raw.prepare("insert into kysely_migration (name, timestamp) values ('0099_from_a_newer_release', ?)").run(new Date().toISOString());
  raw.close();
  const older = await openSqliteStore({ file });
  await expect(older.migrate()).rejects.toThrow(/0099_from_a_newer_release/);
  await older.close();
  expect(before.n).toBeGreaterThan(0);
});

it.skipIf(!pgTestUrl)('PostgreSQL: says the migrations it ran, all of them on a new schema and none on one up to date', async () => {
  const schema = schemas!.fresh();
  const first = await openPgStore({ url: pgTestUrl!, schema });
  try {
    expect(await first.migrate()).toEqual(Object.keys(migrations('postgres')));
    expect(await first.migrate()).toEqual([]);
  } finally {
    await first.close();
  }
});
