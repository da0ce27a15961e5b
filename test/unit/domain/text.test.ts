import { describe, expect, it } from 'vitest';
import { hasVisibleText, visibleText } from '../../../src/domain/kernel/text.js';

/** What shows nothing: spaces, and the format and filler characters a paste or a phone may bring along. */
const INVISIBLE = [
  '\u200B', // zero width space
  '\u200C\u200D', // zero width non-joiner, joiner
  '\u200E\u200F', // left-to-right, right-to-left marks
  '\u2060\u2061\u2062\u2063\u2064', // word joiner, invisible operators
  '\uFEFF', // byte order mark
  '\u3164', // Hangul filler
  '\uFFA0', // halfwidth Hangul filler
  '\u115F\u1160', // Hangul choseong and jungseong fillers
  '\u180E', // Mongolian vowel separator
  '\u00AD', // soft hyphen
  '\u034F', // combining grapheme joiner
  '\uFE0F', // a variation selector with nothing to select
  '\u2800', // Braille blank
  '\u{E0020}\u{E007F}', // tag characters
  '\u00A0\u2007\u202F\u3000', // no-break and other spaces
];

describe('text with nothing visible counts as empty (PRODUCT §4: bad input gets a clear answer)', () => {
  it.each(INVISIBLE.map((s) => [s]))('%j shows nothing', (s) => {
    expect(hasVisibleText(s)).toBe(false);
    expect(hasVisibleText(`  ${s} \n `)).toBe(false);
    expect(visibleText(` ${s} `)).toBe('');
  });

  it('all of them together show nothing, and an empty text shows nothing', () => {
    expect(visibleText(INVISIBLE.join(' '))).toBe('');
    expect(visibleText('')).toBe('');
  });

  it('cuts what shows nothing off the ends, keeping the text between as typed', () => {
    expect(visibleText('\u200B Lars Lund \u200B\u2060')).toBe('Lars Lund');
    expect(visibleText('\uFEFFBudget\u200B 2027')).toBe('Budget\u200B 2027');
    expect(visibleText('  Skælskør  ')).toBe('Skælskør');
  });

  it('keeps emoji whole: joined sequences, a presentation selector, a keycap, a subdivision flag', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const heart = '\u2764\uFE0F';
    const keycap = '1\uFE0F\u20E3';
    const england = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
    for (const emoji of [family, heart, keycap, england]) {
      expect(hasVisibleText(emoji)).toBe(true);
      expect(visibleText(` ${emoji} `)).toBe(emoji);
      expect(visibleText(`Godkendt ${emoji}`)).toBe(`Godkendt ${emoji}`);
    }
  });

  it('visible format characters count: an Arabic number sign is seen', () => {
    expect(hasVisibleText('\u0600')).toBe(true);
  });
});
