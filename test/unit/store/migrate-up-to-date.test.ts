/**
 * migrate() on a store that is up to date reads kysely_migration and does nothing more; a
 * store migrated by a newer release (a migration this one does not know) still goes to
 * kysely's Migrator, which refuses it: running older code on a newer schema is not allowed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { openSqliteStore } from '../../../src/store/sqlite.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

it('migrates again without change, and refuses a database a newer release migrated', async () => {
  dir = mkdtempSync(join(tmpdir(), 'migrate-'));
  const file = join(dir, 'bestyrelsesbot.db');
  const first = await openSqliteStore({ file });
  await first.migrate();
  await first.close();

  const again = await openSqliteStore({ file });
  await again.migrate();
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
