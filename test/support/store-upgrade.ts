/**
 * A store as an earlier version left it, for the upgrade tests: made with today's migrations by a
 * harness, then taken back by statements (columns and tables dropped, migration records deleted),
 * so that the next start migrates it as it would the earlier version's. SQLite (a data directory)
 * and, when TEST_DATABASE_URL (or DATABASE_URL) is set, PostgreSQL (a fresh schema each).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { TestSchemas, pgTestUrl } from './pg-schemas.js';

export type StoreWhere = { readonly dataDir: string } | { readonly postgres: { readonly url: string; readonly schema: string } };

export interface UpgradeStore {
  /** Where a harness keeps a new store (a fresh one each call): its options. */
  readonly options: () => StoreWhere;
  /** Runs `statements` on that store (PostgreSQL: in its schema), the harness on it closed. */
  readonly downgrade: (where: StoreWhere, statements: readonly string[]) => Promise<void>;
}

/** The stores to upgrade: `[name, store, skip]` for describe.each; `cleanup` in afterAll. */
export function upgradeStores(): { readonly stores: readonly (readonly [string, UpgradeStore, boolean])[]; cleanup(): Promise<void> } {
  const dirs: string[] = [];
  const schemas = pgTestUrl ? new TestSchemas(pgTestUrl) : undefined;
  const sqlite: UpgradeStore = {
    options: () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'bestyrelsesbot-upgrade-'));
      dirs.push(dataDir);
      return { dataDir };
    },
    async downgrade(where, statements) {
      const db = new BetterSqlite3(join((where as { dataDir: string }).dataDir, 'bestyrelsesbot.db'));
      try {
        for (const statement of statements) db.exec(statement);
      } finally {
        db.close();
      }
    },
  };
  const postgres: UpgradeStore = {
    options: () => ({ postgres: { url: pgTestUrl!, schema: schemas!.fresh() } }),
    async downgrade(where, statements) {
      const { url, schema } = (where as { postgres: { url: string; schema: string } }).postgres;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`set search_path to "${schema}"`);
        for (const statement of statements) await client.query(statement);
      } finally {
        await client.end();
      }
    },
  };
  return {
    stores: [
      ['SQLite', sqlite, false],
      ['PostgreSQL', postgres, !pgTestUrl],
    ],
    async cleanup() {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      await schemas?.drop();
    },
  };
}
