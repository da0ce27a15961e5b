/**
 * Migration 0009_reach.
 *
 * Reaching people: a post under a thread may carry a fallback (the same message as a new
 * post in the channel), sent when the reply fails for good ("Conversation not found");
 * an objection to a conclusion (R7) may carry its reason.
 */
import type { Kysely, Migration } from 'kysely';
import { type SqlDialectKind, textType } from './columns.js';

export function reach(dialect: SqlDialectKind): Migration {
  const text = textType(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('outbox').addColumn('fallback', text).execute();
      await db.schema.alterTable('objections').addColumn('reason', text).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('objections').dropColumn('reason').execute();
      await db.schema.alterTable('outbox').dropColumn('fallback').execute();
    },
  };
}
