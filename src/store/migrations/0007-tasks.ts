/**
 * Migration 0007_tasks. Released: never change it.
 *
 * Follow-up tasks (R16: who does what by when): the owner is a person or an organisation
 * (`owner_kind` + `owner_id`), the deadline a local day (`due`, ISO), done once
 * (`done_at`, `done_by`). A migration stays when its feature goes: a database that ran it
 * must still migrate.
 */
import type { Kysely, Migration } from 'kysely';
import { type SqlDialectKind, textType } from './columns.js';

export function tasks(dialect: SqlDialectKind): Migration {
  const text = textType(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('tasks')
        .addColumn('id', text, (col) => col.primaryKey())
        .addColumn('text', text, (col) => col.notNull())
        .addColumn('owner_kind', text, (col) => col.notNull())
        .addColumn('owner_id', text, (col) => col.notNull())
        .addColumn('due', text, (col) => col.notNull())
        .addColumn('created_by', text, (col) => col.notNull())
        .addColumn('created_at', text, (col) => col.notNull())
        .addColumn('done_at', text)
        .addColumn('done_by', text)
        .execute();
      await db.schema.createIndex('tasks_done_due').on('tasks').columns(['done_at', 'due']).execute();
      await db.schema.createIndex('tasks_created_at').on('tasks').column('created_at').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('tasks').execute();
    },
  };
}
