/**
 * Migration 0016_petition_meeting (R11).
 *
 * The extraordinary meeting called on a petition's subject: the petition is answered by it, and
 * its card shows the meeting (moved or cancelled too) instead of asking for support. Null: none
 * called yet.
 */
import type { Kysely, Migration } from 'kysely';
import { type SqlDialectKind, textType } from './columns.js';

export function petitionMeeting(dialect: SqlDialectKind): Migration {
  const text = textType(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('petitions').addColumn('meeting_id', text).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('petitions').dropColumn('meeting_id').execute();
    },
  };
}
