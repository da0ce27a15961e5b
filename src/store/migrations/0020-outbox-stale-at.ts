/**
 * Migration 0020_outbox_stale_at (R6, R13).
 *
 * A reminder's moment, on its post in the outbox (a vote's deadline, a meeting's start): a
 * reminder that waited in the outbox past it (Teams did not answer, or the bot was stopped before
 * it went out) is not sent, but marked failed and logged (teams/outbox/sender.ts). Null: a post
 * that is always sent (an agenda, an outcome, minutes), and every post queued before this.
 */
import type { Kysely, Migration } from 'kysely';
import { type SqlDialectKind, textType } from './columns.js';

export function outboxStaleAt(dialect: SqlDialectKind): Migration {
  const text = textType(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('outbox').addColumn('stale_at', text).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('outbox').dropColumn('stale_at').execute();
    },
  };
}
