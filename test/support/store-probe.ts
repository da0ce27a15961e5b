/**
 * Reads a running bot's store from the test, read-only and with plain SQL: the
 * SQLite file in its DATA_DIR, or its schema on the PostgreSQL server. For
 * assertions about what was committed (ballots, closed motions, the outbox),
 * independent of what the bot answers.
 */
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

export interface StoreProbe {
  /** Outbox entries neither sent nor given up yet (pending or being sent). */
  unsent(): Promise<number>;
  /** Those entries, one line each, for a failure message. */
  describeUnsent(): Promise<string>;
  /** Outbox entries with this key (0 or 1: the key is unique), with their status. */
  outbox(key: string): Promise<{ status: string }[]>;
  /** The motion's ballots: each organisation's choice. */
  ballots(motionId: string): Promise<Record<string, string>>;
  /** Why the motion closed: null while it is open, undefined when there is no such motion. */
  closeReason(motionId: string): Promise<string | null | undefined>;
  close(): Promise<void>;
}

/** `where` is the bot's DATA_DIR (SQLite), or a PostgreSQL URL and schema. */
export function probeStore(where: { dataDir: string } | { url: string; schema: string }): StoreProbe {
  if ('dataDir' in where) {
    const db = new BetterSqlite3(join(where.dataDir, 'bestyrelsesbot.db'), { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    const rows = <T>(query: string, ...params: unknown[]) => Promise.resolve(db.prepare(query).all(...params) as T[]);
    return probe(rows, async () => void db.close());
  }
  const pool = new pg.Pool({ connectionString: where.url, max: 2, options: `-c search_path=${where.schema}` });
  const numbered = (query: string) => {
    let i = 0;
    return query.replace(/\?/g, () => `$${++i}`);
  };
  const rows = async <T>(query: string, ...params: unknown[]) => (await pool.query(numbered(query), params)).rows as T[];
  return probe(rows, () => pool.end());
}

function probe(rows: <T>(query: string, ...params: unknown[]) => Promise<T[]>, close: () => Promise<void>): StoreProbe {
  return {
    async unsent() {
      const [row] = await rows<{ n: number | string }>("select count(*) as n from outbox where status in ('pending', 'sending')");
      return Number(row?.n ?? 0);
    },
    async describeUnsent() {
      const unsent = await rows<Record<string, unknown>>(
        "select key, status, due_at, attempts, last_error, claimed_at, claimed_by from outbox where status in ('pending', 'sending') order by id",
      );
      return unsent.map((r) => JSON.stringify(r)).join('\n');
    },
    outbox: (key) => rows<{ status: string }>('select status from outbox where key = ?', key),
    async ballots(motionId) {
      const found = await rows<{ organisation_id: string; choice: string }>('select organisation_id, choice from ballots where motion_id = ?', motionId);
      return Object.fromEntries(found.map((r) => [r.organisation_id, r.choice]));
    },
    async closeReason(motionId) {
      const [row] = await rows<{ close_reason: string | null }>('select close_reason from motions where id = ?', motionId);
      return row ? row.close_reason : undefined;
    },
    close,
  };
}
