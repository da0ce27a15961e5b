/**
 * Migration 0001_initial. Released: never change it.
 *
 * Processed activities, the channel binding, Teams identities, motions and ballots (R5),
 * the audit log, jobs and the outbox.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import { type SqlDialectKind, idColumn, notNull, textType } from './columns.js';

export function initial(dialect: SqlDialectKind): Migration {
  const text = textType(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('processed_activities')
        .addColumn('activity_id', text, (col) => col.primaryKey())
        .addColumn('processed_at', text, notNull)
        .execute();

      await db.schema
        .createTable('channel_binding')
        .addColumn('id', 'integer', (col) => col.primaryKey())
        .addColumn('conversation_reference', text, notNull)
        .addColumn('tenant_id', text)
        .addColumn('team_id', text)
        .addColumn('channel_id', text, notNull)
        .addColumn('service_url', text, notNull)
        .addColumn('bound_at', text, notNull)
        .addColumn('bound_by', text)
        .addCheckConstraint('channel_binding_single_row', sql`id = 1`)
        .execute();

      await db.schema
        .createTable('teams_identities')
        .addColumn('person_id', text, (col) => col.primaryKey())
        .addColumn('teams_user_id', text, notNull)
        .addColumn('name', text, notNull)
        .addColumn('seen_at', text, notNull)
        .execute();

      await db.schema
        .createTable('motions')
        .addColumn('id', text, (col) => col.primaryKey())
        .addColumn('text', text, notNull)
        .addColumn('opened_by', text, notNull)
        .addColumn('opened_at', text, notNull)
        .addColumn('deadline', text, notNull)
        .addColumn('majority', text, notNull)
        .addColumn('organisation_ids', text, notNull)
        .addColumn('closed_at', text)
        .addColumn('closed_by', text)
        .addColumn('close_reason', text)
        .execute();

      // R5: one ballot per (motion, organisation), enforced by the primary key.
      await db.schema
        .createTable('ballots')
        .addColumn('motion_id', text, (col) => col.notNull().references('motions.id'))
        .addColumn('organisation_id', text, notNull)
        .addColumn('choice', text, notNull)
        .addColumn('cast_by', text, notNull)
        .addColumn('cast_at', text, notNull)
        .addPrimaryKeyConstraint('ballots_pk', ['motion_id', 'organisation_id'])
        .execute();

      await idColumn(db.schema.createTable('audit_log'), 'seq', dialect)
        .addColumn('at', text, notNull)
        .addColumn('actor', text, notNull)
        .addColumn('action', text, notNull)
        .addColumn('subject', text, notNull)
        .addColumn('data', text)
        .addColumn('activity_id', text)
        .execute();
      await db.schema.createIndex('audit_log_subject_idx').on('audit_log').column('subject').execute();

      await idColumn(db.schema.createTable('jobs'), 'id', dialect)
        .addColumn('key', text, (col) => col.notNull().unique())
        .addColumn('kind', text, notNull)
        .addColumn('due_at', text, notNull)
        .addColumn('payload', text)
        .addColumn('status', text, notNull)
        .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('last_error', text)
        .addColumn('claimed_at', text)
        .addColumn('done_at', text)
        .execute();
      await db.schema.createIndex('jobs_status_due_idx').on('jobs').columns(['status', 'due_at']).execute();

      await idColumn(db.schema.createTable('outbox'), 'id', dialect)
        .addColumn('key', text, (col) => col.notNull().unique())
        .addColumn('kind', text, notNull)
        .addColumn('conversation', text, notNull)
        .addColumn('activity', text, notNull)
        .addColumn('updates_key', text)
        .addColumn('due_at', text, notNull)
        .addColumn('status', text, notNull)
        .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('last_error', text)
        .addColumn('claimed_at', text)
        .addColumn('sent_activity_id', text)
        .addColumn('sent_at', text)
        .execute();
      await db.schema.createIndex('outbox_status_due_idx').on('outbox').columns(['status', 'due_at']).execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      for (const table of [
        'outbox',
        'jobs',
        'audit_log',
        'ballots',
        'motions',
        'teams_identities',
        'channel_binding',
        'processed_activities',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
