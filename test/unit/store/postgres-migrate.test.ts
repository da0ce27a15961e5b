/**
 * Migrating on a shared PostgreSQL server: other schemas that come and go while the
 * store migrates (other applications, tests running beside) do not fail it.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/port.js';
import { SearchPathIntrospector } from '../../../src/store/postgres-introspector.js';
import { openPgStore } from '../../../src/store/postgres.js';
import { TestSchemas, pgTestUrl, vacuumCatalogs } from '../../support/pg-schemas.js';

/** Fresh stores migrated during the churn (each about 0.3 s on the 2-core machine). */
const MIGRATIONS = 6;

describe.skipIf(!pgTestUrl)('PostgreSQL store: migrating on a shared server', () => {
  const dbUrl = pgTestUrl ?? '';
  const schemas = new TestSchemas(dbUrl);
  const stores: Store[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await schemas.drop();
  });
  // The churn leaves some hundred thousand dead catalog rows: the files that run after this one
  // on the same server should not scan them.
  afterAll(async () => {
    await schemas.drop();
    await vacuumCatalogs(dbUrl);
  });

  it('migrates while other schemas on the server come and go (other applications, other tests)', async () => {
    // Others create schemas with tables and drop them again (each a transaction of its own).
    const churners = await Promise.all(
      [1, 2, 3].map(async () => {
        const client = new pg.Client({ connectionString: dbUrl });
        await client.connect();
        await client.query('set synchronous_commit = off');
        return client;
      }),
    );
    let stop = false;
    const churn = churners.map(async (client) => {
      while (!stop) {
        const other = schemas.fresh();
        const tables = Array.from({ length: 20 }, (_, i) => `create table "${other}".t${i} (a integer, b text, c text);`);
        await client.query(`create schema "${other}"; ${tables.join(' ')}`);
        await client.query(`drop schema "${other}" cascade`);
      }
    });
    const failures: string[] = [];
    try {
      // New stores' migrations, one after another: each runs the Migrator on an empty schema,
      // which looks for its tables while others appear and vanish. (Migrating one store again
      // would not: an up-to-date store reads its migrations and skips the Migrator.)
      for (let i = 0; i < MIGRATIONS; i++) {
        const store = await openPgStore({ url: dbUrl, schema: schemas.fresh() });
        stores.push(store);
        await store.migrate().catch((error: unknown) => failures.push(String(error)));
      }
    } finally {
      stop = true;
      await Promise.all(churn);
      await Promise.all(churners.map((client) => client.end()));
    }
    expect(failures).toEqual([]);
  });

  it('looks up the Migrator\'s tables as kysely does, in the store\'s schema only', async () => {
    const schema = schemas.fresh();
    const store = await openPgStore({ url: dbUrl, schema });
    stores.push(store);
    await store.migrate();
    const pool = new pg.Pool({ connectionString: dbUrl, options: `-c search_path=${schema}` });
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
    try {
      const ours = new SearchPathIntrospector(db);
      for (const withInternalKyselyTables of [false, true]) {
        const kyselys = (await db.introspection.getTables({ withInternalKyselyTables })).filter((t) => t.schema === schema);
        expect(kyselys.length).toBeGreaterThan(20);
        expect(await ours.getTables({ withInternalKyselyTables })).toEqual(kyselys);
      }
    } finally {
      await db.destroy();
    }
  });
});
