/**
 * Migration 0013_minutes_record_changed (R16, R8).
 *
 * When the record of a meeting changed after the secretary corrected its minutes (a vote
 * closed, a dissent, an attendee added): a corrected draft no longer follows the record, so
 * it is not approved, by the chair or by decision, until she has corrected it again (a later
 * correction makes the mark stale: it counts only while later than the minutes' last change).
 * Null: no change since.
 */
import type { Kysely, Migration } from 'kysely';
import { type SqlDialectKind, textType } from './columns.js';

export function minutesRecordChanged(dialect: SqlDialectKind): Migration {
  const text = textType(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('minutes').addColumn('record_changed_at', text).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('minutes').dropColumn('record_changed_at').execute();
    },
  };
}
