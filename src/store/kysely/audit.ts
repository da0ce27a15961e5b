/** The audit log: append-only (the port has no update, no delete). */
import type { AuditEntry, AuditPort, StoredAuditEntry } from '../ports/audit.js';
import { type StoreContext, scoped } from './context.js';
import { prepared } from './prepared.js';
import { date, fromJson, iso, toJson } from './values.js';

/** Every change appends (issue 12: built once, prepared.ts). */
const append = prepared((ctx, $: { at: string; actor: string; action: string; subject: string; data: string | null; activityId: string | null }) =>
  scoped.insert(ctx, 'audit_log', { at: $.at, actor: $.actor, action: $.action, subject: $.subject, data: $.data, activity_id: $.activityId }),
);

export function auditQueries(ctx: StoreContext): AuditPort {
  return {
    async appendAudit(entry: AuditEntry): Promise<void> {
      await append.write(ctx, {
        at: iso(entry.at),
        actor: entry.actor,
        action: entry.action,
        subject: entry.subject,
        data: toJson(entry.data),
        activityId: entry.activityId ?? null,
      });
    },

    async listAudit(filter: { subject?: string; action?: string } = {}): Promise<StoredAuditEntry[]> {
      let query = scoped.select(ctx, 'audit_log').selectAll();
      if (filter.subject !== undefined) query = query.where('subject', '=', filter.subject);
      if (filter.action !== undefined) query = query.where('action', '=', filter.action);
      const rows = await query.orderBy('seq').execute();
      return rows.map((r) => ({
        seq: Number(r.seq),
        at: date(r.at),
        actor: r.actor,
        action: r.action,
        subject: r.subject,
        ...(r.data !== null ? { data: fromJson(r.data) } : {}),
        ...(r.activity_id !== null ? { activityId: r.activity_id } : {}),
      }));
    },

    async firstAuditAt(): Promise<Date | undefined> {
      const row = await scoped.select(ctx, 'audit_log').select('at').orderBy('seq').limit(1).executeTakeFirst();
      return row ? date(row.at) : undefined;
    },
  };
}
