import { describe, expect, it } from 'vitest';
import { storable } from '../../../src/teams/text/storable.js';
import { richText } from '../../../src/teams/commands/text.js';
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
    expect(text.parse('Særstandpunkt\u0001\u202e')).toBe('Særstandpunkt');
    expect(text.parse(undefined)).toBeUndefined();
    expect(richText('Linje 1\u000bLinje 2<br>Linje 3\u0002')).toBe('Linje 1\nLinje 2\nLinje 3');
  });
});
