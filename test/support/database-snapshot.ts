/**
 * Everything a database holds, as one comparable object: its tables, columns and indexes and
 * every row of every table, the Migrator's own too. To prove that a refused start changed nothing.
 */
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

/** A SQLite file (read-only; a store may have it open). */
export function sqliteSnapshot(file: string): unknown {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const schema = db.prepare('select type, name, tbl_name, sql from sqlite_master order by type, name').all() as { type: string; name: string }[];
    const rows: Record<string, unknown[]> = {};
    for (const { name } of schema.filter((s) => s.type === 'table')) rows[name] = db.prepare(`select * from "${name}" order by 1`).all();
    return { schema, rows };
  } finally {
    db.close();
  }
}

/** A schema on a PostgreSQL server. */
export async function pgSnapshot(url: string, schema: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      'select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns where table_schema = $1 order by 1, 2',
      [schema],
    );
    const indexes = await client.query('select indexname, indexdef from pg_indexes where schemaname = $1 order by 1', [schema]);
    const tables = await client.query<{ table_name: string }>("select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE' order by 1", [schema]);
    const rows: Record<string, unknown[]> = {};
    for (const { table_name: name } of tables.rows) rows[name] = (await client.query(`select * from "${schema}"."${name}" order by 1`)).rows;
    return { columns: columns.rows, indexes: indexes.rows, rows };
  } finally {
    await client.end();
  }
}
