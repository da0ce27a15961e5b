/**
 * Hearing, on PostgreSQL, that another instance changed what the store keeps between
 * requests (issue 12): where a board is bound, which board a channel belongs to, the
 * board's Teams ids, and the copies of a card that 1:1 reminders carry. Those are asked on
 * every turn and change and change rarely; an instance keeps what it read only while it
 * listens for their changes.
 *
 * A write of them sends a notification with its transaction (kysely/identities.ts, card-copies.ts, delivered
 * when it commits); every instance listens on a connection of its own and forgets what it
 * kept when one arrives. When that connection is lost, it forgets everything and keeps
 * nothing until it listens again (it reconnects at the next read). Between another
 * instance's commit and the notification's arrival (a few milliseconds) an instance may
 * still answer from what it read before, as a read made just before that commit would have.
 */
import pg from 'pg';
import type { KnownChanges } from './kysely/context.js';
import { knownChangesChannel } from './kysely/identities.js';

/** How long after a failed attempt to listen the next may be made. */
const RETRY_MS = 5_000;

export class PgKnownChanges implements KnownChanges {
  #client: pg.Client | undefined;
  #connecting: Promise<void> | undefined;
  #listening = false;
  #closed = false;
  /** After a failed attempt to listen, none before this (ms since the epoch): no storm of connections while the server is away. */
  #retryAfter = 0;
  readonly #forgetters = new Set<() => void>();

  constructor(private readonly config: pg.ClientConfig) {}

  get listening(): boolean {
    if (!this.#listening && !this.#closed && Date.now() >= this.#retryAfter) void this.#listen();
    return this.#listening;
  }

  onChange(forget: () => void): void {
    this.#forgetters.add(forget);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#lost();
    await this.#connecting?.catch(() => undefined);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  #changed(): void {
    for (const forget of this.#forgetters) forget();
  }

  /** Forgets everything, and keeps nothing until listening again. */
  #lost(): void {
    this.#listening = false;
    this.#changed();
  }

  #listen(): Promise<void> {
    this.#connecting ??= (async () => {
      const client = new pg.Client({ ...this.config, keepAlive: true });
      const lost = () => {
        if (this.#client !== client) return;
        this.#client = undefined;
        this.#lost();
      };
      // A connection that breaks must not crash the process: what was kept is forgotten.
      client.on('error', lost);
      client.on('end', lost);
      client.on('notification', () => this.#changed());
      try {
        await client.connect();
        const { rows } = await client.query<{ schema: string }>('select current_schema() as schema');
        await client.query(`listen "${knownChangesChannel(rows[0]!.schema).replace(/"/g, '""')}"`);
        if (this.#closed) throw new Error('the store is closed');
        this.#client = client;
        // What was read before now may have changed unheard: forgotten, then kept from here on.
        this.#changed();
        this.#listening = true;
      } catch {
        this.#retryAfter = Date.now() + RETRY_MS;
        await client.end().catch(() => undefined);
      }
    })().finally(() => {
      this.#connecting = undefined;
    });
    return this.#connecting;
  }
}
