/**
 * The stores the bot is measured on: SQLite in a fresh DATA_DIR, and PostgreSQL in a fresh
 * database (created on the server of BENCH_DATABASE_URL or TEST_DATABASE_URL, dropped
 * after), the bot's tables in its `public` schema as in a deployment. Not a schema of the
 * shared database: the bot's migrations look at every table of the database they run in
 * (kysely's Migrator), so its start would depend on, and race with, other users' schemas.
 * Each instance also opens a plain connection for bench/lib/history.ts to seed.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

export type Row = Record<string, unknown>;

/** A plain connection to the bot's database, for seeding history. */
export interface SeedDb {
  tables(): Promise<string[]>;
  rows(table: string): Promise<Row[]>;
  count(table: string): Promise<number>;
  /** Inserts the rows (all with the same columns) of one table. */
  insert(table: string, rows: readonly Row[]): Promise<void>;
  transaction(work: () => Promise<void>): Promise<void>;
  /**
   * After seeding: the database as a year of use leaves it, its statistics current and
   * (PostgreSQL) vacuumed. Otherwise the server's autovacuum and analyze of the fresh rows
   * run during the load rounds, on the same two cores.
   */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** What PostgreSQL counted on a table (pg_stat_user_tables): scans and rows written. */
export interface TableStats {
  seqScans: number;
  indexScans: number;
  inserted: number;
  updated: number;
  deleted: number;
}

export interface StoreInstance {
  /** Environment for the bot: DATA_DIR, and DATABASE_URL for PostgreSQL. */
  readonly env: Record<string, string>;
  open(): Promise<SeedDb>;
  /**
   * PostgreSQL only: the counters of each table of the bot's schema. A server process
   * reports its counters when it ends at the latest: read them after the bot stopped.
   */
  tableStats?(): Promise<Record<string, TableStats>>;
  dispose(): Promise<void>;
}

export interface StoreTarget {
  readonly name: 'SQLite' | 'PostgreSQL';
  fresh(): Promise<StoreInstance>;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
/** kysely's own bookkeeping: never cloned. */
const isAppTable = (name: string): boolean => !name.startsWith('kysely_') && !name.startsWith('sqlite_');

function sqliteDb(file: string): SeedDb {
  const db = new BetterSqlite3(file);
  db.pragma('busy_timeout = 5000');
  return {
    tables: async () =>
      (db.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((r) => r.name).filter(isAppTable),
    rows: async (table) => db.prepare(`select * from ${quote(table)}`).all() as Row[],
    count: async (table) => (db.prepare(`select count(*) as n from ${quote(table)}`).get() as { n: number }).n,
    insert: async (table, rows) => {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]!);
      const statement = db.prepare(
        `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
      );
      for (const row of rows) statement.run(row);
    },
    transaction: async (work) => {
      db.exec('begin');
      try {
        await work();
        db.exec('commit');
      } catch (err) {
        db.exec('rollback');
        throw err;
      }
    },
    settle: async () => void db.exec('analyze'),
    close: async () => void db.close(),
  };
}

export function sqliteTarget(): StoreTarget {
  return {
    name: 'SQLite',
    async fresh() {
      const dataDir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-bench-'));
      return {
        env: { DATA_DIR: dataDir },
        async open() {
          // The bot's database file, whatever it is named: the one *.db in DATA_DIR.
          const file = readdirSync(dataDir).find((f) => f.endsWith('.db'));
          if (!file) throw new Error(`no database file in ${dataDir}: has the bot run there?`);
          return sqliteDb(join(dataDir, file));
        },
        async dispose() {
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  };
}

function inDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  parsed.searchParams.delete('options');
  return parsed.toString();
}

const SCHEMA = 'public';

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function pgDb(url: string, schema: string): SeedDb {
  const client = new pg.Client({ connectionString: url });
  const connected = client.connect();
  const q = async <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => {
    await connected;
    return client.query<R>(text, values);
  };
  return {
    tables: async () =>
      (await q<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = $1`, [schema])).rows
        .map((r) => r.table_name)
        .filter(isAppTable),
    rows: async (table) => (await q<Row>(`select * from ${quote(table)}`)).rows,
    count: async (table) => (await q<{ n: number }>(`select count(*)::int as n from ${quote(table)}`)).rows[0]!.n,
    insert: async (table, rows) => {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]!);
      const batch = Math.max(1, Math.min(2000, Math.floor(60_000 / columns.length)));
      for (let start = 0; start < rows.length; start += batch) {
        const chunk = rows.slice(start, start + batch);
        const values: unknown[] = [];
        const tuples = chunk.map((row) => `(${columns.map((c) => (values.push(row[c]), `$${values.length}`)).join(', ')})`);
        await q(`insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${tuples.join(', ')}`, values);
      }
    },
    transaction: async (work) => {
      await q('begin');
      try {
        await work();
        await q('commit');
      } catch (err) {
        await q('rollback');
        throw err;
      }
    },
    settle: async () => void (await q('vacuum analyze')),
    close: async () => {
      await connected.catch(() => undefined);
      await client.end();
    },
  };
}

export function pgTarget(url: string): StoreTarget {
  return {
    name: 'PostgreSQL',
    async fresh() {
      const database = `bestyrelsesbot_bench_${randomBytes(6).toString('hex')}`;
      await withClient(url, (admin) => admin.query(`create database ${database}`));
      const botUrl = inDatabase(url, database);
      const dataDir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-bench-'));
      return {
        env: { DATA_DIR: dataDir, DATABASE_URL: botUrl },
        open: async () => pgDb(botUrl, SCHEMA),
        tableStats: () =>
          withClient(botUrl, async (client) => {
            const { rows } = await client.query<{ relname: string; seq: number; idx: number; ins: number; upd: number; del: number }>(
              `select relname, seq_scan::int as seq, coalesce(idx_scan, 0)::int as idx, n_tup_ins::int as ins,
                      n_tup_upd::int as upd, n_tup_del::int as del
                 from pg_stat_user_tables where schemaname = $1`,
              [SCHEMA],
            );
            return Object.fromEntries(
              rows.map((r) => [r.relname, { seqScans: r.seq, indexScans: r.idx, inserted: r.ins, updated: r.upd, deleted: r.del }]),
            );
          }),
        async dispose() {
          rmSync(dataDir, { recursive: true, force: true });
          await withClient(url, (admin) => admin.query(`drop database if exists ${database} with (force)`));
        },
      };
    },
  };
}

/** Where PostgreSQL is, for the report: host, port and database, never a password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return '(unreadable URL)';
  }
}
