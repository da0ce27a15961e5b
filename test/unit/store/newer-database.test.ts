/**
 * A database that a newer version of the bot migrated (kysely_migration records migrations
 * this version does not know) is refused at once by migrate(): a NewerDatabaseError naming the
 * migrations it does not know and saying what to do (run the newer version, or restore the backup
 * taken before the upgrade), and nothing in the database changes: no migration is run, nothing
 * is written, the Migrator is not even started. Also when the newer version migrates between the
 * check and the Migrator (instances of two versions starting at once on PostgreSQL).
 * SQLite, and PostgreSQL when TEST_DATABASE_URL (or DATABASE_URL) is set.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Migrator } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../../src/config/issues.js';
import { NewerDatabaseError } from '../../../src/store/kysely/migrate.js';
import type { Store } from '../../../src/store/port.js';
import { openPgStore } from '../../../src/store/postgres.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { pgSnapshot, sqliteSnapshot } from '../../support/database-snapshot.js';
import { TestSchemas, pgTestUrl } from '../../support/pg-schemas.js';

/** What the newer version did: two migrations of its own, a table and a column. */
const NEWER = ['0020_from_a_newer_version', '0021_also_from_it'];
const NEWER_SCHEMA = ['create table from_a_newer_version (id integer primary key, note text)', 'alter table meetings add column from_a_newer_version text'];

interface Place {
  open(): Promise<Store>;
  /** Runs statements on the database, the store closed. */
  exec(statements: readonly string[]): Promise<void>;
  /** Everything the database holds (its tables, columns, indexes and rows, the Migrator's too), comparable. */
  snapshot(): Promise<unknown>;
  /** SQLite: the file, byte for byte, the store closed (and no write-ahead log left beside it). */
  bytes?(): string;
}

const dirs: string[] = [];
const schemas = pgTestUrl ? new TestSchemas(pgTestUrl) : undefined;
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  await schemas?.drop();
});

function sqlitePlace(): Place {
  const dir = mkdtempSync(join(tmpdir(), 'bb-newer-'));
  dirs.push(dir);
  const file = join(dir, 'bestyrelsesbot.db');
  return {
    open: () => openSqliteStore({ file }),
    async exec(statements) {
      const db = new BetterSqlite3(file);
      try {
        for (const statement of statements) db.exec(statement);
      } finally {
        db.close();
      }
    },
    snapshot: async () => sqliteSnapshot(file),
    bytes: () => `${readFileSync(file).toString('base64')} ${existsSync(`${file}-wal`) ? 'with' : 'without'} -wal`,
  };
}

function pgPlace(): Place {
  const schema = schemas!.fresh();
  const query = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: pgTestUrl });
    await client.connect();
    try {
      await client.query(`set search_path to "${schema}"`);
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    open: () => openPgStore({ url: pgTestUrl!, schema }),
    exec: (statements) =>
      query(async (client) => {
        for (const statement of statements) await client.query(statement);
      }),
    snapshot: () => pgSnapshot(pgTestUrl!, schema),
  };
}

/** A database migrated by this version, then by a newer one (NEWER recorded, its schema changed). */
async function migratedByNewer(place: Place): Promise<void> {
  const store = await place.open();
  await store.migrate();
  await store.close();
  const at = new Date().toISOString();
  await place.exec([...NEWER_SCHEMA, ...NEWER.map((name) => `insert into kysely_migration (name, timestamp) values ('${name}', '${at}')`)]);
}

describe.each([
  ['SQLite', sqlitePlace, false],
  ['PostgreSQL', pgPlace, !pgTestUrl],
] as const)('a database a newer version of the bot migrated (%s)', (_name, makePlace, skip) => {
  it.skipIf(skip)('migrate() refuses it at once, naming the migrations this version does not know and saying what to do, and changes nothing', async () => {
    const place = makePlace();
    await migratedByNewer(place);
    const before = await place.snapshot();
    const bytes = place.bytes?.();
    const migrator = vi.spyOn(Migrator.prototype, 'migrateToLatest');
    const store = await place.open();
    let refused: unknown;
    try {
      refused = await store.migrate().then(
        () => undefined,
        (error: unknown) => error,
      );
    } finally {
      await store.close();
    }
    expect(refused).toBeInstanceOf(NewerDatabaseError);
    // The start prints a ConfigError as one line, without a stack trace.
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as NewerDatabaseError).unknown).toEqual(NEWER);
    const message = (refused as Error).message;
    expect(message).toContain('a newer version of the bot');
    expect(message).toContain(NEWER.join(', '));
    expect(message).toContain('run the newer version, or restore the backup taken before the upgrade');
    expect(message).not.toContain('corrupted');
    expect(message).not.toContain('\n');
    // Not even the Migrator was started (on PostgreSQL: its lock, its transaction).
    expect(migrator).not.toHaveBeenCalled();
    expect(await place.snapshot()).toEqual(before);
    expect(place.bytes?.()).toEqual(bytes);
  });

  it.skipIf(skip)('refused too when the newer version migrates it after the check, before the Migrator reads it (two versions starting at once), changing nothing', async () => {
    const place = makePlace();
    const store = await place.open();
    await store.migrate();
    await store.close();
    // This version's check finds the database up to date but for one migration (0019 not run); the
    // newer version then runs that one and its own before the Migrator reads the record.
    await place.exec(["delete from kysely_migration where name = '0019_placed_meeting'"]);
    const original = Migrator.prototype.migrateToLatest;
    let before: unknown;
    vi.spyOn(Migrator.prototype, 'migrateToLatest').mockImplementation(async function (this: Migrator) {
      const at = new Date().toISOString();
      await place.exec([
        `insert into kysely_migration (name, timestamp) values ('0019_placed_meeting', '${at}')`,
        ...NEWER_SCHEMA,
        ...NEWER.map((name) => `insert into kysely_migration (name, timestamp) values ('${name}', '${at}')`),
      ]);
      before = await place.snapshot();
      return original.call(this);
    });
    const again = await place.open();
    let refused: unknown;
    try {
      refused = await again.migrate().then(
        () => undefined,
        (error: unknown) => error,
      );
    } finally {
      await again.close();
    }
    expect(refused).toBeInstanceOf(NewerDatabaseError);
    expect((refused as NewerDatabaseError).unknown).toEqual(NEWER);
    expect(await place.snapshot()).toEqual(before);
  });
});
