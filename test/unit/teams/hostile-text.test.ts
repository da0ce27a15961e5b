/**
 * PRODUCT §4: a message may hold a megabyte, and what cleans its text works in one pass. A
 * pattern such as `/\s+$/` or `/<[^>]+>/g` tries again from every character of a long run that
 * does not end as it needs (spaces before a word, `<` without `>`): its time grows with the
 * square of the run, minutes for a paste of half a megabyte. These inputs are answered at once
 * and read as before; a quadratic cleaning would run past the test's timeout (no timing is
 * asserted here).
 */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/features.js';
import { visibleText, withoutTrailing } from '../../../src/domain/kernel/text.js';
import { isWeekdayName, monthNamed } from '../../../src/domain/kernel/written-date.js';
import { cleanText, richText } from '../../../src/teams/commands/text.js';
import { leadingDate } from '../../../src/teams/commands/arguments.js';

const RUN = 500_000;
const spaces = ' '.repeat(RUN);
const dots = '.'.repeat(RUN);

describe('PRODUCT §4: cleaning a hostile text, in one pass', () => {
  it('withoutTrailing cuts the characters of a class off the end, and only there', () => {
    expect(withoutTrailing('Budget!!.', /[!.]/)).toBe('Budget');
    expect(withoutTrailing('!.!', /[!.]/)).toBe('');
    expect(withoutTrailing('', /[!.]/)).toBe('');
    expect(withoutTrailing('a.b', /[.]/)).toBe('a.b');
    // A character outside the BMP is taken whole: a class of it cuts it, another leaves it whole.
    expect(withoutTrailing('ok\u{1F44D}\u{1F44D}', /\p{Extended_Pictographic}/u)).toBe('ok');
    expect(withoutTrailing('ok\u{1F44D}', /[.]/)).toBe('ok\u{1F44D}');
    expect(withoutTrailing(`${dots}x`, /[.]/)).toBe(`${dots}x`);
    expect(withoutTrailing(`x${dots}`, /[.]/)).toBe('x');
  });

  it('visibleText: a run of spaces or invisible characters before a word is kept, and cut at the ends', () => {
    expect(visibleText(`a${spaces}b`)).toBe(`a${spaces}b`);
    expect(visibleText(`${spaces}b`)).toBe('b');
    expect(visibleText(`b${spaces}`)).toBe('b');
    expect(visibleText(`a${'\u00AD'.repeat(RUN)}b`)).toBe(`a${'\u00AD'.repeat(RUN)}b`);
    expect(visibleText(`a${'\u200B'.repeat(RUN)}`)).toBe('a');
  });

  it('cleanText: a text of »<« without »>« stays as written; tags are still stripped', () => {
    const opens = '<'.repeat(RUN);
    expect(cleanText(opens)).toBe(opens);
    expect(cleanText(`punkt ${opens} Budget`)).toBe(`punkt ${opens} Budget`);
    expect(cleanText(`<p>punkt</p> ${opens}`)).toBe(`punkt ${opens}`);
    // As before: a »<« opens a tag that runs to the first »>« after it, other »<« within it and all.
    expect(cleanText('a <<b> c <> d')).toBe('a c <> d');
    expect(cleanText(`${spaces}x`)).toBe('x');
  });

  it('richText: spaces before a word that ends no line, and lists of »<li« without »>«, stay; lines are still trimmed', () => {
    expect(richText(`Linje${spaces}x`)).toBe(`Linje${spaces}x`);
    expect(richText(`Linje${spaces}\nNæste`)).toBe('Linje\nNæste');
    expect(richText(`Linje \u00a0\t\nNæste  `)).toBe('Linje\nNæste');
    const lis = '<li'.repeat(RUN / 3);
    expect(richText(lis)).toBe(lis);
    expect(richText('<'.repeat(RUN))).toBe('<'.repeat(RUN));
    expect(richText('<ol><li>Et</li><li>To</li></ol>')).toBe('1. Et\n\n2. To');
  });

  it('a command word of dots before a letter is no command; a word of dots and a date word read as before', () => {
    expect(parseCommand(`${dots}x`)).toEqual({ name: 'unknown', text: `${dots}x` });
    expect(parseCommand('hjælp...')).toEqual({ name: 'help' });
    expect(monthNamed(`${dots}x`)).toBeUndefined();
    expect(isWeekdayName(`tors${dots}x`)).toBe(false);
    expect(monthNamed('dec.,')).toBe(12);
    expect(leadingDate(`${dots}x Besked`, true)).toEqual({ rest: `${dots}x Besked` });
    expect(leadingDate('i morgen. Kursus', true)).toMatchObject({ rest: 'Kursus' });
  });
});
