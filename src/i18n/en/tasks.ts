/** Follow-up tasks (R16): the English part has the Danish part's shape. */
import type { tasks as da } from '../da/tasks.js';

const pressDone = (onCard: boolean) => (onCard ? 'Press "Done" on the card below when it is done.' : 'Press "Done" on its card in the board\'s channel when it is done.');

export const tasks: typeof da = {
  card: {
    title: 'Task',
    owner: (name: string) => `Owner: ${name}`,
    due: (day: string) => `Due: ${day}`,
    madeBy: (name: string, when: string) => `Created by ${name} on ${when}.`,
    done: (name: string, when: string) => `Done – marked by ${name} on ${when}.`,
    doneButton: 'Done',
  },
  made: 'The task has been created, and its card is posted in the board\'s channel.',
  list: {
    heading: 'Open tasks',
    line: (day: string, text: string, owner: string, overdue: boolean) => `${day}: "${text}" – ${owner}${overdue ? ' (overdue)' : ''}`,
    none: 'There are no open tasks.',
  },
  reminder: (text: string, day: string, onCard: boolean) => `Reminder: the task "${text}" is due today, ${day}. ${pressDone(onCard)}`,
  reminderOverdue: (text: string, day: string, onCard: boolean) => `Reminder: the task "${text}" was due on ${day} and is not done. ${pressDone(onCard)}`,
  reminderOwnerGone: (text: string, day: string, owner: string, overdue: boolean, onCard: boolean) =>
    `Reminder: the task "${text}" ${overdue ? `was due on ${day} and is not done` : `is due today, ${day}`}. Its owner, ${owner}, is no longer on the board. The chair or the secretary can mark it done ${onCard ? 'on the card below' : 'on its card in the board\'s channel'}, or give it to someone else with "task".`,
  followUp: {
    title: 'Follow-up on tasks',
    line: (text: string, owner: string, day: string) => `"${text}" – ${owner}, due ${day}`,
  },
  minutes: {
    title: 'Tasks from the meeting',
    line: (text: string, owner: string, day: string) => `"${text}" – ${owner}, due ${day}`,
    /** R16: the tasks given between meetings (on a day without a meeting, or one whose meeting was cancelled), which the next meeting's minutes report. */
    betweenTitle: 'Tasks between meetings',
    /** Such a task's line, with when it was given. */
    given: (line: string, when: string) => `${line} (given ${when})`,
  },
  status: {
    title: 'Tasks',
    counts: (done: number, overdue: number) => `Done in the period: ${done}. Overdue in the period: ${overdue}.`,
  },
  refusal: {
    'bad-task': 'Write the task like this: task <due> <name or organisation>: <text>, e.g. "task 10-12-2026 <name>: Get quotes for windows".',
    'owner-too-long': 'The owner\'s name is too long (200 characters at most). Nothing was created.',
    'empty-task': 'The task has no text after the colon. Nothing was created.',
    'task-too-long': 'The task\'s text is too long (500 characters at most). Nothing was created.',
    'due-in-past': 'That deadline has passed. Choose today or a later date.',
    'unknown-owner': (name: string) => `No person or organisation on the board is called "${name}". Use a name from the board's list ("board") or an organisation's code.`,
    'ambiguous-owner': (name: string, people: string) => `More than one person on the board is called "${name}": ${people}. Write the whole name. Nothing was created.`,
    'unknown-task': 'I cannot find that task. Nothing was changed.',
    'not-task-owner': 'Only the task\'s owner, the chair and the secretary can mark it done.',
    'task-already-done': 'The task is already marked done.',
  },
  commands: {
    task: {
      words: ['task'],
      usage: [{ args: '<due> <name|organisation>: <text>', text: 'give a person or an organisation a task with a deadline' }],
    },
    tasks: { words: ['tasks'], usage: [{ text: 'see the open tasks and their deadlines' }] },
  },
};
