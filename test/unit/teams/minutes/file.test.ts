/** R16: a minutes file's head and name (src/teams/minutes/file.ts). */
import { describe, expect, it } from 'vitest';
import { loadBoardFile } from '../../../../src/config/board.js';
import type { Meeting } from '../../../../src/domain/meeting.js';
import type { Minutes } from '../../../../src/domain/minutes.js';
import { minutesFile, minutesFileStem } from '../../../../src/teams/minutes/file.js';
import { minutesOpening } from '../../../../src/teams/minutes/text.js';

const board = loadBoardFile('config/demo.yaml');
const meeting: Meeting = {
  id: 'm1',
  kind: 'extraordinary',
  subject: 'Budget *2027*',
  startsAt: new Date('2026-12-03T14:00:00Z'),
  status: 'planned',
  createdBy: 'x',
  createdAt: new Date('2026-11-01T09:00:00Z'),
};
const at = new Date('2026-12-03T16:00:00Z');
const minutes = (text: string, more: Partial<Minutes> = {}): Minutes => ({ id: 'v1', meetingId: 'm1', version: 1, text, draftedBy: 'p', draftedAt: at, updatedAt: at, ...more });

describe('a minutes file (R16)', () => {
  it('R16: an extraordinary meeting\'s head names it and its subject, once; the drafted text goes on after its own opening', () => {
    const opening = minutesOpening(board, meeting);
    const file = minutesFile(board, minutes([...opening, '**Til stede**\n\nIngen registreret.'].join('\n\n')), meeting);
    expect(file.head).toEqual({
      board: 'Den boligsociale bestyrelse i Slagelse',
      title: 'Referat',
      meeting: 'Ekstraordinært møde torsdag den 3. december 2026 kl. 15.00',
      subject: 'Emne: Budget \\*2027\\*',
      status: 'Udkast, senest ændret torsdag den 3. december 2026 kl. 17.00.',
    });
    expect(file.body).toBe('**Til stede**\n\nIngen registreret.');
    expect(file.markdown).toBe([...opening, 'Udkast, senest ændret torsdag den 3. december 2026 kl. 17.00.', file.body].join('\n\n') + '\n');
  });

  it('R16: a text of the secretary\'s own is kept whole under the head', () => {
    const file = minutesFile(board, minutes('Den boligsociale bestyrelse i Slagelse\n\nRettet.', { version: 2, correctsId: 'v0' }), meeting);
    expect(file.body).toBe('Den boligsociale bestyrelse i Slagelse\n\nRettet.');
    expect(file.head.status).toBe('Udkast, senest ændret torsdag den 3. december 2026 kl. 17.00. Rettelse til referatet (version 2).');
  });

  it('R16: named by the date; the time when the day has another meeting; the version above 1', () => {
    expect(minutesFileStem(board, { meetingId: 'm1', version: 1 }, meeting, false)).toBe('2026-12-03');
    expect(minutesFileStem(board, { meetingId: 'm1', version: 1 }, meeting, true)).toBe('2026-12-03-1500');
    expect(minutesFileStem(board, { meetingId: 'm1', version: 2 }, meeting, false)).toBe('2026-12-03-v2');
    expect(minutesFileStem(board, { meetingId: 'm1', version: 3 }, { ...meeting, startsAt: new Date('2026-12-03T08:05:00Z') }, true)).toBe('2026-12-03-0905-v3');
  });
});
