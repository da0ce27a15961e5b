/**
 * Queries built once (src/store/kysely/prepared.ts, issue 12): a query is built and compiled
 * once per dialect, the board is a parameter bound from the running context (several boards
 * share a store), and each run binds its own values, on the connection or in a transaction.
 * On SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL too (each compiles its own SQL).
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { soleClaimer } from '../../../src/store/claims.js';
import { type StoreContext, atomically, forBoard, scoped, storeContext } from '../../../src/store/kysely/context.js';
import { migrateToLatest } from '../../../src/store/kysely/migrate.js';
import { prepared } from '../../../src/store/kysely/prepared.js';
import { openPgStore } from '../../../src/store/postgres.js';
import type { Database } from '../../../src/store/schema.js';
import { TestSchemas, pgTestUrl } from '../../support/pg-schemas.js';

const AT = '2026-12-01T09:00:00.000Z';

/** Two queries and how often each was built. */
function queries() {
  const built = { remember: 0, named: 0 };
  const remember = prepared((ctx, $: { personId: string; userId: string; name: string; at: string }) => {
    built.remember++;
    return scoped
      .insert(ctx, 'teams_identities', { person_id: $.personId, teams_user_id: $.userId, name: $.name, seen_at: $.at })
      .onConflict((oc) => oc.columns(['board_id', 'person_id']).doNothing());
  });
  const named = prepared((ctx, $: { personId: string }) => {
    built.named++;
    return scoped.select(ctx, 'teams_identities').select(['teams_user_id', 'name']).where('person_id', '=', $.personId);
  });
  return { built, remember, named };
}

async function sqliteContext(): Promise<StoreContext> {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }) });
  await migrateToLatest(db, 'sqlite');
  return storeContext(db, { board: 'a' });
}

function preparedContract(name: string, open: () => Promise<StoreContext>): void {
  describe(`prepared queries: ${name}`, () => {
    it('are built once, and bind the board of each run: two boards of one store keep their rows apart', async () => {
      const a = await open();
      const b = forBoard(a, 'b');
      const { built, remember, named } = queries();
      expect(await remember.affected(a, { personId: 'p1', userId: '29:a', name: 'Anne', at: AT })).toBe(1);
      expect(await remember.affected(b, { personId: 'p1', userId: '29:b', name: 'Bent', at: AT })).toBe(1);
      // The same key again on board a: the upsert does nothing.
      expect(await remember.affected(a, { personId: 'p1', userId: '29:x', name: 'X', at: AT })).toBe(0);
      expect(await named.rows(a, { personId: 'p1' })).toEqual([{ teams_user_id: '29:a', name: 'Anne' }]);
      expect(await named.first(b, { personId: 'p1' })).toEqual({ teams_user_id: '29:b', name: 'Bent' });
      expect(await named.first(b, { personId: 'p2' })).toBeUndefined();
      expect(built).toEqual({ remember: 1, named: 1 });
      await a.db.destroy();
    });

    it('run in the transaction of the context: rolled back with it', async () => {
      const ctx = await open();
      const { remember, named } = queries();
      await expect(
        atomically(ctx, async (inTx) => {
          await remember.run(inTx, { personId: 'p1', userId: '29:a', name: 'Anne', at: AT });
          expect(await named.first(inTx, { personId: 'p1' })).toEqual({ teams_user_id: '29:a', name: 'Anne' });
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      expect(await named.first(ctx, { personId: 'p1' })).toBeUndefined();
      await ctx.db.destroy();
    });

    it('refuse a missing value (kysely would leave the column out; the compiled SQL cannot)', async () => {
      const ctx = await open();
      const { remember } = queries();
      await expect(remember.run(ctx, { personId: 'p1', userId: '29:a', name: undefined as unknown as string, at: AT })).rejects.toThrow(/no value for \$\.name/);
      await ctx.db.destroy();
    });
  });
}

preparedContract('sqlite', sqliteContext);

describe('prepared queries whose SQL depends on more than the dialect', () => {
  it('are compiled once per what they say (`per`): here the claimer, whose condition each store has its own', async () => {
    const ctx = await sqliteContext();
    let built = 0;
    const gone = prepared(
      (ctx, $: { me: number }) => {
        built++;
        return scoped.select(ctx, 'outbox').select('id').where(ctx.claimer.gone('outbox.claimed_by', $.me));
      },
      { per: (ctx) => ctx.claimer },
    );
    const other: StoreContext = { ...ctx, claimer: soleClaimer() };
    for (const c of [ctx, forBoard(ctx, 'b'), other, forBoard(other, 'b')]) expect(await gone.rows(c, { me: 1 })).toEqual([]);
    expect(built).toBe(2);
    await ctx.db.destroy();
  });
});

describe.skipIf(!pgTestUrl)('PostgreSQL', () => {
  const schemas = new TestSchemas(pgTestUrl ?? '');
  afterAll(() => schemas.drop());

  async function pgContext(): Promise<StoreContext> {
    // The store makes and migrates the schema; the queries run on a Kysely of their own there.
    const schema = schemas.fresh();
    const store = await openPgStore({ url: pgTestUrl ?? '', schema });
    await store.migrate();
    await store.close();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: pgTestUrl, options: `-c search_path=${schema}`, max: 2 }) }) });
    return storeContext(db, { board: 'a', lockRows: true });
  }

  preparedContract('postgres', pgContext);

  it('compiles a query for each dialect: one query object serves a SQLite and a PostgreSQL store', async () => {
    const [lite, pgCtx] = [await sqliteContext(), await pgContext()];
    const { built, remember, named } = queries();
    for (const ctx of [lite, pgCtx, lite, pgCtx]) await remember.run(ctx, { personId: 'p1', userId: '29:a', name: 'Anne', at: AT });
    for (const ctx of [lite, pgCtx]) expect(await named.rows(ctx, { personId: 'p1' })).toEqual([{ teams_user_id: '29:a', name: 'Anne' }]);
    expect(built).toEqual({ remember: 2, named: 2 });
    await lite.db.destroy();
    await pgCtx.db.destroy();
  });
});
