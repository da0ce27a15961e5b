/**
 * Databases made by a released store still open, migrate and read back whole with
 * today's store: the migrations keep their names (kysely_migration) and their SQL.
 * The fixture (test/fixtures/store-0006/) was made by the store of migrations
 * 0001–0006 with rows in every table: a SQLite file and a PostgreSQL dump.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { ConfigError } from '../../../src/config/issues.js';
import { afterAll, describe, expect, it } from 'vitest';
import { openPgStore } from '../../../src/store/postgres.js';
import type { Store } from '../../../src/store/port.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { expected, readBack } from '../../fixtures/store-0006/read-back.js';
import * as rows from '../../fixtures/store-0006/rows.js';
import { migrationSql } from '../../support/migration-sql.js';
import { TestSchemas, pgTestUrl } from '../../support/pg-schemas.js';

const fixture = (name: string): string => join(import.meta.dirname, '../../fixtures/store-0006', name);
const url = pgTestUrl;

/** The board the fixture's deployment served (R19: its records get this id when migrated). */
const FIXTURE_BOARD = 'slagelse';

/** What only the fixture's rows can show: the claims its (gone) process left are taken over at once. */
async function expectClaimsTakenOver(store: Store): Promise<void> {
  const [job] = await store.claimDueJobs(rows.jobsClaimedAt, 10);
  expect(job).toEqual({ ...rows.jobs.find((j) => j.key === 'job-running'), boardId: FIXTURE_BOARD, attempts: 2 });
  const [post] = await store.claimOutbox(rows.outboxClaimedAt, 10);
  expect(post).toEqual({ ...rows.outbox.find((e) => e.key === 'post-sending'), boardId: FIXTURE_BOARD, attempts: 2 });
}

/**
 * R19: every record of the migrated database is the fixture board's, and another
 * board's store on the same database sees none of it.
 */
async function expectAllTheBoards(store: Store): Promise<void> {
  const board = store.forBoard(FIXTURE_BOARD);
  expect(await readBack(board)).toStrictEqual(expected);
  for (const { key } of rows.jobs) expect((await board.getJob(key))?.boardId).toBe(FIXTURE_BOARD);
  for (const { key } of rows.outbox) expect((await board.getOutbox(key))?.boardId).toBe(FIXTURE_BOARD);
  const other = store.forBoard('another-board');
  expect(await other.listMotions()).toEqual([]);
  expect(await other.listMeetings()).toEqual([]);
  expect(await other.listAudit()).toEqual([]);
  expect(await other.getBinding()).toBeUndefined();
  expect(await other.listTeamsIdentities()).toEqual([]);
  for (const { key } of rows.jobs) expect(await other.getJob(key)).toBeUndefined();
  for (const { key } of rows.outbox) expect(await other.getOutbox(key)).toBeUndefined();
}

/** Every table of the migrated database, with its rows: the released ones, and those later migrations add (empty). */
const rowCounts: Record<string, number> = { ...rows.rowCounts, tasks: 0, apologies: 0, card_copies: 0 };

describe('released migrations', () => {
  it('keep their names and run exactly the SQL they ran when released, on SQLite and PostgreSQL', async () => {
    const frozen = JSON.parse(readFileSync(fixture('migrations.sql.json'), 'utf8')) as Record<string, unknown>;
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const now = await migrationSql(dialect);
      const released = frozen[dialect] as Record<string, unknown>;
      expect(Object.keys(now).slice(0, rows.migrationNames.length), dialect).toEqual(rows.migrationNames);
      for (const name of rows.migrationNames) expect(now[name], `${dialect} ${name}`).toEqual(released[name]);
    }
  });
});

describe('a SQLite database made by the released store (migrations 0001-0006)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-released-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A copy of the fixture, opened and migrated by today's store. */
  async function openCopy(): Promise<{ store: Store; file: string }> {
    const file = join(dir, `copy-${randomBytes(4).toString('hex')}.sqlite`);
    copyFileSync(fixture('store.sqlite'), file);
    const store = await openSqliteStore({ file });
    await store.migrate({ existingBoard: FIXTURE_BOARD });
    return { store, file };
  }

  it('R19: is not migrated without the board its records belong to, and says so', async () => {
    const file = join(dir, `copy-${randomBytes(4).toString('hex')}.sqlite`);
    copyFileSync(fixture('store.sqlite'), file);
    const store = await openSqliteStore({ file });
    try {
      await expect(store.migrate()).rejects.toThrow(/0010_boards failed: .*BOARD_CONFIG naming that board's file alone/);
      // The operator's to fix: a configuration error, which the start prints without a stack trace.
      await expect(store.migrate()).rejects.toBeInstanceOf(ConfigError);
    } finally {
      await store.close();
    }
  });

  it('migrates and reads back every row of every table through the port, all of them the one board\'s (R19)', async () => {
    const { store, file } = await openCopy();
    try {
      await expectAllTheBoards(store);
      await expectClaimsTakenOver(store);
      await store.forBoard(FIXTURE_BOARD).scheduleJob({ key: 'after-migration', kind: 'tick', dueAt: rows.at(0) });
      expect((await store.forBoard(FIXTURE_BOARD).getJob('after-migration'))?.id).toBe(rows.jobs.length + 1);
    } finally {
      await store.close();
    }
    const raw = new BetterSqlite3(file, { readonly: true });
    try {
      const names = raw.prepare('select name from kysely_migration order by name').pluck().all();
      expect(names.slice(0, rows.migrationNames.length)).toEqual(rows.migrationNames);
      const tables = raw.prepare("select name from sqlite_master where type = 'table' and name not like 'kysely_%' and name not like 'sqlite_%' order by name").pluck().all() as string[];
      expect(tables).toEqual(Object.keys(rowCounts).sort());
      for (const table of tables) {
        expect(raw.prepare(`select count(*) from "${table}"`).pluck().get(), table).toBe(rowCounts[table]! + (table === 'jobs' ? 1 : 0)); // + the job scheduled after migrating

      }
    } finally {
      raw.close();
    }
  });

  it('has, once migrated, the schema a new database gets', async () => {
    const { store, file } = await openCopy();
    await store.close();
    const fresh = join(dir, 'fresh.sqlite');
    const made = await openSqliteStore({ file: fresh });
    await made.migrate();
    await made.close();
    const schema = (path: string) => {
      const raw = new BetterSqlite3(path, { readonly: true });
      try {
        return raw.prepare('select type, name, tbl_name, sql from sqlite_master order by type, name').all();
      } finally {
        raw.close();
      }
    };
    expect(schema(file)).toEqual(schema(fresh));
  });
});

describe.skipIf(!url)('a PostgreSQL database made by the released store (migrations 0001-0006)', () => {
  const dbUrl = url ?? '';
  const schemas = new TestSchemas(dbUrl);
  afterAll(() => schemas.drop());
  const freshSchema = (): string => schemas.fresh();

  /** Runs `work` with a connection of its own (the dump changes the session's settings). */
  async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  /** The fixture's dump restored into a new schema. */
  async function restore(): Promise<string> {
    const schema = freshSchema();
    const dump = readFileSync(fixture('store.pg.sql'), 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('\\')) // psql meta-commands (\restrict)
      .join('\n')
      .replaceAll(rows.PG_FIXTURE_SCHEMA, schema);
    await withClient((client) => client.query(dump));
    return schema;
  }

  /** Tables, columns, constraints and indexes of `schema`, with its name left out. */
  const describeSchema = (schema: string) =>
    withClient(async (client) => {
      const query = async (text: string) =>
        JSON.parse(JSON.stringify((await client.query(text, [schema])).rows).replaceAll(schema, '<schema>')) as unknown[];
      return {
        columns: await query(`select table_name, column_name, ordinal_position, data_type, collation_name, is_nullable, column_default
          from information_schema.columns where table_schema = $1 order by table_name, ordinal_position`),
        constraints: await query(`select c.conrelid::regclass::text as table_name, c.conname, pg_get_constraintdef(c.oid) as def
          from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = $1 order by 1, 2`),
        indexes: await query(`select tablename, indexname, indexdef from pg_indexes where schemaname = $1 order by 1, 2`),
      };
    });

  it('migrates and reads back every row of every table through the port', async () => {
    const schema = await restore();
    const store = await openPgStore({ url: dbUrl, schema });
    try {
      await store.migrate({ existingBoard: FIXTURE_BOARD });
      await expectAllTheBoards(store);
      await expectClaimsTakenOver(store);
      // The id sequences go on after the copied rows.
      await store.forBoard(FIXTURE_BOARD).scheduleJob({ key: 'after-migration', kind: 'tick', dueAt: rows.at(0) });
      expect((await store.forBoard(FIXTURE_BOARD).getJob('after-migration'))?.id).toBe(rows.jobs.length + 1);
    } finally {
      await store.close();
    }
    await withClient(async (client) => {
      const names = (await client.query<{ name: string }>(`select name from "${schema}".kysely_migration order by name`)).rows.map((r) => r.name);
      expect(names.slice(0, rows.migrationNames.length)).toEqual(rows.migrationNames);
      const tables = (
        await client.query<{ table_name: string }>(
          `select table_name from information_schema.tables where table_schema = $1 and table_name not like 'kysely_%' order by table_name`,
          [schema],
        )
      ).rows.map((r) => r.table_name);
      expect(tables).toEqual(Object.keys(rowCounts).sort());
      for (const table of tables) {
        const { rows: counted } = await client.query<{ n: number }>(`select count(*)::int as n from "${schema}"."${table}"`);
        expect(counted[0]?.n, table).toBe(rowCounts[table]! + (table === 'jobs' ? 1 : 0)); // + the job scheduled after migrating

      }
    });
  });

  it('has, once migrated, the schema a new database gets', async () => {
    const restored = await restore();
    const fresh = freshSchema();
    for (const schema of [restored, fresh]) {
      const store = await openPgStore({ url: dbUrl, schema });
      try {
        await store.migrate({ existingBoard: FIXTURE_BOARD });
      } finally {
        await store.close();
      }
    }
    expect(await describeSchema(restored)).toEqual(await describeSchema(fresh));
  });
});
