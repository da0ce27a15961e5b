/**
 * The extension points a feature adds to without the others knowing it: contributions
 * (agenda items, minutes and status sections) gathered in the features' order, and the
 * audit subject of an event of a feature the core does not name.
 */
import { describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../src/config/board.js';
import { agendaSkeleton, extraRows, numberedAgenda } from '../../../src/domain/agenda.js';
import type { Meeting } from '../../../src/domain/meeting.js';
import type { Repository } from '../../../src/store/port.js';
import { type At, NO_CONTRIBUTIONS, contributions, gather } from '../../../src/usecases/contributions.js';
import { subjectOf } from '../../../src/usecases/event.js';
import { DEMO_CONFIG_PATH } from '../../support/paths.js';

const board = loadBoardFile(DEMO_CONFIG_PATH);
const at: At = { repo: {} as Repository, now: new Date('2026-12-01T08:00:00Z'), board };
const meeting: Meeting = { id: 'm1', kind: 'ordinary', startsAt: new Date('2026-12-10T13:00:00Z'), status: 'planned', createdBy: 'p', createdAt: at.now } as Meeting;

describe('contributions', () => {
  it('are the features\' parts as one list per kind, asked in the features\' order', async () => {
    const all = contributions([
      { statusSections: [async () => [{ title: 'A', text: 'a' }]] },
      {},
      { statusSections: [async (_at, period) => [{ title: 'B', text: period.from.toISOString() }]], agendaItems: [async () => []] },
    ]);
    expect(all.agendaItems).toHaveLength(1);
    expect(all.minutesSections).toEqual([]);
    const period = { from: new Date('2026-01-01T00:00:00Z'), to: at.now };
    expect(await gather(all.statusSections, at, period)).toEqual([{ title: 'A', text: 'a' }, { title: 'B', text: '2026-01-01T00:00:00.000Z' }]);
    expect(await gather(NO_CONTRIBUTIONS.agendaItems, at, meeting)).toEqual([]);
  });

  it('R12, R14: an item a feature adds comes after the added items and before the closing standing items', () => {
    const items = [
      ...agendaSkeleton(board, meeting, [meeting]).map((row, n) => ({ id: `s${n}`, meetingId: 'm1', ...row, attachments: [], addedBy: 'system', addedAt: at.now })),
      { id: 'i1', meetingId: 'm1', title: 'Budget', kind: 'decision' as const, section: 'added' as const, position: 1, attachments: [], addedBy: 'p', addedAt: at.now },
    ];
    const agenda = numberedAgenda(meeting, items, [{ title: 'Follow-up', kind: 'discussion', notes: ['one', 'two'] }]);
    const titles = agenda.map((i) => i.standing ?? i.title);
    // The year's only ordinary meeting: it also gets next year's dates (R10).
    expect(titles.slice(-3)).toEqual(['Follow-up', 'next-year-dates', 'any-other-business']);
    expect(titles.indexOf('Follow-up')).toBe(titles.indexOf('Budget') + 1);
    expect(agenda.find((i) => i.title === 'Follow-up')).toMatchObject({ kind: 'discussion', notes: ['one', 'two'], attachments: [] });
    expect(agenda.map((i) => i.number)).toEqual(agenda.map((_, n) => n + 1));

    // R13: sent, the feature's item is a row with the number it went out with; its lines are today's.
    const rows = extraRows(items, [{ title: 'Follow-up', kind: 'discussion', notes: [] }]).map((row) => ({
      id: 'x1', meetingId: 'm1', ...row, section: 'added' as const, attachments: [], addedBy: 'system', addedAt: at.now,
    }));
    const numbers = new Map(numberedAgenda(meeting, [...items, ...rows]).map((i) => [i.itemId, i.number]));
    const frozen = [...items, ...rows].map((i) => ({ ...i, number: numbers.get(i.id)! }));
    const sent = numberedAgenda({ ...meeting, agendaSentAt: at.now }, frozen, [{ title: 'Follow-up', kind: 'discussion', notes: ['three'] }]);
    expect(sent.map((i) => [i.number, i.standing ?? i.title])).toEqual(agenda.map((i) => [i.number, i.standing ?? i.title]));
    expect(sent.find((i) => i.title === 'Follow-up')).toMatchObject({ itemId: 'x1', notes: ['three'] });
    expect(numberedAgenda({ ...meeting, agendaSentAt: at.now }, frozen).find((i) => i.title === 'Follow-up')?.notes).toBeUndefined();
  });
});

describe('the audit subject of an event', () => {
  it('is the aggregate its type is named after when the core names none of its fields', () => {
    expect(subjectOf({ type: 'task.done', task: { id: 't1' } } as never)).toBe('task:t1');
    // The core's own subjects still come first.
    expect(subjectOf({ type: 'agenda.sent', meeting: { id: 'm1' } } as never)).toBe('meeting:m1');
    expect(() => subjectOf({ type: 'task.done' })).toThrow(/names no subject/);
  });
});
