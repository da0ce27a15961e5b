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
import { cleanText, richText, withMentionNames } from '../../../src/teams/commands/text.js';
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

describe('PRODUCT §4: @mentions named as the board names them, in one pass', () => {
  const names: Record<string, string> = { '29:birgitte': 'Birgitte Bach', '29:lars': 'Lars Lund' };
  const nameOf = (id: string) => names[id];

  it('a mention of a known person is written with the board\'s name for them; an unknown one keeps the name Teams shows', () => {
    const mentions = [
      { text: '<at>Bach, Birgitte</at>', id: '29:birgitte' },
      { text: '<at>Ekstern</at>', id: '29:nobody' },
    ];
    expect(withMentionNames('deltager <at>Bach, Birgitte</at> og <at>Ekstern</at>', mentions, nameOf)).toBe('deltager <at>Birgitte Bach</at> og <at>Ekstern</at>');
    // Every place the mention stands, and only where it stands whole.
    expect(withMentionNames('<at>Bach, Birgitte</at> <at>Bach, Birgitte</at> Bach, Birgitte', mentions, nameOf)).toBe('<at>Birgitte Bach</at> <at>Birgitte Bach</at> Bach, Birgitte');
    expect(withMentionNames('ingen her', mentions, nameOf)).toBe('ingen her');
  });

  it('of entities with one text, the first of a known person names it; a name given is not named again; a text no mention names nothing', () => {
    const text = 'opgave 1/4 <at>Lars</at>: <at>Lars Lund</at>';
    const mentions = [
      { text: '<at>Lars</at>', id: '29:nobody' },
      { text: '<at>Lars</at>', id: '29:birgitte' },
      { text: '<at>Lars</at>', id: '29:lars' },
      // Would turn the name the first gave into another's, were the mentions replaced one after the other.
      { text: '<at>Birgitte Bach</at>', id: '29:lars' },
      // Not a mention as Teams writes one: no text is searched for it.
      { text: 'opgave', id: '29:lars' },
    ];
    expect(withMentionNames(text, mentions, nameOf)).toBe('opgave 1/4 <at>Birgitte Bach</at>: <at>Lars Lund</at>');
  });

  it('10,000 mention entities on a text of 500,000 characters: each mention named, the text read once', () => {
    const shown = '<at>Bach, Birgitte</at>';
    const text = `deltager ${shown}`.repeat(Math.ceil(500_000 / (shown.length + 9))).slice(0, 500_000);
    expect(text.length).toBe(500_000);
    // The first names her as the board does; the others are mentions of that name (which names it again, were each searched for).
    const mentions = Array.from({ length: 10_000 }, (_, i) => ({ text: i === 0 ? shown : '<at>Birgitte Bach</at>', id: '29:birgitte' }));
    const named = withMentionNames(text, mentions, nameOf);
    expect(named.split('<at>Birgitte Bach</at>').length - 1).toBe(text.split(shown).length - 1);
    expect(named).not.toContain(shown);
  });
});
