/**
 * What a typed text may hold once it is stored (PRODUCT §4: shown as typed, never read as
 * anything else): what a card, Markdown and a Word file can all show. The line and paragraph
 * separators (U+2028, U+2029) and the vertical tab and form feed that Word pastes for a soft
 * break become line breaks; the other control characters, the bidirectional overrides and
 * isolates (which would make the text around them read backwards, e.g. an outcome line), and
 * the non-characters U+FFFE and U+FFFF are dropped (a Word file holding one cannot be opened);
 * a lone surrogate becomes U+FFFD.
 */
export function storable(text: string): string {
  return text
    .replace(/[\u2028\u2029\u000B\u000C]/g, '\n')
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
