/**
 * A PostgreSQL claimer (see claims.ts): its presence is a connection of its own that
 * holds a session advisory lock on (CLAIMER_LOCK_SPACE, id) for as long as the process
 * lives. Other instances look the lock up in pg_locks. When the process is killed the
 * server drops its connection and the lock with it, so its claims can be taken over
 * at once. A presence whose connection breaks counts as gone: the next claim takes a
 * new id (its old claims may then be done twice, as after a crash).
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import pg from 'pg';
import { type Claimer, type ClaimerColumn, newClaimerId } from './claims.js';

/** The first key of every presence lock ("best" in ASCII): keeps them apart from other advisory locks. */
export const CLAIMER_LOCK_SPACE = 0x62657374;

interface Held {
  readonly id: number;
  readonly client: pg.Client;
}

export class PgPresence implements Claimer {
  private held: Promise<Held> | undefined;
  private client: pg.Client | undefined;
  private closed = false;

  constructor(private readonly config: pg.ClientConfig) {}

  async id(): Promise<number> {
    if (this.closed) throw new Error('the store is closed');
    this.held ??= this.acquire().catch((error: unknown) => {
      this.held = undefined;
      throw error;
    });
    return (await this.held).id;
  }

  gone(column: ClaimerColumn): RawBuilder<SqlBool> {
    return sql<SqlBool>`not exists (
      select 1 from pg_catalog.pg_locks l
      where l.locktype = 'advisory' and l.granted and l.objsubid = 2
        and l.database = (select d.oid from pg_catalog.pg_database d where d.datname = current_database())
        and l.classid = ${CLAIMER_LOCK_SPACE}::int4::oid
        and l.objid = ${sql.ref(column)}::oid)`;
  }

  async close(): Promise<void> {
    this.closed = true;
    const held = await this.held?.catch(() => undefined);
    this.held = undefined;
    this.client = undefined;
    await held?.client.end().catch(() => undefined);
  }

  private async acquire(): Promise<Held> {
    const client = new pg.Client({ ...this.config, keepAlive: true });
    const lost = () => {
      if (this.client !== client) return;
      this.client = undefined;
      this.held = undefined;
    };
    // A connection that breaks must not crash the process: the presence is just gone.
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      for (;;) {
        const id = newClaimerId();
        const { rows } = await client.query<{ held: boolean }>('select pg_try_advisory_lock($1, $2) as held', [CLAIMER_LOCK_SPACE, id]);
        if (rows[0]?.held) {
          this.client = client;
          return { id, client };
        }
      }
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
  }
}
