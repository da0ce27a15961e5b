/** Bringing a database's schema up to date, for both adapters. */
import { type Kysely, Migrator } from 'kysely';
import { type BoardsMigrationOptions, type SqlDialectKind, migrationProvider } from '../migrations/index.js';
import type { Database } from '../schema.js';

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
 * Runs the migrations not yet run, in order; throws naming the migration that failed.
 * `migrationTableSchema`: where the Migrator keeps its own tables (PostgreSQL).
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: SqlDialectKind,
  migrationTableSchema?: string,
  options: BoardsMigrationOptions = {},
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect, options),
    ...(migrationTableSchema !== undefined ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error === undefined) return;
  const failed = results?.find((r) => r.status === 'Error')?.migrationName;
  const reason = errorText(error);
  throw new Error(failed ? `migration ${failed} failed: ${reason}` : `migrations failed: ${reason}`, { cause: error });
}
