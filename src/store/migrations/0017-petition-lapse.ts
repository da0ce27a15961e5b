/**
 * Migration 0017_petition_lapse (R11).
 *
 * When a petition lapsed: without a majority, and without a meeting called on it, half a year
 * (PETITION_REPEAT_DAYS) after it was asked; recorded once, so that its card says so and it takes
 * no more support. Null: it has not lapsed. A petition of a database from before whose half year
 * is out lapses at the first start (recountPetitionsAtStart), audited and its card brought in line.
 */
import type { Kysely, Migration } from 'kysely';
import { type SqlDialectKind, textType } from './columns.js';

export function petitionLapse(dialect: SqlDialectKind): Migration {
  const text = textType(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('petitions').addColumn('lapsed_at', text).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('petitions').dropColumn('lapsed_at').execute();
    },
  };
}
