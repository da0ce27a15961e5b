/**
 * The SQL each migration runs, per dialect, without a server: SQLite on an in-memory
 * database, PostgreSQL compiled by kysely's PostgreSQL compiler onto a driver that
 * runs nothing. What the released migrations ran is frozen in
 * test/fixtures/store-0006/migrations.sql.json.
 */
import BetterSqlite3 from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  type LogEvent,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteDialect,
} from 'kysely';
import { migrations, type SqlDialectKind } from '../../src/store/migrations/index.js';

/** A statement: its SQL, with its parameters when it has any. */
export type Statement = string | { sql: string; parameters: unknown[] };

/** The statements each migration's `up` runs on `dialect`, by migration name, in order. */
export async function migrationSql(dialect: SqlDialectKind): Promise<Record<string, Statement[]>> {
  let current: Statement[] = [];
  const log = (event: LogEvent) => {
    const { sql, parameters } = event.query;
    current.push(parameters.length > 0 ? { sql, parameters: [...parameters] } : sql);
  };
  const db =
    dialect === 'sqlite'
      ? new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }), log })
      : new Kysely<unknown>({
          dialect: {
            createAdapter: () => new PostgresAdapter(),
            createDriver: () => new DummyDriver(),
            createIntrospector: (k) => new PostgresIntrospector(k),
            createQueryCompiler: () => new PostgresQueryCompiler(),
          },
          log,
        });
  const out: Record<string, Statement[]> = {};
  try {
    for (const [name, migration] of Object.entries(migrations(dialect))) {
      current = [];
      await migration.up(db);
      out[name] = current;
    }
  } finally {
    await db.destroy();
  }
  return out;
}
