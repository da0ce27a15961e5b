/** Bringing a database's schema up to date, for both adapters. */
import { type Kysely, Migrator, sql } from 'kysely';
import { type MigrationOptions, type SqlDialectKind, migrationProvider, migrations } from '../migrations/index.js';
import type { Database } from '../schema.js';
import { ConfigError } from '../../config/issues.js';

/**
 * A database a newer version of the bot migrated: it records migrations this version does not
 * know (`unknown`, by name). Refused before anything is run or written; the start says so in
 * one line (a ConfigError), naming the database's setting (open-store.ts, storeUnreachable).
 */
export class NewerDatabaseError extends ConfigError {
  constructor(readonly unknown: readonly string[]) {
    const which = unknown.length === 1 ? 'a migration this version does not know' : 'migrations this version does not know';
    super(
      `the database was migrated by a newer version of the bot (it records ${which}: ${unknown.join(', ')}) and was left as it is: run the newer version, or restore the backup taken before the upgrade`,
    );
    this.name = 'NewerDatabaseError';
  }
}

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
 * A database a newer version migrated is refused with a NewerDatabaseError before the Migrator
 * starts (no lock taken, nothing written); so is one a newer version migrates while this one
 * starts, which the Migrator finds under its lock (and refuses, running nothing).
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: SqlDialectKind,
  migrationTableSchema?: string,
  options: MigrationOptions = {},
): Promise<readonly string[]> {
  const known = Object.keys(migrations(dialect, options));
  const recorded = await recordedMigrations(db, migrationTableSchema);
  refuseNewer(known, recorded);
  // Exactly the known ones run: the start of an up-to-date store (every start but the first
  // after an upgrade) reads one table instead of the Migrator's lock, catalog lookups and
  // transaction (about 0.2 s on PostgreSQL). Anything else (no table yet, a migration missing)
  // goes to the Migrator, which decides under its lock.
  if (recorded !== undefined && recorded.length === known.length) return [];
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect, options),
    ...(migrationTableSchema !== undefined ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error === undefined) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  const failed = results?.find((r) => r.status === 'Error')?.migrationName;
  // A newer version migrated it since the check: the Migrator found a migration it does not know
  // under its lock ("corrupted migrations: previously executed migration … is missing") and ran nothing.
  if (failed === undefined && /^corrupted migrations\b/.test(errorText(error))) refuseNewer(known, await recordedMigrations(db, migrationTableSchema));
  const reason = errorText(error);
  const message = failed ? `migration ${failed} failed: ${reason}` : `migrations failed: ${reason}`;
  // What the operator is to fix is said as such (main prints it without a stack trace).
  if (error instanceof ConfigError) throw new ConfigError(message);
  throw new Error(message, { cause: error });
}

/** Throws a NewerDatabaseError when `recorded` holds migrations that are not `known`. */
function refuseNewer(known: readonly string[], recorded: readonly string[] | undefined): void {
  const unknown = (recorded ?? []).filter((name) => !known.includes(name)).sort();
  if (unknown.length > 0) throw new NewerDatabaseError(unknown);
}

/**
 * The names of the migrations the database records as run, without duplicates; `undefined` when
 * it has no record yet (a new database: no table). Only reads.
 */
async function recordedMigrations(db: Kysely<Database>, migrationTableSchema: string | undefined): Promise<readonly string[] | undefined> {
  const table = migrationTableSchema !== undefined ? sql.table(`${migrationTableSchema}.kysely_migration`) : sql.table('kysely_migration');
  try {
    const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db);
    return [...new Set(rows.map((r) => r.name))];
  } catch {
    return undefined;
  }
}
