/** Follow-up tasks (R16: who does what by when). The tasks feature's own port: reached as `repo.part(tasksStore)`. */
import type { Task } from '../../domain/tasks.js';
import { kyselyTasks } from '../kysely/tasks.js';
import type { StorePart } from '../port.js';
import type { ReadOptions } from './read.js';

export type { Task };

export interface TasksPort {
  insertTask(task: Task): Promise<void>;
  getTask(id: string, read?: ReadOptions): Promise<Task | undefined>;
  /** Not done, the earliest deadline first (then in the order made). */
  listOpenTasks(): Promise<Task[]>;
  /** Made from `from` (included) to `to` (excluded), either open; in the order made. */
  listTasks(filter: { readonly createdFrom?: Date; readonly createdTo?: Date }): Promise<Task[]>;
  /** R16: the tasks stored as given at the meeting (Task.placedMeetingId), in the order made. */
  listTasksPlacedAt(meetingId: string): Promise<Task[]>;
  /** R16: the meeting a task is stored as given at, stored anew (its meeting was cancelled); undefined: between meetings. */
  placeTask(id: string, meetingId: string | undefined): Promise<void>;
  /** Marks it done once; false when it was done already (or is unknown). */
  markTaskDone(id: string, by: string, at: Date): Promise<boolean>;
}

/**
 * The handle the use cases reach the port by (`repo.part(tasksStore)`): the store binds it
 * to its adapter here (type-checked against the port), so nothing outside src/store names the adapter.
 */
export const tasksStore: StorePart<TasksPort> = kyselyTasks;
