/**
 * Migration 0005_secrets. Released: never change it.
 *
 * Secrets the bot makes for itself and keeps in the store, so that every instance on the
 * same database shares them and they survive restarts (e.g. the key that signs file links).
 */
import type { Kysely, Migration } from 'kysely';
import { type SqlDialectKind, textType } from './columns.js';

export function secrets(dialect: SqlDialectKind): Migration {
  const text = textType(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('secrets')
        .addColumn('name', text, (col) => col.primaryKey())
        .addColumn('value', text, (col) => col.notNull())
        .addColumn('created_at', text, (col) => col.notNull())
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('secrets').execute();
    },
  };
}
