/**
 * Migration 0014_meeting_revision (R9, R11).
 *
 * How many times a meeting was moved (`flyt moede`): its calendar invitation's SEQUENCE is
 * raised by each move, so a calendar that imported the meeting takes the new time over the
 * old one. Null: never moved.
 */
import type { Kysely, Migration } from 'kysely';

export function meetingRevision(): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('meetings').addColumn('revision', 'integer').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('meetings').dropColumn('revision').execute();
    },
  };
}
