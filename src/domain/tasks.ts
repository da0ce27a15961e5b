/**
 * Follow-up tasks (R16: the minutes record who does what by when): the chair or the
 * secretary gives a person or an organisation a task with a deadline; its owner, the
 * chair or the secretary marks it done. A task not done by the end of its deadline is
 * overdue: it is followed up on the next agenda and counted in `status`.
 */
import { type Board, type Person, findPerson, foldName, isChair, isSecretary, personByName } from './kernel/board.js';
import {
  type DateRefusal,
  type LocalDate,
  addDays,
  compareLocalDate,
  isoDate,
  localDateOf,
  parseDate,
  parseHhmm,
  toInstant,
} from './kernel/calendar.js';
import { UNTIL_ENDED } from './kernel/reminders.js';
import { type Result, ok, refuse } from './kernel/result.js';
import { MAX_NAME_TEXT, visibleText } from './kernel/text.js';

/** Who does it: a person of the board, or an organisation (any of its people may mark it done). */
export type TaskOwner = { readonly kind: 'person'; readonly personId: string } | { readonly kind: 'organisation'; readonly organisationId: string };

export interface Task {
  readonly id: string;
  readonly text: string;
  readonly owner: TaskOwner;
  /** The deadline: a day in the board's time zone, ISO (`2026-12-10`); the task is due by its end. */
  readonly due: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  /**
   * R16: the meeting whose minutes list it as given at it, fixed when it was made (the meeting
   * under way then: meetingOfMoment); absent, given between meetings. Set by the use case.
   */
  readonly placedMeetingId?: string;
  readonly doneAt?: Date;
  readonly doneBy?: string;
}

export const MAX_TASK_TEXT = 500;

export type OwnerRefusal = 'unknown-owner' | 'ambiguous-owner';
export type TaskRefusal = DateRefusal | OwnerRefusal | 'bad-task' | 'owner-too-long' | 'empty-task' | 'task-too-long' | 'due-in-past';
export type DoneRefusal = 'not-task-owner' | 'task-already-done';

/**
 * The owner a name points to: an organisation by its code or its name, else a person as
 * commands find one (`personByName`: the whole name, or a first name no one else has).
 */
export function findOwner(board: Board, text: string): Result<TaskOwner, OwnerRefusal> {
  const name = foldName(text);
  if (!name) return refuse('unknown-owner');
  const org = board.organisations.find((o) => foldName(o.id) === name || foldName(o.name) === name);
  if (org) return ok({ kind: 'organisation', organisationId: org.id });
  const found = personByName(board, text);
  if (found.kind === 'ambiguous') return refuse('ambiguous-owner');
  return found.kind === 'person' ? ok({ kind: 'person', personId: found.person.id }) : refuse('unknown-owner');
}

/** What `opgave <frist> <navn|organisation>: <tekst>` says, read but not yet checked. */
export interface TaskInput {
  readonly dueText?: string;
  readonly ownerText?: string;
  readonly text?: string;
}

/** A new task: a deadline today or later, an owner on the board, a text (R16: who does what by when). */
export function makeTask(board: Board, by: Person, input: TaskInput & { readonly id: string; readonly now: Date }): Result<Task, TaskRefusal> {
  if (input.dueText === undefined || input.ownerText === undefined || input.text === undefined) return refuse('bad-task');
  const due = parseDate(input.dueText, input.now, board.timezone);
  if (!due.ok) return due;
  if (compareLocalDate(due.value, localDateOf(input.now, board.timezone)) < 0) return refuse('due-in-past');
  const ownerText = visibleText(input.ownerText);
  if (!ownerText) return refuse('bad-task');
  if (ownerText.length > MAX_NAME_TEXT) return refuse('owner-too-long');
  const owner = findOwner(board, ownerText);
  if (!owner.ok) return owner;
  const text = visibleText(input.text);
  if (!text) return refuse('empty-task');
  if (text.length > MAX_TASK_TEXT) return refuse('task-too-long');
  return ok({ id: input.id, text, owner: owner.value, due: isoDate(due.value), createdBy: by.id, createdAt: input.now });
}

/** The people a task is theirs: the person, or the organisation's people. */
export function ownersOf(board: Board, task: Task): Person[] {
  if (task.owner.kind === 'person') {
    const person = findPerson(board, task.owner.personId);
    return person ? [person] : [];
  }
  const { organisationId } = task.owner;
  return board.people.filter((p) => p.organisationId === organisationId);
}

/**
 * R16: who is reminded of a task on its due day: its owners; when its owner is a person who has
 * left the board (no longer in the board file), the chair and the secretary (`ownerGone`), who may
 * mark it done or give it to another, so that the reminder does not go to no one.
 */
export function reminderRecipients(board: Board, task: Task): { readonly people: readonly Person[]; readonly ownerGone: boolean } {
  const owners = ownersOf(board, task);
  if (owners.length > 0) return { people: owners, ownerGone: false };
  return { people: board.people.filter((p) => isChair(p) || isSecretary(p)), ownerGone: true };
}

/** Its owner (the person, or one of the organisation's people), the chair or the secretary marks a task done, once. */
export function markDone(board: Board, person: Person, task: Task, now: Date): Result<Task, DoneRefusal> {
  if (task.doneAt) return refuse('task-already-done');
  const owns = ownersOf(board, task).some((p) => p.id === person.id);
  if (!owns && !isChair(person) && !isSecretary(person)) return refuse('not-task-owner');
  return ok({ ...task, doneAt: now, doneBy: person.id });
}

/**
 * R16: the reminder of a task is of use while the task is open (kernel/reminders.ts), past its deadline
 * too (it then says the deadline has passed): until it is marked done. One still waiting to be sent
 * then is not sent: it would ask for what is done.
 */
export function taskReminderUntil(task: Pick<Task, 'doneAt'>): Date {
  return task.doneAt ?? UNTIL_ENDED;
}

const dueDate = (task: Task): LocalDate => {
  const [year, month, day] = task.due.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

/** The instant the deadline ends: midnight after the due day, in the board's time zone. */
export function deadlineEnd(task: Task, zone: string): Date {
  return toInstant(addDays(dueDate(task), 1), { hour: 0, minute: 0 }, zone);
}

/** When the owner is reminded: on the due day at the board's posting time. */
export function reminderAt(task: Task, postingTime: string, zone: string): Date {
  return toInstant(dueDate(task), parseHhmm(postingTime), zone);
}

/** Not done, and its deadline has ended by `now`. */
export function isOverdue(task: Task, now: Date, zone: string): boolean {
  return !task.doneAt && deadlineEnd(task, zone).getTime() <= now.getTime();
}

/** Open tasks by deadline, the earliest first (then in the order they were made). */
export function byDeadline(tasks: readonly Task[]): Task[] {
  return [...tasks].sort((a, b) => a.due.localeCompare(b.due) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

export interface TaskCounts {
  /** Marked done in the period. */
  readonly done: number;
  /** Whose deadline ended in the period (by `now`) before they were done: done late, or still open. */
  readonly overdue: number;
}

/** `status` for the period from `from` (included) to `to` (excluded), as it stands at `now`. */
export function countTasks(tasks: readonly Task[], period: { readonly from: Date; readonly to: Date }, now: Date, zone: string): TaskCounts {
  const within = (at: Date) => at.getTime() >= period.from.getTime() && at.getTime() < period.to.getTime();
  let done = 0;
  let overdue = 0;
  for (const task of tasks) {
    if (task.doneAt && within(task.doneAt)) done++;
    const end = deadlineEnd(task, zone);
    const ended = end.getTime() > period.from.getTime() && end.getTime() <= period.to.getTime() && end.getTime() <= now.getTime();
    if (ended && (!task.doneAt || task.doneAt.getTime() >= end.getTime())) overdue++;
  }
  return { done, overdue };
}
