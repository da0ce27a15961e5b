/**
 * Migration 0018_card_copies (PRODUCT §1.4, §1.9).
 *
 * The copies of a card that 1:1 reminders carry (the vote card in a member's vote reminder, a
 * task's card in its owner's): one row per copy, naming the card it copies (the channel card's
 * outbox key), the outbox key the copy was posted under (its Teams message id is that entry's)
 * and the person it was posted to. Whenever the channel's card is updated, so is each copy,
 * rendered for its person (teams/outbox/copies.ts).
 */
import type { Kysely, Migration } from 'kysely';
import { type SqlDialectKind, notNull, textType } from './columns.js';

export function cardCopies(dialect: SqlDialectKind): Migration {
  const text = textType(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('card_copies')
        .addColumn('board_id', text, notNull)
        .addColumn('copy_key', text, notNull)
        .addColumn('card_key', text, notNull)
        .addColumn('person_id', text, notNull)
        .addPrimaryKeyConstraint('card_copies_pk', ['board_id', 'copy_key'])
        .execute();
      await db.schema.createIndex('card_copies_card_idx').on('card_copies').columns(['board_id', 'card_key']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('card_copies').execute();
    },
  };
}
