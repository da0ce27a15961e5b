/**
 * Follow-up tasks (R16: who does what by when): made by the chair or the secretary, done
 * by their owner, the chair or the secretary, the owner reminded on the due day at the
 * board's posting time. What the agenda, the minutes and `status` show of them is read
 * here (overdue, made at a meeting, counted) and written by the Teams part.
 */
import { z } from 'zod';
import type { Meeting } from '../domain/meeting.js';
import { type Result, ok, refuse } from '../domain/kernel/result.js';
import { type Task, type TaskCounts, type TaskInput, byDeadline, countTasks, isOverdue, makeTask, markDone, reminderAt, taskReminderUntil } from '../domain/tasks.js';
import { tasksStore } from '../store/ports/tasks.js';
import type { Repository } from '../store/port.js';
import type { At, Period } from './contributions.js';
import type { Deps } from './deps.js';
import { defineJob } from './jobs.js';
import { moveJobIn } from './meeting-jobs.js';
import { meetingToPlaceIn, onNoItemFor } from './minutes-record.js';
import { type Origin, type Outcome, type Tx, ask, done, personOf, run } from './runner.js';

export type { Task };

export type TaskEvent =
  | { readonly type: 'task.made'; readonly task: Task; readonly data: unknown }
  | { readonly type: 'task.done'; readonly task: Task; readonly data: unknown }
  /**
   * `overdue`: sent after the due day ended (the bot was down): the reminder says the deadline passed.
   * `until`: its moment (taskReminderUntil), brought forward when the task is marked done before it is sent.
   */
  | { readonly type: 'task.reminder'; readonly task: Task; readonly key: string; readonly overdue: boolean; readonly until: Date };

/** The tasks' own port on `repo`'s connection or transaction. */
const tasksOf = (repo: Repository) => repo.part(tasksStore);

/** The tasks not yet done, read where `at` reads (a change's transaction). */
export const openTasksAt = (at: At): Promise<Task[]> => tasksOf(at.repo).listOpenTasks();

const REMINDER = 'task.reminder';
const reminderKey = (taskId: string) => `${REMINDER}:${taskId}`;

/** `opgave <frist> <navn|organisation>: <tekst>`: the task card goes to the board's channel; the owner is reminded on the due day. */
export function createTask(deps: Deps, origin: Origin, input: TaskInput) {
  return run(deps, origin, { action: 'task.make' }, async (tx) => {
    if (!(await tx.repo.getBinding())) return refuse('not-bound');
    const made = makeTask(tx.board, personOf(tx), { ...input, id: tx.newId(), now: tx.now });
    if (!made.ok) return made;
    // R16: stored with the meeting under way, whose minutes list it (none: given between meetings).
    const placedMeetingId = await meetingToPlaceIn(tx);
    const task: Task = { ...made.value, ...(placedMeetingId ? { placedMeetingId } : {}) };
    await tasksOf(tx.repo).insertTask(task);
    const remindAt = reminderAt(task, tx.board.policies.postingTime, tx.board.timezone);
    // Made on its due day after the posting time: the card itself is the reminder.
    if (remindAt.getTime() > tx.now.getTime()) await tx.repo.scheduleJob({ key: reminderKey(task.id), kind: REMINDER, dueAt: remindAt, payload: { taskId: task.id } });
    return done(task, { type: 'task.made', task, data: { text: task.text, owner: task.owner, due: task.due } } satisfies TaskEvent);
  });
}

const current = (taskId: string) => async (tx: Tx): Promise<Outcome<Task, 'unknown-task'>> => {
  const task = await tasksOf(tx.repo).getTask(taskId);
  return task ? done(task) : refuse('unknown-task');
};

/** *Udfoert* (Done) (`task.done`): once, by the owner (the person, or one of the organisation's people), the chair or the secretary. */
export function completeTask(deps: Deps, origin: Origin, taskId: string) {
  return run(deps, origin, { action: 'task.done', again: current(taskId) }, async (tx) => {
    const tasks = tasksOf(tx.repo);
    // Locked: of two clicks at once, the second sees the first.
    const task = await tasks.getTask(taskId, { lock: true });
    if (!task) return refuse('unknown-task');
    const marked = markDone(tx.board, personOf(tx), task, tx.now);
    if (!marked.ok) return marked;
    if (!(await tasks.markTaskDone(task.id, personOf(tx).id, tx.now))) return refuse('task-already-done');
    await tx.repo.cancelJob(reminderKey(task.id));
    // R16: its reminder held up in the outbox (Teams down, or a stop) is not sent once the task is done.
    await tx.repo.endReminders(reminderKey(task.id), taskReminderUntil(marked.value));
    return done(marked.value, { type: 'task.done', task: marked.value, data: {} } satisfies TaskEvent);
  });
}

/**
 * At start: each open task's reminder still ahead moved to where the board file now puts it (its
 * posting time or zone changed). The bot's own schedule, as the meetings' posts moved at start: no
 * event of the board's.
 */
export async function movePlannedReminders(at: At): Promise<readonly []> {
  for (const task of await tasksOf(at.repo).listOpenTasks()) {
    await moveJobIn(at, { key: reminderKey(task.id), kind: REMINDER, dueAt: reminderAt(task, at.board.policies.postingTime, at.board.timezone), payload: { taskId: task.id } });
  }
  return [];
}

/** `opgaver`: the open tasks, the earliest deadline first. */
export function openTasks(deps: Deps, origin: Origin) {
  return ask(deps, origin, 'board.read', async ({ repo }): Promise<Result<Task[], never>> => ok(byDeadline(await tasksOf(repo).listOpenTasks())));
}

/** The open tasks whose deadline has ended by `at.now`: followed up on the next agenda. */
export async function overdueTasks(at: At): Promise<Task[]> {
  return (await tasksOf(at.repo).listOpenTasks()).filter((t) => isOverdue(t, at.now, at.board.timezone));
}

/**
 * The tasks `meeting`'s minutes list (R16), placed as a vote on no item is (onNoItemFor): given at
 * it (stored with it when given: the meeting under way then), and given between meetings (on a day
 * without a meeting, or one whose meeting was cancelled since), which the next meeting's minutes report.
 */
export function tasksOfMeeting(at: At, meeting: Meeting): Promise<{ readonly at: Task[]; readonly between: Task[] }> {
  const list = (span: { readonly from?: Date; readonly to: Date }) => tasksOf(at.repo).listTasks({ ...(span.from ? { createdFrom: span.from } : {}), createdTo: span.to });
  return onNoItemFor(at, meeting, list, (t) => ({ openedAt: t.createdAt, ...(t.placedMeetingId ? { placedMeetingId: t.placedMeetingId } : {}) }));
}

/** R16, a meeting cancelled (Contributions.placeAnew): the tasks given at it stored where `place` puts them now. */
export async function placeTasksAnew(at: At, cancelled: Meeting, place: (madeAt: Date) => string | undefined): Promise<void> {
  const tasks = tasksOf(at.repo);
  for (const task of await tasks.listTasksPlacedAt(cancelled.id)) await tasks.placeTask(task.id, place(task.createdAt));
}

/** `status`: the tasks done in the period, and those whose deadline ended in it before they were done. */
export async function taskCounts(at: At, period: Period): Promise<TaskCounts> {
  const tasks = await tasksOf(at.repo).listTasks({ createdTo: period.to });
  return countTasks(tasks, period, at.now, at.board.timezone);
}

export const taskJobs = [
  /** On the due day at the posting time the owner is reminded, unless the task is done. */
  defineJob({
    kind: REMINDER,
    payload: z.object({ taskId: z.string().min(1) }),
    run: async ({ deps, board }, { taskId }, job) =>
      void (await run(deps, { board, actor: 'system' }, { action: 'task.done' }, async (tx) => {
        const task = await tasksOf(tx.repo).getTask(taskId);
        if (!task || task.doneAt) return done(undefined);
        return done(undefined, { type: 'task.reminder', task, key: job.key, overdue: isOverdue(task, tx.now, tx.board.timezone), until: taskReminderUntil(task) } satisfies TaskEvent);
      })),
  }),
];
