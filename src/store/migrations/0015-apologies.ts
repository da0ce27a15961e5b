/**
 * Migration 0015_apologies (R16).
 *
 * Apologies ("afbud"): a board person tells ahead that they will not attend a meeting
 * (`afbud [dato] [besked]`). One per person and meeting; withdrawn, or when the person is
 * recorded as present, the row goes. The minutes name those who sent apologies.
 */
import type { Kysely, Migration } from 'kysely';
import { type SqlDialectKind, notNull, textType } from './columns.js';

export function apologies(dialect: SqlDialectKind): Migration {
  const text = textType(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('apologies')
        .addColumn('board_id', text, notNull)
        .addColumn('meeting_id', text, notNull)
        .addColumn('person_id', text, notNull)
        .addColumn('organisation_id', text)
        .addColumn('message', text)
        .addColumn('sent_at', text, notNull)
        .addPrimaryKeyConstraint('apologies_pk', ['meeting_id', 'person_id'])
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('apologies').execute();
    },
  };
}
