/** The task card (built in code, not from a template): Adaptive Cards 1.5 that parse cleanly, open and done; user text literal. */
import { lint } from '../../support/card-lint.js';
import { describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../src/config/board.js';
import type { Task } from '../../../src/domain/tasks.js';
import { taskArgs, taskCard } from '../../../src/teams/tasks/index.js';

const board = loadBoardFile('config/demo.yaml');
const anne = board.people.find((p) => p.name === 'Anne Andersen')!;
const task: Task = { id: 't1', text: 'Indhent **tilbud** <b>nu</b>', owner: { kind: 'organisation', organisationId: 'SB' }, due: '2026-12-10', createdBy: anne.id, createdAt: new Date('2026-12-01T08:00:00Z') };


describe('the task card', () => {
  it('parses cleanly, with Udført while open and without it once done', () => {
    const open = taskCard(board, task);
    expect(lint(open)).toEqual([]);
    expect(JSON.stringify(open)).toContain('"verb":"task.done","style":"positive","data":{"taskId":"t1"}');
    const done = taskCard(board, { ...task, doneAt: new Date('2026-12-05T10:00:00Z'), doneBy: anne.id });
    expect(lint(done)).toEqual([]);
    expect(JSON.stringify(done)).not.toContain('task.done');
    expect(JSON.stringify(done)).toContain('Udført – markeret af Anne Andersen lørdag den 5. december 2026 kl.\u00a011.00.');
  });

  it('shows the task literally, its owner and its deadline in the board\'s language', () => {
    const text = JSON.stringify(taskCard(board, task));
    expect(text).toContain('Indhent \\\\*\\\\*tilbud\\\\*\\\\*');
    expect(text).not.toContain('<b>');
    expect(text).toContain('Ansvarlig: Slagelse Boligselskab (SB)');
    expect(text).toContain('Frist: torsdag den 10. december 2026');
    expect(JSON.stringify(taskCard({ ...board, locale: 'en' }, task))).toContain('Due: Thursday 10 December 2026');
  });

  it('reads opgave <frist> <navn|organisation>: <tekst>, leaving the checks to the use case', () => {
    expect(taskArgs('10/12 Birgitte Bach: Indhent tilbud: vinduer')).toEqual({ dueText: '10/12', ownerText: 'Birgitte Bach', text: 'Indhent tilbud: vinduer' });
    expect(taskArgs('10/12 Birgitte Indhent tilbud')).toEqual({});
    expect(taskArgs('')).toEqual({});
  });
});
