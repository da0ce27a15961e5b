/**
 * Claims on jobs and outbox entries (PRODUCT §4: a committed post is never lost;
 * scheduled work is done). A process claims one job or one post at a time, records
 * itself as the claimer, does the work, and marks it done. What it claimed and did
 * not finish is taken over, so it is done again (at least once, never lost):
 *
 *  - at once when its claimer is gone: a process killed while it worked. On SQLite
 *    one process owns the file, so every claimer but this process is gone (a
 *    restarted bot takes over its predecessor's claims). On PostgreSQL a claimer
 *    holds a presence lock for as long as it lives (postgres-presence.ts); the server
 *    releases it as soon as a killed process's connection drops.
 *  - when its lease ran out (CLAIM_LEASE_MS after the claim): a claimer that lives
 *    but hangs. The lease is longer than any send may take (SEND_TIMEOUT_MS in the
 *    outbox sender) and than a job's few transactions.
 */
import { randomInt } from 'node:crypto';
import { type RawBuilder, type SqlBool, sql } from 'kysely';

/** How long a claim holds against a claimer that still lives. */
export const CLAIM_LEASE_MS = 2 * 60_000;

/** Where a claim's lease has run out at `now`: it was made before this instant. */
export const leaseEnded = (now: Date): Date => new Date(now.getTime() - CLAIM_LEASE_MS);

/** The columns that name a claimer. */
export type ClaimerColumn = 'jobs.claimed_by' | 'outbox.claimed_by';

export interface Claimer {
  /** This process's claimer id (on PostgreSQL once its presence lock is held). */
  id(): Promise<number>;
  /** An SQL condition on a claimed row: its claimer (in `column`, maybe NULL) is gone. */
  gone(column: ClaimerColumn, me: number): RawBuilder<SqlBool>;
  /** Gives up the presence (the store closes). */
  close(): Promise<void>;
}

/** A positive 31-bit id: fits an `integer` column and a PostgreSQL advisory lock key. */
export const newClaimerId = (): number => randomInt(1, 2 ** 31 - 1);

/**
 * The claimer of a store that one process owns (SQLite): any other claimer is a
 * process that ran on this file before and is gone.
 */
export function soleClaimer(): Claimer {
  const me = newClaimerId();
  return {
    id: async () => me,
    gone: (column, id) => sql<SqlBool>`(${sql.ref(column)} is null or ${sql.ref(column)} <> ${id})`,
    close: async () => undefined,
  };
}
