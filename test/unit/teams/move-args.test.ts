/**
 * R9: `flyt møde <dato> [tid] til <ny dato> [tid]` read on its own: what its arguments say does not
 * depend on the text having had its spaces collapsed first (the parser does that today). Line breaks
 * and runs of spaces read as one space does, and a long run is read at once (no timing asserted: a
 * pattern that tried again from each space of the run would run past the test's timeout).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadingDateTime } from '../../../src/teams/commands/arguments.js';
import { cancelArgs, moveArgs } from '../../../src/teams/meetings/commands.js';

/** moveArgs as it was, on the pattern that relied on the spaces having been collapsed: the reference for such text. */
function moveArgsBefore(args: string): ReturnType<typeof moveArgs> {
  const split = /^(?:(.*?)\s+)?(?:til|to)(?:\s+(.*))?$/i.exec(args.trim());
  const from = cancelArgs(split ? (split[1] ?? '') : args);
  const after = split?.[2] ? leadingDateTime(split[2]) : { rest: '' };
  const unread = from.unread ?? (after.dateText ? after.rest : '');
  const { unread: _, ...meeting } = from;
  const to = after.dateText ? { dateText: after.dateText, ...(after.timeText ? { timeText: after.timeText } : {}) } : {};
  return { from: meeting, to, ...(unread ? { unread } : {}) };
}

describe('R9: the arguments of flyt møde', () => {
  it('the meeting before »til« (or »to«), the new date and time after it', () => {
    expect(moveArgs('10-12-2026 til 17-12-2026')).toEqual({ from: { dateText: '10-12-2026' }, to: { dateText: '17-12-2026' } });
    expect(moveArgs('10-12-2026 14:00 til 17-12-2026 kl. 15')).toEqual({
      from: { dateText: '10-12-2026', timeText: '14:00' },
      to: { dateText: '17-12-2026', timeText: 'kl. 15' },
    });
    expect(moveArgs('10-12-2026 TO 17-12-2026 at 3 pm')).toEqual({
      from: { dateText: '10-12-2026' },
      to: { dateText: '17-12-2026', timeText: 'at 3 pm' },
    });
    // The word first: the meeting's own date is missing; the word last: the new one is.
    expect(moveArgs('til 17-12-2026')).toEqual({ from: { dateText: '' }, to: { dateText: '17-12-2026' } });
    expect(moveArgs('10-12-2026 til')).toEqual({ from: { dateText: '10-12-2026' }, to: {} });
    expect(moveArgs('til')).toEqual({ from: { dateText: '' }, to: {} });
    // The first »til« standing alone after the meeting; »tilbage« is no »til«.
    expect(moveArgs('10-12-2026 tilbage til 17-12-2026')).toEqual({ from: { dateText: '10-12-2026' }, to: { dateText: '17-12-2026' }, unread: 'tilbage' });
    expect(moveArgs('til 10-12-2026 til 17-12-2026')).toEqual({ from: { dateText: 'til 10-12-2026' }, to: { dateText: '17-12-2026' } });
    // Without the word: the whole is the meeting (a second word read as its time, refused as one), the new date missing.
    expect(moveArgs('10-12-2026 17-12-2026')).toEqual({ from: { dateText: '10-12-2026', timeText: '17-12-2026' }, to: {} });
    expect(moveArgs('')).toEqual({ from: { dateText: '' }, to: {} });
  });

  it('on text of single spaces, as before', () => {
    const word = fc.constantFrom('til', 'to', 'TIL', 'To', 'tilbage', 'total', 'atil', '10-12-2026', '17/12', '14:00', 'kl.', '15', 'at', '3', 'pm', 'x', 'Biblioteket');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (words) => {
        const text = words.join(' ');
        expect(moveArgs(text)).toEqual(moveArgsBefore(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('line breaks, tabs and runs of spaces read as one space', () => {
    const cases = [
      '10-12-2026 til 17-12-2026',
      '10-12-2026 14:00 til 17-12-2026 15:00',
      '10-12-2026 14:00 til 17-12-2026 15:00 Biblioteket',
      'til 17-12-2026 15:00',
      '10-12-2026 til',
      '10-12-2026 tilbage til 17-12-2026',
      '10-12-2026 14:00 to 17-12-2026',
      '10-12-2026 17-12-2026',
    ];
    for (const text of cases) {
      const single = moveArgs(text);
      expect(moveArgs(text.replace(/ /g, '\n')), text).toEqual(single);
      expect(moveArgs(text.replace(/ /g, ' \r\n\t ')), text).toEqual(single);
      expect(moveArgs(`\n ${text.replace(/ /g, '\u00a0\n')} \n`), text).toEqual(single);
    }
    // What is no date is kept as written, line break and all (and refused as such).
    expect(moveArgs('til\n10-12-2026\ntil\n17-12-2026')).toEqual({ from: { dateText: 'til\n10-12-2026' }, to: { dateText: '17-12-2026' } });
    expect(moveArgs('10-12-2026\n14:00\ntil\n17-12-2026\n15:00')).toEqual({
      from: { dateText: '10-12-2026', timeText: '14:00' },
      to: { dateText: '17-12-2026', timeText: '15:00' },
    });
  });

  it('a long run of spaces with no »til« after it is read at once', () => {
    const run = ' '.repeat(200_000);
    expect(moveArgs(`10-12-2026${run}x`)).toEqual({ from: { dateText: '10-12-2026' }, to: {}, unread: 'x' });
    expect(moveArgs(`10-12-2026${run}til${run}17-12-2026`)).toEqual({ from: { dateText: '10-12-2026' }, to: { dateText: '17-12-2026' } });
  });
});
