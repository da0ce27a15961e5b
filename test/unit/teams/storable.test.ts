import { describe, expect, it } from 'vitest';
import { storable } from '../../../src/teams/text/storable.js';
import { cleanText, richText } from '../../../src/teams/commands/text.js';
import { text } from '../../../src/teams/verb-data.js';

describe('typed text as it is stored (PRODUCT §4: shown as typed; a Word file must still open)', () => {
  it('keeps what a board member types: letters, æøå, emoji, tabs and line breaks', () => {
    const typed = 'Skælskør Boligselskab 👍\tønsker:\n\n- udsættelse\r\n- ny plan';
    expect(storable(typed)).toBe(typed);
  });

  it('turns the separators and the breaks Word pastes into line breaks', () => {
    expect(storable('linje\u2028Vedtaget: 6 for\u2029næste\u000bblød\u000cside')).toBe('linje\nVedtaget: 6 for\nnæste\nblød\nside');
  });

  it('drops control characters, bidirectional overrides and non-characters; a lone surrogate becomes U+FFFD', () => {
    expect(storable('a\u0000b\u0001c\u001fd\u007fe\u0085f')).toBe('abcdef');
    expect(storable('\u202etxet desrever\u202c og \u2066isoleret\u2069')).toBe('txet desrever og isoleret');
    expect(storable('x\ufffey\uffffz')).toBe('xyz');
    expect(storable('halv \ud800 og \udc00 hel 😀')).toBe('halv \ufffd og \ufffd hel 😀');
  });

  it('is applied to card fields and to corrected minutes', () => {
    expect(text('dissent-too-long').parse('Særstandpunkt\u0001\u202e')).toBe('Særstandpunkt');
    expect(text('dissent-too-long').parse(undefined)).toBeUndefined();
    expect(richText('Linje 1\u000bLinje 2<br>Linje 3\u0002')).toBe('Linje 1\nLinje 2\nLinje 3');
  });

  it('drops the words that show nothing (PRODUCT §4: no text is no text); a joined emoji stays whole', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    expect(cleanText('punkt \u200B')).toBe('punkt');
    expect(cleanText('deltager \u3164 \u115F\u1160')).toBe('deltager');
    expect(cleanText(`afstemning \u200B Budget \u2060 ${family}`)).toBe(`afstemning Budget ${family}`);
    expect(richText('ret referat \u200B<br>\u2060<br>Linje\u200B 2 \u200D')).toBe('ret referat\n\nLinje\u200B 2');
    expect(text('dissent-too-long').parse('  \u200B ')).toBe('');
    expect(text('dissent-too-long').parse(`Uenig ${family}`)).toBe(`Uenig ${family}`);
  });
});
