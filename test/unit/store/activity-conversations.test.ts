/**
 * Migration 0012_activity_conversations on a database with processed activities: the rows
 * recorded by id alone are kept (conversation ''), and each still makes a redelivery of its
 * activity known, in whatever conversation it comes; after it, an id is recorded per
 * conversation. On SQLite and PostgreSQL; on SQLite also a run interrupted half-way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { type Dialect, Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { activityConversations } from '../../../src/store/migrations/0012-activity-conversations.js';
import { type SqlDialectKind, migrationProvider } from '../../../src/store/migrations/index.js';
import type { Store } from '../../../src/store/port.js';
import { SearchPathIntrospector } from '../../../src/store/postgres-introspector.js';
import { openPgStore } from '../../../src/store/postgres.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { activityKey } from '../../support/activity-keys.js';
import { TestSchemas, pgTestUrl } from '../../support/pg-schemas.js';

const AT = '2026-03-01T09:00:00.000Z';
/** What the release before recorded: two boards, one id on both (its key was the id alone, before boards had their own). */
const RECORDED = [
  { board_id: 'a', activity_id: '1772355600000', processed_at: AT },
  { board_id: 'a', activity_id: 'f:invoke-1', processed_at: AT },
  { board_id: 'b', activity_id: 'f:invoke-2', processed_at: AT },
];
const CHANNEL_THREAD = '19:board-channel@thread.tacv2;messageid=1772355600000';
const ANNES_CHAT = 'a:1:anne';

/** A database made by the migrations up to 0011, with RECORDED in it. */
async function madeBefore(dialect: Dialect, kind: SqlDialectKind, migrationTableSchema?: string): Promise<void> {
  const db = new Kysely<any>({ dialect });
  try {
    const migrator = new Migrator({ db, provider: migrationProvider(kind), ...(migrationTableSchema ? { migrationTableSchema } : {}) });
    const { error } = await migrator.migrateTo('0011_attendee_organisation');
    if (error) throw error;
    await db.insertInto('processed_activities').values(RECORDED).execute();
  } finally {
    await db.destroy();
  }
}

/** What every migrated database does: the rows kept, old redeliveries known, new ids per conversation. */
async function expectMigrated(store: Store, rows: () => Promise<unknown[]>): Promise<void> {
  expect(await rows()).toEqual(RECORDED.map((r) => ({ ...r, conversation_id: '' })));
  const a = store.forBoard('a');
  const b = store.forBoard('b');
  // Delivered again after the upgrade: known, whatever its conversation.
  expect(await a.markActivityProcessed(activityKey('1772355600000', CHANNEL_THREAD), new Date(AT))).toBe(false);
  expect(await a.markActivityProcessed(activityKey('f:invoke-1', ANNES_CHAT), new Date(AT))).toBe(false);
  expect(await b.markActivityProcessed(activityKey('f:invoke-2', CHANNEL_THREAD), new Date(AT))).toBe(false);
  // Each board's own: another board's id is not this board's redelivery.
  expect(await a.markActivityProcessed(activityKey('f:invoke-2', CHANNEL_THREAD), new Date(AT))).toBe(true);
  // After the upgrade: the same id in two conversations is two activities; each once.
  expect(await a.markActivityProcessed(activityKey('1772355600001', CHANNEL_THREAD), new Date(AT))).toBe(true);
  expect(await a.markActivityProcessed(activityKey('1772355600001', ANNES_CHAT), new Date(AT))).toBe(true);
  expect(await a.markActivityProcessed(activityKey('1772355600001', ANNES_CHAT), new Date(AT))).toBe(false);
  expect(await b.markActivityProcessed(activityKey('1772355600001', ANNES_CHAT), new Date(AT))).toBe(true);
}

const byKey = 'order by board_id, activity_id, conversation_id';

describe('migration 0012_activity_conversations on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-0012-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;

  async function before(): Promise<string> {
    const file = join(dir, `db-${++n}.sqlite`);
    const database = new BetterSqlite3(file);
    database.pragma('synchronous = OFF'); // a test's file: no fsync per migration
    await madeBefore(new SqliteDialect({ database }), 'sqlite');
    return file;
  }

  async function migratedFrom(file: string): Promise<void> {
    const store = await openSqliteStore({ file, board: 'a' });
    try {
      await store.migrate();
      const oldRows = () => {
        const raw = new BetterSqlite3(file, { readonly: true });
        try {
          return Promise.resolve(raw.prepare(`select board_id, activity_id, processed_at, conversation_id from processed_activities where conversation_id = '' ${byKey}`).all());
        } finally {
          raw.close();
        }
      };
      await expectMigrated(store, oldRows);
    } finally {
      await store.close();
    }
  }

  it('keeps the rows recorded by id alone, each known in any conversation; new ids are per conversation', async () => {
    await migratedFrom(await before());
  });

  it('finishes a run interrupted after the copy was made and the old table dropped, and one interrupted while copying', async () => {
    const dropped = await before();
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new BetterSqlite3(dropped) }) });
    try {
      // The migration's work without its record in kysely_migration, then back to where the rename was still to come.
      await activityConversations('sqlite').up(db);
      await sql`alter table processed_activities rename to processed_activities_0012`.execute(db);
    } finally {
      await db.destroy();
    }
    await migratedFrom(dropped);

    const copying = await before();
    const raw = new BetterSqlite3(copying);
    raw.exec('create table processed_activities_0012 (board_id text, half text)');
    raw.close();
    await migratedFrom(copying);
  });
});

describe.skipIf(!pgTestUrl)('migration 0012_activity_conversations on PostgreSQL', () => {
  const url = pgTestUrl ?? '';
  const schemas = new TestSchemas(url);
  afterAll(() => schemas.drop());

  it('keeps the rows recorded by id alone, each known in any conversation; new ids are per conversation', async () => {
    const schema = schemas.fresh();
    const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}` });
    await pool.query(`create schema "${schema}"`);
    class Dialect extends PostgresDialect {
      override createIntrospector(db: Kysely<any>) {
        return new SearchPathIntrospector(db);
      }
    }
    await madeBefore(new Dialect({ pool }), 'postgres', schema); // ends the pool
    const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
    await client.connect();
    const store = await openPgStore({ url, schema, board: 'a' });
    try {
      await store.migrate();
      const oldRows = async () =>
        (await client.query(`select board_id, activity_id, processed_at, conversation_id from processed_activities where conversation_id = '' ${byKey}`)).rows;
      await expectMigrated(store, oldRows);
    } finally {
      await store.close();
      await client.end();
    }
  });
});
