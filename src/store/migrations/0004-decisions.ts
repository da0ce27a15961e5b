/** Migration 0004_decisions. Released: never change it. */
import { type Kysely, type Migration, sql } from 'kysely';
import { type SqlDialectKind, notNull, textType } from './columns.js';

/**
 * Decisions by consent (R7), objections and dissents (R8), next year's date polls (R10),
 * minutes and attendance (R16). Meeting ids are not foreign keys, as on motions: a
 * conclusion or minutes name their meeting as the agenda does.
 */
export function decisions(dialect: SqlDialectKind): Migration {
  const text = textType(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('conclusions')
        .addColumn('id', text, (col) => col.primaryKey())
        .addColumn('meeting_id', text, notNull)
        .addColumn('item_id', text)
        .addColumn('standing_item', text)
        .addColumn('item_label', text, notNull)
        .addColumn('text', text, notNull)
        .addColumn('concluded_by', text, notNull)
        .addColumn('concluded_at', text, notNull)
        .addColumn('objection_deadline', text, notNull)
        .addColumn('status', text, notNull)
        .addColumn('decided_at', text)
        .addColumn('decided_by', text)
        .addColumn('motion_id', text)
        .execute();
      await db.schema.createIndex('conclusions_meeting_idx').on('conclusions').column('meeting_id').execute();
      await db.schema.createIndex('conclusions_concluded_at_idx').on('conclusions').column('concluded_at').execute();

      // R7: one objection per (conclusion, person), enforced by the primary key.
      await db.schema
        .createTable('objections')
        .addColumn('conclusion_id', text, (col) => col.notNull().references('conclusions.id'))
        .addColumn('person_id', text, notNull)
        .addColumn('organisation_id', text, notNull)
        .addColumn('at', text, notNull)
        .addPrimaryKeyConstraint('objections_pk', ['conclusion_id', 'person_id'])
        .execute();

      // R8: one dissent per person on a conclusion, and per person on a vote. The subject
      // is exactly one of the two; NULLs are distinct in unique constraints (SQLite and
      // PostgreSQL alike), so each constraint only binds dissents on its own kind of subject.
      await db.schema
        .createTable('dissents')
        .addColumn('id', text, (col) => col.primaryKey())
        .addColumn('conclusion_id', text, (col) => col.references('conclusions.id'))
        .addColumn('motion_id', text, (col) => col.references('motions.id'))
        .addColumn('person_id', text, notNull)
        .addColumn('organisation_id', text, notNull)
        .addColumn('text', text, notNull)
        .addColumn('at', text, notNull)
        .addUniqueConstraint('dissents_conclusion_person_unique', ['conclusion_id', 'person_id'])
        .addUniqueConstraint('dissents_motion_person_unique', ['motion_id', 'person_id'])
        .addCheckConstraint('dissents_one_subject', sql`(conclusion_id is null) <> (motion_id is null)`)
        .execute();

      await db.schema
        .createTable('date_polls')
        .addColumn('id', text, (col) => col.primaryKey())
        .addColumn('year', 'integer', notNull)
        .addColumn('proposed_dates', text, notNull)
        .addColumn('time', text, notNull)
        .addColumn('created_by', text, notNull)
        .addColumn('created_at', text, notNull)
        .addColumn('confirmed_at', text)
        .addColumn('confirmed_by', text)
        .addColumn('confirmed_dates', text)
        .execute();
      await db.schema.createIndex('date_polls_year_idx').on('date_polls').column('year').execute();

      // R10: one answer per (poll, person); a new answer replaces it.
      await db.schema
        .createTable('date_answers')
        .addColumn('poll_id', text, (col) => col.notNull().references('date_polls.id'))
        .addColumn('person_id', text, notNull)
        .addColumn('available', text, notNull)
        .addColumn('answered_at', text, notNull)
        .addPrimaryKeyConstraint('date_answers_pk', ['poll_id', 'person_id'])
        .execute();

      // R16: versions are unique per meeting: two drafts made at once cannot share a number.
      await db.schema
        .createTable('minutes')
        .addColumn('id', text, (col) => col.primaryKey())
        .addColumn('meeting_id', text, notNull)
        .addColumn('version', 'integer', notNull)
        .addColumn('corrects_id', text, (col) => col.references('minutes.id'))
        .addColumn('text', text, notNull)
        .addColumn('drafted_by', text, notNull)
        .addColumn('drafted_at', text, notNull)
        .addColumn('updated_at', text, notNull)
        .addColumn('approved_at', text)
        .addColumn('approved_by', text)
        .addUniqueConstraint('minutes_meeting_version_unique', ['meeting_id', 'version'])
        .execute();

      await db.schema
        .createTable('attendees')
        .addColumn('meeting_id', text, notNull)
        .addColumn('name', text, notNull)
        .addColumn('person_id', text)
        .addColumn('added_by', text, notNull)
        .addColumn('added_at', text, notNull)
        .addPrimaryKeyConstraint('attendees_pk', ['meeting_id', 'name'])
        .execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      for (const table of ['attendees', 'minutes', 'date_answers', 'date_polls', 'dissents', 'objections', 'conclusions']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
