/**
 * What kysely's Migrator asks of the database on PostgreSQL: whether its tables exist.
 * kysely's own PostgreSQL introspector answers by listing every table of every schema
 * of the database and checking each schema by name (`has_schema_privilege`): a schema
 * that anyone on the server drops while that query runs makes it fail ("schema … does
 * not exist"), and `migrate()` with it. This one lists the tables of the schemas on the
 * connection's search path only (the store's own), from the catalog alone, with no
 * lookup by name that a concurrent drop could break. The rest is kysely's.
 */
import { PostgresIntrospector, type DatabaseMetadataOptions, type Kysely, type TableMetadata, sql } from 'kysely';

interface ColumnRow {
  readonly schema: string;
  readonly table: string;
  readonly table_type: string;
  readonly column: string;
  readonly type: string;
  readonly type_schema: string;
  readonly not_null: boolean;
  readonly has_default: boolean;
  readonly auto_incrementing: boolean;
  readonly comment: string | null;
}

/** kysely's names for its own tables (the Migrator's). */
const KYSELY_TABLES = ['kysely_migration', 'kysely_migration_lock'];

export class SearchPathIntrospector extends PostgresIntrospector {
  readonly #db: Kysely<unknown>;

  constructor(db: Kysely<unknown>) {
    super(db);
    this.#db = db;
  }

  override async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    const { rows } = await sql<ColumnRow>`
      select n.nspname as schema, c.relname as table, c.relkind as table_type, a.attname as column,
        t.typname as type, tn.nspname as type_schema, a.attnotnull as not_null, a.atthasdef as has_default,
        exists (
          select 1 from pg_catalog.pg_depend d join pg_catalog.pg_class s on s.oid = d.objid
          where d.refclassid = 'pg_catalog.pg_class'::regclass and d.refobjid = c.oid and d.refobjsubid = a.attnum
            and d.classid = 'pg_catalog.pg_class'::regclass
            and d.deptype in ('a', 'i') and s.relkind = 'S'
        ) as auto_incrementing,
        col_description(a.attrelid, a.attnum) as comment
      from pg_catalog.pg_attribute a
        join pg_catalog.pg_class c on c.oid = a.attrelid
        join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        join pg_catalog.pg_type t on t.oid = a.atttypid
        join pg_catalog.pg_namespace tn on tn.oid = t.typnamespace
      where n.nspname = any (current_schemas(false))
        and c.relkind in ('r', 'v', 'p') and a.attnum >= 0 and not a.attisdropped
      order by n.nspname, c.relname, a.attnum`.execute(this.#db);
    const tables = new Map<string, TableMetadata & { columns: TableMetadata['columns'][number][] }>();
    for (const row of rows) {
      if (!options.withInternalKyselyTables && KYSELY_TABLES.includes(row.table)) continue;
      const key = `${row.schema}.${row.table}`;
      let table = tables.get(key);
      if (!table) {
        table = { name: row.table, schema: row.schema, isView: row.table_type === 'v', columns: [] };
        tables.set(key, table);
      }
      table.columns.push({
        name: row.column,
        dataType: row.type,
        dataTypeSchema: row.type_schema,
        isNullable: !row.not_null,
        isAutoIncrementing: row.auto_incrementing,
        hasDefaultValue: row.has_default,
        ...(row.comment !== null ? { comment: row.comment } : {}),
      });
    }
    return [...tables.values()];
  }
}
