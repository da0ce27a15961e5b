/**
 * Migration 0008_stored_agendas. Released once merged: never change it.
 *
 * A meeting's agenda is stored whole (R12–R16): the standing items and an extraordinary
 * meeting's subject become rows beside the added items (`section`, `standing_item`), and
 * once the agenda is sent each row keeps its number (`number`); an item added after the
 * sending is marked (`added_after_sending`). Existing meetings' standing items are turned
 * into rows when the bot starts (usecases/agenda-rows.ts), as the board's configuration
 * decides them. A decision (conclusion or vote) the chair reopened (`genoptag`) is marked
 * (`reopened_at`): it no longer closes its item (one decision per item). A vote or conclusion on
 * an item keeps the line that names the item and its meeting as its card shows it (`item_heading`).
 * R7: a conclusion posted during its meeting may stay open until the chair closes it (`until_closed`).
 */
import type { Kysely, Migration } from 'kysely';
import { type SqlDialectKind, textType } from './columns.js';

export function storedAgendas(dialect: SqlDialectKind): Migration {
  const text = textType(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('agenda_items').addColumn('section', text, (col) => col.notNull().defaultTo('added')).execute();
      await db.schema.alterTable('agenda_items').addColumn('standing_item', text).execute();
      await db.schema.alterTable('agenda_items').addColumn('number', 'integer').execute();
      await db.schema.alterTable('agenda_items').addColumn('added_after_sending', 'integer', (col) => col.notNull().defaultTo(0)).execute();
      await db.schema.createIndex('agenda_items_meeting_idx').on('agenda_items').column('meeting_id').execute();
      await db.schema.alterTable('conclusions').addColumn('until_closed', 'integer', (col) => col.notNull().defaultTo(0)).execute();
      for (const table of ['conclusions', 'motions']) {
        await db.schema.alterTable(table).addColumn('reopened_at', text).execute();
        await db.schema.alterTable(table).addColumn('item_heading', text).execute();
      }
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const table of ['motions', 'conclusions']) {
        await db.schema.alterTable(table).dropColumn('item_heading').execute();
        await db.schema.alterTable(table).dropColumn('reopened_at').execute();
      }
      await db.schema.alterTable('conclusions').dropColumn('until_closed').execute();
      await db.schema.dropIndex('agenda_items_meeting_idx').execute();
      for (const column of ['added_after_sending', 'number', 'standing_item', 'section']) await db.schema.alterTable('agenda_items').dropColumn(column).execute();
    },
  };
}
