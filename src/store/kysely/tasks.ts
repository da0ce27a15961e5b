/**
 * Follow-up tasks on kysely: the tasks feature's own store part (port.ts StorePart), bound
 * to its port in ports/tasks.ts (which checks it implements TasksPort). Its table is typed
 * here, not in schema.ts: nothing else in the store names it.
 */
import type { Selectable } from 'kysely';
import type { Task } from '../../domain/tasks.js';
import type { ReadOptions } from '../ports/read.js';
import { type StoreContext, locked, ownTables, storePart } from './context.js';
import { date, iso, updated } from './values.js';

interface TasksTable {
  /** The board the task belongs to (R19; migration 0010). */
  board_id: string;
  id: string;
  text: string;
  owner_kind: string;
  owner_id: string;
  due: string;
  created_by: string;
  created_at: string;
  /** R16: the meeting it was given at (0019); null: between meetings. */
  placed_meeting_id: string | null;
  done_at: string | null;
  done_by: string | null;
}

function tasksQueries(ctx: StoreContext) {
  // The board's tasks only (R19): every query through the board helper.
  const rows = ownTables<{ tasks: TasksTable }>(ctx);
  return {
    async insertTask(task: Task): Promise<void> {
      await rows
        .insert('tasks', {
          id: task.id,
          text: task.text,
          owner_kind: task.owner.kind,
          owner_id: task.owner.kind === 'person' ? task.owner.personId : task.owner.organisationId,
          due: task.due,
          created_by: task.createdBy,
          created_at: iso(task.createdAt),
          placed_meeting_id: task.placedMeetingId ?? null,
          done_at: task.doneAt ? iso(task.doneAt) : null,
          done_by: task.doneBy ?? null,
        })
        .execute();
    },

    async getTask(id: string, read?: ReadOptions): Promise<Task | undefined> {
      const row = await locked(ctx, rows.select('tasks').selectAll().where('id', '=', id), read).executeTakeFirst();
      return row ? toTask(row) : undefined;
    },

    async listOpenTasks(): Promise<Task[]> {
      const found = await rows.select('tasks').selectAll().where('done_at', 'is', null).orderBy('due').orderBy('created_at').orderBy('id').execute();
      return found.map(toTask);
    },

    async listTasks(filter: { readonly createdFrom?: Date; readonly createdTo?: Date }): Promise<Task[]> {
      let query = rows.select('tasks').selectAll();
      if (filter.createdFrom) query = query.where('created_at', '>=', iso(filter.createdFrom));
      if (filter.createdTo) query = query.where('created_at', '<', iso(filter.createdTo));
      const found = await query.orderBy('created_at').orderBy('id').execute();
      return found.map(toTask);
    },

    async listTasksPlacedAt(meetingId: string): Promise<Task[]> {
      const found = await rows.select('tasks').selectAll().where('placed_meeting_id', '=', meetingId).orderBy('created_at').orderBy('id').execute();
      return found.map(toTask);
    },

    async placeTask(id: string, meetingId: string | undefined): Promise<void> {
      await rows.update('tasks').set({ placed_meeting_id: meetingId ?? null }).where('id', '=', id).execute();
    },

    async markTaskDone(id: string, by: string, at: Date): Promise<boolean> {
      const result = await rows.update('tasks').set({ done_at: iso(at), done_by: by }).where('id', '=', id).where('done_at', 'is', null).executeTakeFirst();
      return updated(result);
    },
  };
}

function toTask(r: Selectable<TasksTable>): Task {
  return {
    id: r.id,
    text: r.text,
    owner: r.owner_kind === 'person' ? { kind: 'person', personId: r.owner_id } : { kind: 'organisation', organisationId: r.owner_id },
    due: r.due,
    createdBy: r.created_by,
    createdAt: date(r.created_at),
    ...(r.placed_meeting_id !== null ? { placedMeetingId: r.placed_meeting_id } : {}),
    ...(r.done_at !== null ? { doneAt: date(r.done_at) } : {}),
    ...(r.done_by !== null ? { doneBy: r.done_by } : {}),
  };
}

/** The tasks' queries as a store part (ports/tasks.ts binds it as `tasksStore`). */
export const kyselyTasks = storePart('tasks', tasksQueries);
