/** Migration 0002_meetings. Released: never change it. */
import type { Kysely, Migration } from 'kysely';
import { type SqlDialectKind, notNull, textType } from './columns.js';

/** Meetings (R9–R11), their agenda items (R12–R15), members' petitions (R11) and personal chats. */
export function meetings(dialect: SqlDialectKind): Migration {
  const text = textType(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('meetings')
        .addColumn('id', text, (col) => col.primaryKey())
        .addColumn('kind', text, notNull)
        .addColumn('starts_at', text, notNull)
        .addColumn('subject', text)
        .addColumn('place', text)
        .addColumn('status', text, notNull)
        .addColumn('created_by', text, notNull)
        .addColumn('created_at', text, notNull)
        .addColumn('agenda_sent_at', text)
        // A boolean as 0/1: portable across SQLite and PostgreSQL.
        .addColumn('agenda_late', 'integer')
        .execute();
      await db.schema.createIndex('meetings_starts_at_idx').on('meetings').column('starts_at').execute();

      // Positions are unique per meeting: two items added at once cannot share a number.
      await db.schema
        .createTable('agenda_items')
        .addColumn('id', text, (col) => col.primaryKey())
        .addColumn('meeting_id', text, (col) => col.notNull().references('meetings.id'))
        .addColumn('title', text, notNull)
        .addColumn('kind', text, notNull)
        .addColumn('position', 'integer', notNull)
        .addColumn('attachments', text, (col) => col.notNull().defaultTo('[]'))
        .addColumn('added_by', text, notNull)
        .addColumn('added_at', text, notNull)
        .addUniqueConstraint('agenda_items_meeting_position_unique', ['meeting_id', 'position'])
        .execute();

      await db.schema
        .createTable('petitions')
        .addColumn('id', text, (col) => col.primaryKey())
        .addColumn('subject', text, notNull)
        .addColumn('created_by', text, notNull)
        .addColumn('created_at', text, notNull)
        .addColumn('majority_at', text)
        .execute();

      // R11: each person supports a petition once, enforced by the primary key.
      await db.schema
        .createTable('petition_supports')
        .addColumn('petition_id', text, (col) => col.notNull().references('petitions.id'))
        .addColumn('person_id', text, notNull)
        .addColumn('supported_at', text, notNull)
        .addPrimaryKeyConstraint('petition_supports_pk', ['petition_id', 'person_id'])
        .execute();

      await db.schema
        .createTable('personal_conversations')
        .addColumn('person_id', text, (col) => col.primaryKey())
        .addColumn('conversation_reference', text, notNull)
        .addColumn('saved_at', text, notNull)
        .execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      for (const table of ['personal_conversations', 'petition_supports', 'petitions', 'agenda_items', 'meetings']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
