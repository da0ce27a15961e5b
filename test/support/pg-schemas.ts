/**
 * PostgreSQL in tests: the server to use (TEST_DATABASE_URL, else DATABASE_URL; tests
 * that need it skip without), and fresh schemas, one per store, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const pgTestUrl: string | undefined = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

export class TestSchemas {
  readonly #made = new Set<string>();

  constructor(private readonly url: string) {}

  /** A new schema name (the store creates the schema when it migrates). */
  fresh(): string {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    this.#made.add(schema);
    return schema;
  }

  /** Drops every schema made so far. */
  async drop(): Promise<void> {
    if (this.#made.size === 0) return;
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      for (const schema of this.#made) await client.query(`drop schema if exists "${schema}" cascade`);
      this.#made.clear();
    } finally {
      await client.end();
    }
  }
}

/**
 * One schema migrated once for a whole file, emptied before each test: a test sees a fresh,
 * migrated store as with its own schema, without migrating one per test (each migration is
 * a few hundred milliseconds of DDL). The first `next()` names a new schema (the caller's
 * store migrates it); each later one deletes every row but the Migrator's and restarts the
 * id sequences, and the store's own `migrate()` then finds nothing to do. Deleting, not
 * truncating: a store a test left open (a simulated kill) holds no lock a DELETE waits for.
 */
export class ReusedSchema {
  readonly #schemas: TestSchemas;
  #name: string | undefined;
  /** The statements that empty it (its tables do not change between tests). */
  #empty: string | undefined;
  #client: pg.Client | undefined;

  constructor(private readonly url: string) {
    this.#schemas = new TestSchemas(url);
  }

  /** The schema's name: new the first time (the store migrates it), emptied after that. */
  async next(): Promise<string> {
    if (this.#name === undefined) {
      this.#name = this.#schemas.fresh();
      return this.#name;
    }
    if (!this.#client) {
      // One connection for the file: a new one per test was a server process started per test.
      const client = new pg.Client({ connectionString: this.url });
      await client.connect();
      this.#client = client;
    }
    this.#empty ??= await emptyingStatements(this.#client, this.#name);
    await this.#client.query(this.#empty);
    return this.#name;
  }

  /** Drops the schema (at the end of the file). */
  async drop(): Promise<void> {
    this.#name = undefined;
    this.#empty = undefined;
    await this.#client?.end();
    this.#client = undefined;
    await this.#schemas.drop();
  }
}

/** One batch that deletes every row of the schema but the Migrator's and restarts its sequences. */
async function emptyingStatements(client: pg.Client, schema: string): Promise<string> {
  const { rows: tables } = await client.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = $1 and table_type = 'BASE TABLE' and table_name not like 'kysely_migration%'`,
    [schema],
  );
  const { rows: sequences } = await client.query<{ name: string }>(
    'select sequence_name as name from information_schema.sequences where sequence_schema = $1',
    [schema],
  );
  const statements = [
    // Rows in any order: foreign keys are not checked while the batch runs.
    'set local session_replication_role = replica',
    ...tables.map((t) => `delete from "${schema}"."${t.name}"`),
    // setval, not ALTER SEQUENCE … RESTART: a restart gives the sequence a new file on disk.
    ...sequences.map((q) => `select setval('"${schema}"."${q.name}"', 1, false)`),
  ];
  return `begin; ${statements.join('; ')}; commit`;
}

/** The system catalogs the tests' DDL fills with dead rows (each schema made and dropped adds hundreds). */
const CHURNED_CATALOGS = ['pg_class', 'pg_attribute', 'pg_attrdef', 'pg_type', 'pg_depend', 'pg_index', 'pg_constraint', 'pg_trigger', 'pg_namespace', 'pg_sequence'];

/**
 * Keeps the server's catalogs from growing with every run: a plain VACUUM of the catalogs
 * that making and dropping schemas churns, so that their dead rows' space is used again (it
 * takes no lock that blocks anyone, and shrinks no file). A server with autovacuum off (this
 * machine's) otherwise keeps every dead catalog row: after a dozen runs of `npm test` the
 * catalogs had grown from 10 MB to 460 MB, and the PostgreSQL server spent twice the CPU on
 * the same tests (a query that scans a catalog reads all of it). Without the rights to vacuum
 * a catalog, PostgreSQL skips it with a warning.
 */
export async function vacuumCatalogs(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('notice', () => undefined);
  await client.connect();
  try {
    await client.query(`vacuum ${CHURNED_CATALOGS.map((c) => `pg_catalog.${c}`).join(', ')}`);
  } finally {
    await client.end();
  }
}
