/**
 * History for the benchmark (PRODUCT §5: the cost of a vote does not depend on history):
 * 5,000 closed motions and 100,000 audit rows, written by SQL straight into the bot's
 * database while the bot is stopped.
 *
 * The rows are not written from a hand-made copy of the schema: the bot itself makes one
 * closed motion (board.ts `closedMotion`) and every row it stored for that motion, in
 * every table (the motion, its ballots, its audit rows, its outbox entries and jobs, the
 * activities it processed), is cloned with new ids. So the history matches the schema of
 * the code being measured, whatever its migrations are, on SQLite and PostgreSQL alike.
 */
import { randomUUID } from 'node:crypto';
import type { OpenMotion } from './board.js';
import type { Row, SeedDb } from './stores.js';

export interface HistorySize {
  motions: number;
  auditRows: number;
}

export const DEFAULT_HISTORY: HistorySize = { motions: 5_000, auditRows: 100_000 };

export interface Seeded {
  /** Rows per table after seeding (application tables only). */
  counts: Record<string, number>;
  /** Rows written per table. */
  written: Record<string, number>;
  seconds: number;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The rows that belong to the template motion: any text value names it or one of its activities. */
async function templateRows(db: SeedDb, keys: readonly string[]): Promise<Map<string, Row[]>> {
  const pattern = new RegExp(keys.map(escape).join('|'));
  const found = new Map<string, Row[]>();
  for (const table of await db.tables()) {
    const rows = (await db.rows(table)).filter((row) => Object.values(row).some((v) => typeof v === 'string' && pattern.test(v)));
    if (rows.length > 0) found.set(table, rows);
  }
  return found;
}

/** A fresh id of the same kind: an invoke id `f:<uuid>`, a Teams message id (13 digits), a uuid. */
function freshLike(id: string, counter: { n: number }): string {
  if (id.startsWith('f:')) return `f:${randomUUID()}`;
  if (/^\d{13}$/.test(id)) return `8${String(counter.n++).padStart(12, '0')}`;
  return randomUUID();
}

/** The row with every key replaced as `mapping` says, and without its generated integer id. */
function cloneRow(row: Row, pattern: RegExp, mapping: Map<string, string>): Row {
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) {
    if ((column === 'id' || column === 'seq') && typeof value === 'number') continue;
    out[column] = typeof value === 'string' ? value.replace(pattern, (k) => mapping.get(k) ?? k) : value;
  }
  return out;
}

/** Tables referenced by others go first (PostgreSQL checks foreign keys): motions before ballots. */
const FIRST = ['motions', 'meetings', 'conclusions'];
const order = (tables: Iterable<string>): string[] =>
  [...tables].sort((a, b) => (FIRST.includes(b) ? 1 : 0) - (FIRST.includes(a) ? 1 : 0));

/**
 * Clones the template motion until there are `size.motions` closed motions more, then
 * copies of its audited votes (each with the activity it came from) until the audit log
 * holds `size.auditRows` rows.
 */
export async function seedHistory(db: SeedDb, template: OpenMotion, size: HistorySize = DEFAULT_HISTORY): Promise<Seeded> {
  const began = Date.now();
  const keys = [template.motionId, ...template.activityIds];
  const pattern = new RegExp(keys.map(escape).join('|'), 'g');
  const rows = await templateRows(db, keys);
  if (!rows.get('motions')?.some((r) => r.closed_at !== null)) {
    throw new Error(`the template motion ${template.motionId} is not stored as closed; tables found: ${[...rows.keys()].join(', ')}`);
  }
  const counter = { n: 0 };
  const pending = new Map<string, Row[]>();
  const add = (table: string, row: Row): void => {
    const list = pending.get(table) ?? [];
    list.push(row);
    pending.set(table, list);
  };
  const cloneIds: string[] = [];
  for (let k = 0; k < size.motions - 1; k++) {
    const mapping = new Map(keys.map((key) => [key, key === template.motionId ? randomUUID() : freshLike(key, counter)]));
    cloneIds.push(mapping.get(template.motionId)!);
    for (const [table, list] of rows) for (const row of list) add(table, cloneRow(row, pattern, mapping));
  }

  // Top the audit log up with changed votes: an audit row and the activity it records.
  const auditBefore = await db.count('audit_log');
  const auditTemplates = (rows.get('audit_log') ?? []).filter((r) => typeof r.activity_id === 'string' && template.activityIds.includes(r.activity_id));
  let missing = size.auditRows - auditBefore - (pending.get('audit_log')?.length ?? 0);
  for (let i = 0; missing > 0 && auditTemplates.length > 0; i++, missing--) {
    const audit = auditTemplates[i % auditTemplates.length]!;
    const activityId = audit.activity_id as string;
    const mapping = new Map([
      [template.motionId, cloneIds[i % cloneIds.length] ?? template.motionId],
      [activityId, freshLike(activityId, counter)],
    ]);
    const only = new RegExp(`${escape(template.motionId)}|${escape(activityId)}`, 'g');
    add('audit_log', cloneRow(audit, only, mapping));
    for (const processed of (rows.get('processed_activities') ?? []).filter((r) => Object.values(r).includes(activityId))) {
      add('processed_activities', cloneRow(processed, only, mapping));
    }
  }

  const written: Record<string, number> = {};
  await db.transaction(async () => {
    for (const table of order(pending.keys())) {
      const list = pending.get(table)!;
      await db.insert(table, list);
      written[table] = list.length;
    }
  });
  const counts: Record<string, number> = {};
  for (const table of await db.tables()) counts[table] = await db.count(table);
  return { counts, written, seconds: (Date.now() - began) / 1000 };
}
