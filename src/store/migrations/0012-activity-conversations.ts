/**
 * Migration 0012_activity_conversations.
 *
 * A processed activity is known by its conversation and its id, no longer by its id alone:
 * Teams' message ids are millisecond timestamps, unique only within one conversation, so
 * two people writing in two conversations (the channel and a 1:1 chat) in the same
 * millisecond send the same id, and the second one's action was taken for a redelivery of
 * the first and dropped. A redelivery repeats both. The table is rebuilt with the key
 * (board, conversation, activity): SQLite cannot change a primary key in place.
 *
 * The rows recorded before have no conversation. They get LEGACY_CONVERSATION (''), and an
 * activity with the id of such a row is still taken for a redelivery, in whatever
 * conversation it comes (kysely/idempotency.ts): an activity the release before processed
 * and Teams delivers again after the upgrade has no second effect. Giving them a real
 * conversation is not possible (nothing recorded it), and only ids recorded before the
 * upgrade can meet such a row: the message ids Teams sends after it are later timestamps.
 *
 * Each step is skipped when done, so a run interrupted on SQLite (which runs migrations
 * outside a transaction) is finished by the next start.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import { type SqlDialectKind, notNull, textType } from './columns.js';

/** The conversation of the activities recorded before they had one. */
export const LEGACY_CONVERSATION = '';

const TABLE = 'processed_activities';
const NEXT = 'processed_activities_0012';

export function activityConversations(dialect: SqlDialectKind): Migration {
  const text = textType(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      const tables = await db.introspection.getTables();
      const current = tables.find((t) => t.name === TABLE);
      if (current?.columns.some((c) => c.name === 'conversation_id')) return;
      if (current) {
        await db.schema.dropTable(NEXT).ifExists().execute();
        await db.schema
          .createTable(NEXT)
          .addColumn('board_id', text, notNull)
          .addColumn('conversation_id', text, notNull)
          .addColumn('activity_id', text, notNull)
          .addColumn('processed_at', text, notNull)
          .addPrimaryKeyConstraint('processed_activities_conversation_pk', ['board_id', 'conversation_id', 'activity_id'])
          .execute();
        await db
          .insertInto(NEXT)
          .columns(['board_id', 'conversation_id', 'activity_id', 'processed_at'])
          .expression(db.selectFrom(TABLE).select(['board_id', sql.lit(LEGACY_CONVERSATION).as('conversation_id'), 'activity_id', 'processed_at']))
          .execute();
        await db.schema.dropTable(TABLE).execute();
      }
      // Dropped, not yet renamed (an interrupted run): the copy is whole.
      await db.schema.alterTable(NEXT).renameTo(TABLE).execute();
    },

    async down(): Promise<void> {
      throw new Error('0012_activity_conversations cannot be undone: activities of two conversations may share an id');
    },
  };
}
