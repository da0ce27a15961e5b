/**
 * What a bot's SQLite store holds, read from its file beside the running process (WAL:
 * readers see what is committed): to prove that refused requests stored nothing.
 */
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

export const dbFileOf = (dataDir: string) => join(dataDir, 'bestyrelsesbot.db');

/** Every row of every table (migration bookkeeping aside), as one comparable object. */
export function storeSnapshot(dataDir: string): Record<string, unknown[]> {
  const db = new BetterSqlite3(dbFileOf(dataDir), { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`)
      .all() as { name: string }[];
    const snapshot: Record<string, unknown[]> = {};
    for (const { name } of tables) snapshot[name] = db.prepare(`select * from "${name}" order by 1`).all();
    return snapshot;
  } finally {
    db.close();
  }
}

/** Rows of one table. */
export function rowsOf(dataDir: string, table: string): Record<string, unknown>[] {
  return storeSnapshot(dataDir)[table] as Record<string, unknown>[];
}

/** Waits until the outbox holds nothing pending or in flight (a send is marked done after the connector saw it). */
export async function outboxSettled(dataDir: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const busy = rowsOf(dataDir, 'outbox').filter((r) => r.status === 'pending' || r.status === 'sending');
    if (busy.length === 0) return;
    if (Date.now() > deadline) throw new Error(`the outbox did not settle: ${busy.map((r) => `${String(r.key)} ${String(r.status)}`).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
