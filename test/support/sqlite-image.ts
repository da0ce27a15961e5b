/**
 * Migrated SQLite stores for tests, without migrating each: a database is migrated once per
 * test process (the real migrations, on a file), and every store after that starts as a
 * copy of it, in memory (`image`) or in a new file. Its first `migrate()` then finds it up
 * to date, as a restarted bot does. Migrating a new store anew costs about 20 ms of CPU in
 * memory and 0.1 s in a file (each migration step committed with its fsync), and the tests
 * open some 230 of them. Making a database from nothing is tested on its own
 * (test/unit/store/sqlite.test.ts, the start-up and smoke tests' bots).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Store } from '../../src/store/port.js';
import { type SqliteStoreOptions, openSqliteStore } from '../../src/store/sqlite.js';

let made: Promise<{ file: string; image: Buffer }> | undefined;

/** The migrated database of this process: a file (checkpointed, so whole) and its image. */
function migrated(): Promise<{ file: string; image: Buffer }> {
  made ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-migrated-'));
    const file = join(dir, 'migrated.sqlite');
    const store = await openSqliteStore({ file });
    await store.migrate();
    await store.close();
    // In rollback-journal mode: a database in memory has no WAL, and one that says it is in
    // WAL mode does not open there. (A copy in a file is put back in WAL mode by the store.)
    const raw = new BetterSqlite3(file);
    try {
      raw.pragma('journal_mode = DELETE');
      return { file, image: raw.serialize() };
    } finally {
      raw.close();
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    }
  })();
  return made;
}

/** The serialized migrated database (for the test that it is what a new store migrates to). */
export async function migratedImage(): Promise<Buffer> {
  return (await migrated()).image;
}

/**
 * A store opened as `openSqliteStore(options)` opens it, already migrated when it is new: in
 * memory from the image, or in a file that does not exist yet from a copy. A file that
 * exists is opened as it is.
 */
export async function openMigratedSqliteStore(options: Omit<SqliteStoreOptions, 'image'>): Promise<Store> {
  if (options.file === ':memory:') return openSqliteStore({ ...options, image: (await migrated()).image });
  if (!existsSync(options.file)) {
    mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
    copyFileSync((await migrated()).file, options.file);
  }
  return openSqliteStore(options);
}
