/**
 * Migration 0006_claimers. Released: never change it.
 *
 * Who holds a claim on a job or an outbox entry (PRODUCT §4: a committed post is never
 * lost). A claim records its claimer, so a claim whose claimer is gone (a process
 * killed while it was sending) is taken over at once instead of being lost or waiting
 * for a long timeout. See src/store/claims.ts.
 */
import type { Kysely, Migration } from 'kysely';

export function claimers(): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('jobs').addColumn('claimed_by', 'integer').execute();
      await db.schema.alterTable('outbox').addColumn('claimed_by', 'integer').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('outbox').dropColumn('claimed_by').execute();
      await db.schema.alterTable('jobs').dropColumn('claimed_by').execute();
    },
  };
}
