/**
 * Schema migrations, in code, shared by every adapter. Column types are portable
 * (text, integer); the dialect differences are the auto-increment id column, picked
 * by `idColumn`, and the collation of text, picked by `textType`. Never edit a
 * released migration: add a new one.
 */
import {
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type RawBuilder,
  sql,
} from 'kysely';
import { claimers } from './0006-claimers.js';
import { secrets } from './secrets.js';

export type SqlDialectKind = 'sqlite' | 'postgres';

/** An auto-increment integer primary key: `serial` on PostgreSQL, `integer … autoincrement` on SQLite. */
export function idColumn<TB extends string, C extends string>(
  table: CreateTableBuilder<TB, C>,
  name: string,
  dialect: SqlDialectKind,
): CreateTableBuilder<TB, C> {
  return dialect === 'postgres'
    ? table.addColumn(name, 'serial', (col) => col.primaryKey())
    : table.addColumn(name, 'integer', (col) => col.primaryKey().autoIncrement());
}

/**
 * Text, compared and sorted by code point as SQLite's BINARY collation does: plain
 * `text` on SQLite; `text collate "C"` on PostgreSQL, whose default collation follows
 * the database's locale (e.g. en-US sorts 'p-a' before 'p-B', SQLite the other way).
 * ISO timestamps compare correctly either way; ids, keys and names sort the same only so.
 */
export function textType(dialect: SqlDialectKind): 'text' | RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`text collate "C"` : 'text';
}

const notNull = (col: ColumnDefinitionBuilder) => col.notNull();

function initial(dialect: SqlDialectKind): Migration {
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

/** Meetings (R9–R11), their agenda items (R12–R15), members' petitions (R11) and personal chats. */
function meetings(dialect: SqlDialectKind): Migration {
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

/** A vote on an agenda item remembers which (for the minutes, R16). */
function motionItems(dialect: SqlDialectKind): Migration {
  const text = textType(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('motions').addColumn('meeting_id', text).execute();
      await db.schema.alterTable('motions').addColumn('item_id', text).execute();
      await db.schema.alterTable('motions').addColumn('standing_item', text).execute();
      await db.schema.createIndex('motions_meeting_idx').on('motions').column('meeting_id').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('motions_meeting_idx').execute();
      for (const column of ['standing_item', 'item_id', 'meeting_id']) await db.schema.alterTable('motions').dropColumn(column).execute();
    },
  };
}

/**
 * Decisions by consent (R7), objections and dissents (R8), next year's date polls (R10),
 * minutes and attendance (R16). Meeting ids are not foreign keys, as on motions: a
 * conclusion or minutes name their meeting as the agenda does.
 */
function decisions(dialect: SqlDialectKind): Migration {
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

/** All migrations, by name; names sort in the order they run. */
export function migrations(dialect: SqlDialectKind): Record<string, Migration> {
  return {
    '0001_initial': initial(dialect),
    '0002_meetings': meetings(dialect),
    '0003_motion_items': motionItems(dialect),
    '0004_decisions': decisions(dialect),
    '0005_secrets': secrets(dialect),
    '0006_claimers': claimers(),
  };
}

/** For kysely's `Migrator`. */
export function migrationProvider(dialect: SqlDialectKind): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
