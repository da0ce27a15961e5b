/** The audit log: append-only (no update, no delete). */

export interface AuditEntry {
  readonly at: Date;
  /** Person id, or 'system' for the scheduler. */
  readonly actor: string;
  readonly action: string;
  /** What it is about, e.g. 'motion:…'. */
  readonly subject: string;
  readonly data?: unknown;
  /** The Teams activity that caused it, if any. */
  readonly activityId?: string;
}

export interface StoredAuditEntry extends AuditEntry {
  readonly seq: number;
}

export interface AuditPort {
  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(filter?: { subject?: string; action?: string }): Promise<StoredAuditEntry[]>;
  /** When the board's first entry was written (its first record: every change writes one); undefined while it has none. */
  firstAuditAt(): Promise<Date | undefined>;
}
