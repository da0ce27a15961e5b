/**
 * What the migrations share: the dialect, and the two column types that differ between
 * SQLite and PostgreSQL. Used by released migrations: change nothing here that would
 * change the SQL they run (test/unit/store/released-databases.test.ts checks it).
 */
import { type ColumnDefinitionBuilder, type CreateTableBuilder, type RawBuilder, sql } from 'kysely';

export type SqlDialectKind = 'sqlite' | 'postgres';

/** An auto-increment integer primary key: `serial` on PostgreSQL, `integer … autoincrement` on SQLite. */
export function idColumn<TB extends string, C extends string>(
  table: CreateTableBuilder<TB, C>,
  name: string,
  dialect: SqlDialectKind,
): CreateTableBuilder<TB, C> {
  return dialect === 'postgres'
    ? table.addColumn(name, 'serial', (col) => col.primaryKey())
    : table.addColumn(name, 'integer', (col) => col.primaryKey().autoIncrement());
}

/**
 * Text, compared and sorted by code point as SQLite's BINARY collation does: plain
 * `text` on SQLite; `text collate "C"` on PostgreSQL, whose default collation follows
 * the database's locale (e.g. en-US sorts 'p-a' before 'p-B', SQLite the other way).
 * ISO timestamps compare correctly either way; ids, keys and names sort the same only so.
 */
export function textType(dialect: SqlDialectKind): 'text' | RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`text collate "C"` : 'text';
}

/** A NOT NULL column. */
export const notNull = (col: ColumnDefinitionBuilder) => col.notNull();
