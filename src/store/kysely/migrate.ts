/** Bringing a database's schema up to date, for both adapters. */
import { type Kysely, Migrator, sql } from 'kysely';
import { type MigrationOptions, type SqlDialectKind, migrationProvider, migrations } from '../migrations/index.js';
import type { Database } from '../schema.js';
import { ConfigError } from '../../config/issues.js';

/** An error's message for logs and /healthz (all of them, for an AggregateError). */
export function errorText(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map(errorText).join('; ');
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return error.message || (typeof code === 'string' ? code : error.name);
  }
  return String(error);
}

/**
 * Runs the migrations not yet run, in order; throws naming the migration that failed. The
 * names of those it ran, in order (none when the store was up to date, or another process
 * ran them first). `migrationTableSchema`: where the Migrator keeps its own tables (PostgreSQL).
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: SqlDialectKind,
  migrationTableSchema?: string,
  options: MigrationOptions = {},
): Promise<readonly string[]> {
  if (await upToDate(db, dialect, migrationTableSchema, options)) return [];
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect, options),
    ...(migrationTableSchema !== undefined ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error === undefined) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  const failed = results?.find((r) => r.status === 'Error')?.migrationName;
  const reason = errorText(error);
  const message = failed ? `migration ${failed} failed: ${reason}` : `migrations failed: ${reason}`;
  // What the operator is to fix is said as such (main prints it without a stack trace).
  if (error instanceof ConfigError) throw new ConfigError(message);
  throw new Error(message, { cause: error });
}

/**
 * True when every migration, and no other, is recorded as run: the start of an up-to-date store (every
 * start but the first after an upgrade) then reads one table instead of the Migrator's
 * lock, catalog lookups and transaction (about 0.2 s on PostgreSQL). Only reads; anything
 * else (no table yet, a migration missing) goes to the Migrator, which decides under its lock.
 */
async function upToDate(
  db: Kysely<Database>,
  dialect: SqlDialectKind,
  migrationTableSchema: string | undefined,
  options: MigrationOptions,
): Promise<boolean> {
  const table = migrationTableSchema !== undefined ? sql.table(`${migrationTableSchema}.kysely_migration`) : sql.table('kysely_migration');
  try {
    const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db);
    const run = new Set(rows.map((r) => r.name));
    const known = Object.keys(migrations(dialect, options));
    // Exactly the known ones: a database migrated by a newer release goes to the Migrator, which refuses it.
    return run.size === known.length && known.every((name) => run.has(name));
  } catch {
    return false;
  }
}
