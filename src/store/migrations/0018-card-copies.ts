/**
 * Migration 0018_card_copies (PRODUCT §1.4, §1.9).
 *
 * The copies of a card that 1:1 reminders carry (the vote card in a member's vote reminder, a
 * task's card in its owner's): one row per copy, naming the card it copies (the channel card's
 * outbox key), the outbox key the copy was posted under (its Teams message id is that entry's)
 * and the person it was posted to. Whenever the channel's card is updated, so is each copy,
 * rendered for its person (teams/outbox/copies.ts).
 *
 * The copies the version before sent (it posted the same 1:1 reminders, but kept no record of
 * them) are recorded here from the outbox, so that they are kept up to date as those sent from
 * now on: each 1:1 reminder carrying a card, under the keys that version wrote.
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
      await recordCopiesSentBefore(db);
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('card_copies').execute();
    },
  };
}

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/**
 * The 1:1 reminders that carry a copy of a channel card, by the outbox key they were posted under
 * (`<reminder job key>:to:<person id>`; the channel's @mention is `…:channel`): a vote reminder
 * copies the vote card (`motion:<id>:card`), a task reminder the task's card (`task:<id>:card`).
 */
const COPIES = [
  { like: 'vote.reminder:%:to:%', key: /^vote\.reminder:([^:]+):to:(.+)$/, card: (id: string) => `motion:${id}:card` },
  { like: 'task.reminder:%:to:%', key: /^task\.reminder:([^:]+):to:(.+)$/, card: (id: string) => `task:${id}:card` },
];

/** Records each copy the outbox holds (sent, or still to send), if its post carries a card. */
async function recordCopiesSentBefore(db: Kysely<any>): Promise<void> {
  const rows = await db
    .selectFrom('outbox')
    .select(['board_id', 'key', 'activity'])
    .where('kind', '=', 'send')
    .where((eb) => eb.or(COPIES.map((c) => eb('key', 'like', c.like))))
    .execute();
  for (const row of rows) {
    const activity = (typeof row.activity === 'string' ? JSON.parse(row.activity) : row.activity) as { attachments?: { contentType?: string }[] } | null;
    if (!activity?.attachments?.some((a) => a.contentType === ADAPTIVE_CARD)) continue;
    for (const copy of COPIES) {
      const [, id, personId] = copy.key.exec(row.key as string) ?? [];
      if (!id || !personId) continue;
      await db.insertInto('card_copies').values({ board_id: row.board_id, copy_key: row.key, card_key: copy.card(id), person_id: personId }).execute();
    }
  }
}
