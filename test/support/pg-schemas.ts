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
