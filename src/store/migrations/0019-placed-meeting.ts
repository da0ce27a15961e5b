/**
 * Migration 0019_placed_meeting (R16).
 *
 * A vote on no item and a task are in the minutes of the meeting under way when they were made
 * (meetingOfMoment), or, made between meetings, reported by the next meeting's. Until now that
 * meeting was worked out each time the minutes were read, from the day's meetings as they then
 * stood: a meeting planned or moved later that day could take a vote or a task from the minutes
 * that held it. From now on it is stored when they are made: `placed_meeting_id` on `motions` (a
 * vote on no item; null on an item) and on `tasks`; null, made between meetings. The rows made
 * before are given the meeting the version before placed them with (the same rule, on the
 * meetings as they stand), so an upgraded store places them as before. The local day is the
 * board's: `timezones` (from the board files), else the board file's default zone.
 */
import type { Kysely, Migration } from 'kysely';
import { DEFAULT_TIMEZONE } from '../../domain/kernel/board.js';
import { meetingOfMoment } from '../../domain/meeting.js';
import { type SqlDialectKind, textType } from './columns.js';

export interface PlacedMeetingMigrationOptions {
  /** Each board's time zone, by board id (its file's `board.timezone`). */
  readonly timezones?: Readonly<Record<string, string>>;
}

export function placedMeeting(dialect: SqlDialectKind, options: PlacedMeetingMigrationOptions = {}): Migration {
  const text = textType(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('motions').addColumn('placed_meeting_id', text).execute();
      await db.schema.alterTable('tasks').addColumn('placed_meeting_id', text).execute();
      await placeMadeBefore(db, options.timezones ?? {});
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('tasks').dropColumn('placed_meeting_id').execute();
      await db.schema.alterTable('motions').dropColumn('placed_meeting_id').execute();
    },
  };
}

/** Each vote on no item and each task, the meeting of its board under way when it was made, if any. */
async function placeMadeBefore(db: Kysely<any>, timezones: Readonly<Record<string, string>>): Promise<void> {
  const motions = (await db.selectFrom('motions').select(['board_id', 'id', 'opened_at']).where('meeting_id', 'is', null).execute()).map((m) => ({ ...m, table: 'motions', madeAt: m.opened_at }));
  const tasks = (await db.selectFrom('tasks').select(['board_id', 'id', 'created_at']).execute()).map((t) => ({ ...t, table: 'tasks', madeAt: t.created_at }));
  const made = [...motions, ...tasks];
  if (made.length === 0) return;
  const planned = (await db.selectFrom('meetings').select(['board_id', 'id', 'starts_at']).where('status', '=', 'planned').execute()).map((m) => ({
    boardId: m.board_id as string,
    id: m.id as string,
    status: 'planned' as const,
    startsAt: new Date(m.starts_at),
  }));
  for (const row of made) {
    const zone = timezones[row.board_id] ?? DEFAULT_TIMEZONE;
    const meeting = meetingOfMoment(planned.filter((m) => m.boardId === row.board_id), new Date(row.madeAt), zone);
    if (meeting) await db.updateTable(row.table).set({ placed_meeting_id: meeting.id }).where('board_id', '=', row.board_id).where('id', '=', row.id).execute();
  }
}
