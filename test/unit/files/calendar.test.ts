/**
 * The calendar file's own text (R9, PRODUCT §1.2), as RFC 5545 wants it: every TEXT value
 * escaped (`\` `;` `,` and line breaks), so that a name from the board file is shown as
 * written and can add no property or component of its own.
 */
import { describe, expect, it } from 'vitest';
import type { Board } from '../../../src/domain/kernel/board.js';
import type { Meeting } from '../../../src/domain/meeting.js';
import { calendarText } from '../../../src/files/calendar.js';
import { demoBoard } from '../../support/usecase-deps.js';

const meeting: Meeting = {
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'ordinary',
  startsAt: new Date('2026-12-10T13:00:00Z'),
  status: 'planned',
  createdBy: 'anne',
  createdAt: new Date('2026-11-29T09:00:00Z'),
};
/** RFC 5545 content lines, unfolded. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');
const text = (board: Board) => calendarText({ board, entries: [{ meeting }], now: new Date('2026-11-29T09:00:00Z'), method: 'PUBLISH' });

describe('R9: the calendar file names the board as its file gives it', () => {
  it('R9: the calendar\'s name (NAME, X-WR-CALNAME) escapes \\ ; , and a line break, so it adds no line of its own', async () => {
    const board = { ...demoBoard, name: 'Bestyrelsen for Slagelse, Korsør; afd. 1\\2\nBEGIN:VEVENT' } as Board;
    const lines = unfold(await text(board));
    expect(lines).toContain('NAME:Møder i Bestyrelsen for Slagelse\\, Korsør\\; afd. 1\\\\2\\nBEGIN:VEVENT');
    expect(lines).toContain('X-WR-CALNAME:Møder i Bestyrelsen for Slagelse\\, Korsør\\; afd. 1\\\\2\\nBEGIN:VEVENT');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    // The event's title names the board too, escaped as before.
    expect(lines.find((l) => l.startsWith('SUMMARY:'))).toBe('SUMMARY:Ordinært møde – Bestyrelsen for Slagelse\\, Korsør\\; afd. 1\\\\2\\nBEGIN:VEVENT');
  });
});

describe('R9: every time zone the board file may name gives a valid calendar file', () => {
  it('R9: a zone the time zone library has no VTIMEZONE for (America/Nuuk, Atlantic/Faeroe) gives the meeting\'s times in UTC, not a TZID no VTIMEZONE defines', async () => {
    for (const timezone of ['America/Nuuk', 'Atlantic/Faeroe']) {
      const lines = unfold(await text({ ...demoBoard, timezone } as Board));
      // RFC 5545 3.6.5: a VTIMEZONE for each TZID used.
      const defined = lines.filter((l) => l.startsWith('TZID:')).map((l) => l.slice('TZID:'.length));
      const used = lines.flatMap((l) => [...l.matchAll(/;TZID=([^:;]+)/g)].map((m) => m[1]));
      for (const zone of used) expect(defined, `${timezone}: TZID=${zone} has no VTIMEZONE`).toContain(zone);
      // 10 December 2026 13.00 UTC (14.00 in Copenhagen), for two hours.
      expect(lines.find((l) => l.startsWith('DTSTART'))).toBe('DTSTART:20261210T130000Z');
      expect(lines.find((l) => l.startsWith('DTEND'))).toBe('DTEND:20261210T150000Z');
    }
  });

  it('R9: a zone it knows keeps its VTIMEZONE and the local time', async () => {
    const lines = unfold(await text({ ...demoBoard, timezone: 'America/Godthab' } as Board));
    expect(lines).toContain('TZID:America/Godthab');
    expect(lines).toContain('DTSTART;TZID=America/Godthab:20261210T110000');
  });
});
