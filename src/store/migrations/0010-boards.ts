/**
 * Migration 0010_boards (R19: one deployment serves several boards).
 *
 * Every row belongs to a board: each table but `secrets` (the deployment's) gets a
 * `board_id`. Tables keyed by something only unique within one board are rebuilt with
 * the board in their keys: the channel binding (one row per board, a channel bound to at
 * most one board), Teams identities and 1:1 chats (a person may sit on several boards),
 * jobs and outbox entries (their keys are per board). The others get the column and an
 * index for the board's own lookups.
 *
 * The rows of a database made before boards had ids are one board's: they are given
 * `existingBoard` (the id of the board the deployment served, from its board file).
 * Without it, a database holding rows is not migrated: which board they belong to
 * cannot be guessed. Each table is touched only when it lacks `board_id`, so a run
 * interrupted on SQLite (which runs migrations outside a transaction) is finished by
 * the next start.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import { type SqlDialectKind, idColumn, notNull, textType } from './columns.js';
import { ConfigError } from '../../config/issues.js';

/** Tables whose keys are ids unique in the whole database: a column and an index are enough. */
const COLUMN_TABLES = [
  'processed_activities',
  'motions',
  'ballots',
  'audit_log',
  'meetings',
  'agenda_items',
  'petitions',
  'petition_supports',
  'conclusions',
  'objections',
  'dissents',
  'date_polls',
  'date_answers',
  'minutes',
  'attendees',
  'tasks',
] as const;

/** The board's own lookups (lists, periods, the open ones): an index each. */
const BOARD_INDEXES: Record<string, readonly string[]> = {
  motions: ['board_id', 'opened_at'],
  meetings: ['board_id', 'starts_at'],
  petitions: ['board_id', 'created_at'],
  conclusions: ['board_id', 'concluded_at'],
  date_polls: ['board_id', 'year'],
  minutes: ['board_id', 'meeting_id'],
  audit_log: ['board_id', 'subject'],
  tasks: ['board_id', 'done_at', 'due'],
};

/** The rebuilt tables: their columns, by name, as 0001/0002/0006 made them (without board_id). */
const REBUILT: Record<string, readonly string[]> = {
  channel_binding: ['conversation_reference', 'tenant_id', 'team_id', 'channel_id', 'service_url', 'bound_at', 'bound_by'],
  teams_identities: ['person_id', 'teams_user_id', 'name', 'seen_at'],
  personal_conversations: ['person_id', 'conversation_reference', 'saved_at'],
  jobs: ['id', 'key', 'kind', 'due_at', 'payload', 'status', 'attempts', 'last_error', 'claimed_at', 'claimed_by', 'done_at'],
  outbox: [
    'id',
    'key',
    'kind',
    'conversation',
    'activity',
    'updates_key',
    'due_at',
    'status',
    'attempts',
    'last_error',
    'claimed_at',
    'claimed_by',
    'sent_activity_id',
    'sent_at',
    'fallback',
  ],
};

export interface BoardsMigrationOptions {
  /** The board the rows of a database made before boards had ids belong to. */
  readonly existingBoard?: string;
}

/** The tables that have a `board_id` already. */
async function tablesWithBoards(db: Kysely<any>): Promise<Set<string>> {
  const tables = await db.introspection.getTables();
  return new Set(tables.filter((t) => t.columns.some((c) => c.name === 'board_id')).map((t) => t.name));
}

async function rowCount(db: Kysely<any>, table: string): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number((row as { n?: unknown } | undefined)?.n ?? 0);
}

/** The new shape of a rebuilt table, created under `name`. */
async function createRebuilt(db: Kysely<any>, dialect: SqlDialectKind, table: string, name: string): Promise<void> {
  const text = textType(dialect);
  const s = db.schema;
  switch (table) {
    case 'channel_binding':
      // One bound channel per board; a channel belongs to at most one board.
      await s
        .createTable(name)
        .addColumn('board_id', text, (col) => col.primaryKey())
        .addColumn('conversation_reference', text, notNull)
        .addColumn('tenant_id', text)
        .addColumn('team_id', text)
        .addColumn('channel_id', text, notNull)
        .addColumn('service_url', text, notNull)
        .addColumn('bound_at', text, notNull)
        .addColumn('bound_by', text)
        .addUniqueConstraint('channel_binding_channel_unique', ['channel_id'])
        .execute();
      return;
    case 'teams_identities':
      await s
        .createTable(name)
        .addColumn('board_id', text, notNull)
        .addColumn('person_id', text, notNull)
        .addColumn('teams_user_id', text, notNull)
        .addColumn('name', text, notNull)
        .addColumn('seen_at', text, notNull)
        .addPrimaryKeyConstraint('teams_identities_board_pk', ['board_id', 'person_id'])
        .execute();
      return;
    case 'personal_conversations':
      await s
        .createTable(name)
        .addColumn('board_id', text, notNull)
        .addColumn('person_id', text, notNull)
        .addColumn('conversation_reference', text, notNull)
        .addColumn('saved_at', text, notNull)
        .addPrimaryKeyConstraint('personal_conversations_board_pk', ['board_id', 'person_id'])
        .execute();
      return;
    case 'jobs':
      await idColumn(s.createTable(name), 'id', dialect)
        .addColumn('board_id', text, notNull)
        .addColumn('key', text, notNull)
        .addColumn('kind', text, notNull)
        .addColumn('due_at', text, notNull)
        .addColumn('payload', text)
        .addColumn('status', text, notNull)
        .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('last_error', text)
        .addColumn('claimed_at', text)
        .addColumn('claimed_by', 'integer')
        .addColumn('done_at', text)
        .addUniqueConstraint('jobs_board_key_unique', ['board_id', 'key'])
        .execute();
      return;
    case 'outbox':
      await idColumn(s.createTable(name), 'id', dialect)
        .addColumn('board_id', text, notNull)
        .addColumn('key', text, notNull)
        .addColumn('kind', text, notNull)
        .addColumn('conversation', text, notNull)
        .addColumn('activity', text, notNull)
        .addColumn('updates_key', text)
        .addColumn('due_at', text, notNull)
        .addColumn('status', text, notNull)
        .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('last_error', text)
        .addColumn('claimed_at', text)
        .addColumn('claimed_by', 'integer')
        .addColumn('sent_activity_id', text)
        .addColumn('sent_at', text)
        .addColumn('fallback', text)
        .addUniqueConstraint('outbox_board_key_unique', ['board_id', 'key'])
        .execute();
      return;
    default:
      throw new Error(`0010_boards: no new shape for ${table}`);
  }
}

/** The indexes a rebuilt table had (dropped with it), made again. */
async function indexRebuilt(db: Kysely<any>, table: string): Promise<void> {
  if (table === 'jobs') await db.schema.createIndex('jobs_status_due_idx').on('jobs').columns(['status', 'due_at']).execute();
  if (table === 'outbox') await db.schema.createIndex('outbox_status_due_idx').on('outbox').columns(['status', 'due_at']).execute();
}

export function boards(dialect: SqlDialectKind, options: BoardsMigrationOptions = {}): Migration {
  const text = textType(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      const todo = [...COLUMN_TABLES, ...Object.keys(REBUILT)];
      const done = await tablesWithBoards(db);
      const pending = todo.filter((table) => !done.has(table));
      const board = options.existingBoard;
      if (board === undefined) {
        for (const table of pending) {
          if ((await rowCount(db, table)) > 0) {
            // The operator's to fix (which file to start with): said as a configuration error, without a stack trace.
            throw new ConfigError(
              `the database holds the records of a board from before boards had ids (table ${table}); ` +
                'start once with BOARD_CONFIG naming that board\'s file alone, so that they get its id',
            );
          }
        }
      }
      const owner = board ?? '';

      for (const table of COLUMN_TABLES) {
        if (!pending.includes(table)) continue;
        // A NOT NULL column needs a default on SQLite; the existing rows get the board, and
        // every insert names its board (the store's types require it).
        await db.schema.alterTable(table).addColumn('board_id', text, (col) => col.notNull().defaultTo('')).execute();
        await db.updateTable(table).set({ board_id: owner }).execute();
        if (dialect === 'postgres') await db.schema.alterTable(table).alterColumn('board_id', (col) => col.dropDefault()).execute();
        const columns = BOARD_INDEXES[table];
        if (columns) await db.schema.createIndex(`${table}_board_idx`).on(table).columns([...columns]).execute();
      }

      for (const [table, columns] of Object.entries(REBUILT)) {
        if (!pending.includes(table)) continue;
        const next = `${table}_0010`;
        await db.schema.dropTable(next).ifExists().execute();
        await createRebuilt(db, dialect, table, next);
        const list = sql.join(columns.map((c) => sql.ref(c)));
        await sql`insert into ${sql.table(next)} (board_id, ${list}) select ${owner}, ${list} from ${sql.table(table)}`.execute(db);
        await db.schema.dropTable(table).execute();
        await db.schema.alterTable(next).renameTo(table).execute();
        await indexRebuilt(db, table);
        if (dialect === 'postgres' && columns.includes('id')) {
          // The copied ids came with their values: the new id sequence starts after them.
          await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
        }
      }
    },

    async down(): Promise<void> {
      throw new Error('0010_boards cannot be undone: boards cannot be merged back into one');
    },
  };
}
