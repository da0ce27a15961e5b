/** Follow-up tasks' rules (R16: the minutes record who does what by when). */
import { describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../src/config/board.js';
import type { Person } from '../../../src/domain/kernel/board.js';
import { stillOfUse } from '../../../src/domain/kernel/reminders.js';
import { type Task, countTasks, deadlineEnd, findOwner, isOverdue, makeTask, markDone, ownersOf, reminderAt, reminderRecipients, taskReminderUntil } from '../../../src/domain/tasks.js';
import { DEMO_CONFIG_PATH } from '../../support/paths.js';

const board = loadBoardFile(DEMO_CONFIG_PATH);
const who = (first: string): Person => board.people.find((p) => p.name.startsWith(first))!;
const NOW = new Date('2026-12-01T10:00:00Z'); // tirsdag den 1. december 2026 kl. 11.00 in Copenhagen
const make = (dueText: string, ownerText: string, text: string) => makeTask(board, who('Anne'), { id: 't1', now: NOW, dueText, ownerText, text });
const made = (dueText: string, ownerText: string, text = 'Indhent tilbud'): Task => {
  const result = make(dueText, ownerText, text);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

describe('tasks (R16: who does what by when)', () => {
  it('finds the owner by organisation code or name, whole name, or a first name no one else has', () => {
    expect(findOwner(board, 'fob')).toEqual({ ok: true, value: { kind: 'organisation', organisationId: 'FOB' } });
    expect(findOwner(board, 'Slagelse Boligselskab')).toEqual({ ok: true, value: { kind: 'organisation', organisationId: 'SB' } });
    expect(findOwner(board, 'birgitte  bach')).toEqual({ ok: true, value: { kind: 'person', personId: who('Birgitte').id } });
    expect(findOwner(board, 'Birgitte')).toEqual({ ok: true, value: { kind: 'person', personId: who('Birgitte').id } });
    // Without Danish letters, as the commands are accepted.
    expect(findOwner(board, 'Soeren Skov')).toEqual({ ok: true, value: { kind: 'person', personId: who('Søren').id } });
    expect(findOwner(board, 'Soren Skov')).toEqual({ ok: true, value: { kind: 'person', personId: who('Søren').id } });
    expect(findOwner(board, 'mette')).toEqual({ ok: true, value: { kind: 'person', personId: who('Mette').id } });
    expect(findOwner(board, 'Nobody')).toEqual({ ok: false, reason: 'unknown-owner' });
    expect(findOwner(board, '')).toEqual({ ok: false, reason: 'unknown-owner' });
  });

  it('refuses a first name two people share', () => {
    const twoAnnes = { ...board, people: [...board.people, { ...who('Anne'), id: 'anne-2', name: 'Anne Berg' }] };
    expect(findOwner(twoAnnes, 'Anne')).toEqual({ ok: false, reason: 'ambiguous-owner' });
  });

  it('makes a task with a deadline today or later, an owner and a text', () => {
    expect(made('10-12-2026', 'Birgitte')).toEqual({
      id: 't1',
      text: 'Indhent tilbud',
      owner: { kind: 'person', personId: who('Birgitte').id },
      due: '2026-12-10',
      createdBy: who('Anne').id,
      createdAt: NOW,
    });
    expect(made('1/12', 'FOB').due).toBe('2026-12-01');
    expect(made('30/11', 'FOB').due).toBe('2027-11-30');
  });

  it('refuses a bad task and says why', () => {
    expect(makeTask(board, who('Anne'), { id: 't', now: NOW })).toEqual({ ok: false, reason: 'bad-task' });
    expect(make('i morgen', 'FOB', 'x')).toEqual({ ok: false, reason: 'bad-date' });
    expect(make('31-11-2026', 'FOB', 'x')).toEqual({ ok: false, reason: 'impossible-date' });
    expect(make('30-11-2026', 'FOB', 'x')).toEqual({ ok: false, reason: 'due-in-past' });
    expect(make('10-12-2026', 'Nobody', 'x')).toEqual({ ok: false, reason: 'unknown-owner' });
    expect(make('10-12-2026', 'FOB', '   ')).toEqual({ ok: false, reason: 'empty-task' });
    expect(make('10-12-2026', 'FOB', 'x'.repeat(501))).toEqual({ ok: false, reason: 'task-too-long' });
  });

  it('is marked done by its owner, a person of the owning organisation, the chair or the secretary; once', () => {
    const later = new Date('2026-12-05T10:00:00Z');
    const birgittes = made('10-12-2026', 'Birgitte');
    expect(markDone(board, who('Birgitte'), birgittes, later)).toEqual({ ok: true, value: { ...birgittes, doneAt: later, doneBy: who('Birgitte').id } });
    expect(markDone(board, who('Karsten'), birgittes, later).ok).toBe(true);
    expect(markDone(board, who('Pia'), birgittes, later).ok).toBe(true);
    expect(markDone(board, who('Henrik'), birgittes, later)).toEqual({ ok: false, reason: 'not-task-owner' });
    expect(markDone(board, who('Gustav'), birgittes, later)).toEqual({ ok: false, reason: 'not-task-owner' });
    const sbs = made('10-12-2026', 'SB');
    expect(ownersOf(board, sbs).map((p) => p.name)).toEqual(['Birgitte Bach', 'Søren Skov']);
    expect(markDone(board, who('Søren'), sbs, later).ok).toBe(true);
    expect(markDone(board, who('Henrik'), sbs, later)).toEqual({ ok: false, reason: 'not-task-owner' });
    expect(markDone(board, who('Anne'), { ...sbs, doneAt: later }, later)).toEqual({ ok: false, reason: 'task-already-done' });
  });

  it('R16: reminds its owners; the chair and the secretary when its owner has left the board', () => {
    const birgittes = made('10-12-2026', 'Birgitte');
    expect(reminderRecipients(board, birgittes)).toEqual({ people: [who('Birgitte')], ownerGone: false });
    expect(reminderRecipients(board, made('10-12-2026', 'SB')).people.map((p) => p.name)).toEqual(['Birgitte Bach', 'Søren Skov']);
    const without = { ...board, people: board.people.filter((p) => p !== who('Birgitte')) };
    const gone = reminderRecipients(without, birgittes);
    expect(gone.ownerGone).toBe(true);
    expect(gone.people.map((p) => p.name)).toEqual(['Anne Andersen', 'Karsten Kjær', 'Pia Poulsen']);
  });

  it('reminds on the due day at the posting time, and is overdue once its day has ended', () => {
    const task = made('10-12-2026', 'FOB');
    expect(reminderAt(task, '09:00', board.timezone)).toEqual(new Date('2026-12-10T08:00:00Z'));
    expect(deadlineEnd(task, board.timezone)).toEqual(new Date('2026-12-10T23:00:00Z'));
    expect(isOverdue(task, new Date('2026-12-10T22:59:59Z'), board.timezone)).toBe(false);
    expect(isOverdue(task, new Date('2026-12-10T23:00:00Z'), board.timezone)).toBe(true);
    expect(isOverdue({ ...task, doneAt: NOW }, new Date('2027-01-01T00:00:00Z'), board.timezone)).toBe(false);
  });

  it('R16: its reminder is of use while it is open, past its deadline too, and until it is marked done', () => {
    const task = made('10-12-2026', 'FOB');
    expect(stillOfUse(taskReminderUntil(task), new Date('2030-01-01T00:00:00Z'))).toBe(true);
    const done = { ...task, doneAt: new Date('2026-12-10T09:00:00Z') };
    expect(taskReminderUntil(done)).toEqual(done.doneAt);
    expect(stillOfUse(taskReminderUntil(done), new Date('2026-12-10T08:59:59Z'))).toBe(true);
    expect(stillOfUse(taskReminderUntil(done), done.doneAt)).toBe(false);
  });

  it('counts for status the tasks done in the period and those whose deadline ended in it undone', () => {
    const zone = board.timezone;
    const period = { from: new Date('2026-11-30T23:00:00Z'), to: new Date('2026-12-31T23:00:00Z') };
    const now = new Date('2026-12-20T12:00:00Z');
    const base = made('10-12-2026', 'FOB');
    const tasks: Task[] = [
      { ...base, id: 'done-in-time', doneAt: new Date('2026-12-09T12:00:00Z') },
      { ...base, id: 'done-late', doneAt: new Date('2026-12-12T12:00:00Z') },
      { ...base, id: 'open-overdue' },
      { ...base, id: 'open-not-due', due: '2026-12-28' },
      { ...base, id: 'due-before-period', due: '2026-11-20' },
    ];
    expect(countTasks(tasks, period, now, zone)).toEqual({ done: 2, overdue: 2 });
  });
});
