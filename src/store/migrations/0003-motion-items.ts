/** Migration 0003_motion_items. Released: never change it. */
import type { Kysely, Migration } from 'kysely';
import { type SqlDialectKind, textType } from './columns.js';

/** A vote on an agenda item remembers which (for the minutes, R16). */
export function motionItems(dialect: SqlDialectKind): Migration {
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
