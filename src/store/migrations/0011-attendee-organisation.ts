/**
 * Migration 0011_attendee_organisation (R16).
 *
 * An attendee who is a board person keeps the organisation they represented when their
 * attendance was recorded: the minutes count that organisation as present even after the
 * person has left the board file (a draft that follows the record is drafted again later).
 * Rows recorded before have none; the board file's organisation of the person is used for them.
 */
import type { Kysely, Migration } from 'kysely';
import { type SqlDialectKind, textType } from './columns.js';

export function attendeeOrganisation(dialect: SqlDialectKind): Migration {
  const text = textType(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('attendees').addColumn('organisation_id', text).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('attendees').dropColumn('organisation_id').execute();
    },
  };
}
