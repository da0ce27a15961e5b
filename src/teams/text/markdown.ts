/**
 * User text in Markdown (PRODUCT §4: "user text never forges anything").
 *
 * Everything the bot posts is Markdown: Teams renders a message's text as Markdown
 * with some HTML, an Adaptive Card's TextBlock renders a Markdown subset (bold,
 * italic, lists, links), and the minutes file is Markdown. Every text a person
 * typed (motions, titles, subjects, places, conclusions, dissents, objections,
 * corrections, attachment titles, attendee names) and every name from the board
 * file goes through this module before it is put into a post, a card or a file,
 * so that it shows exactly as typed and can start no syntax of its own:
 * - `\ ` * _ [ ] | ~` are backslash-escaped wherever they are (emphasis, code,
 *   links, tables, strike-through);
 * - `& < >` become `&amp; &lt; &gt;` (no HTML, no autolink `<…>`, no entity of the
 *   user's own, no `<at>` mention), `{ }` become `&#123; &#125;` (Teams hides
 *   `{…}` in messages; cards read `{{DATE(…)}}` as a function);
 * - at the start of a line (and a user text may land at one), what would start a
 *   block is escaped: `#` (heading), `- + =` (list, setext heading, rule), the
 *   `.` or `)` after a number (numbered list);
 * - an inline text never breaks its line (line breaks become spaces); a text of
 *   several lines is rendered line by line ({@link mdParagraphs}, {@link mdQuote}).
 * CommonMark reads a backslash before any ASCII punctuation, and an entity, as the
 * character itself; test/unit/teams/markdown.test.ts renders the output with a
 * CommonMark renderer and checks that the visible text is the input and nothing else.
 */

const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '{': '&#123;', '}': '&#125;' };
const INLINE = /[\\`*_[\]|~&<>{}]/g;
/** A block start at the beginning of a line: heading, bullet, setext underline or rule, ordered-list number. */
const BLOCK_START = /^(#|[-+=]|\d{1,9}(?=[.)]))/;

const LINE_BREAK = /\r\n|\r|\n/;

function escapeInline(text: string): string {
  return text.replace(INLINE, (c) => ENTITY[c] ?? `\\${c}`);
}

/** Escapes what would start a block at the beginning of `line` (a line without leading whitespace). */
export function noBlockStart(line: string): string {
  return line.replace(BLOCK_START, (start: string) => (/^\d/.test(start) ? `${start}\\` : `\\${start}`));
}

/**
 * A card's heading with its time kept on one line: "… kl. 14.00" or "… at 14:00" never
 * breaks before the time (a no-break space), which a phone's narrow card otherwise does.
 */
export function timeUnbroken(text: string): string {
  return text.replace(/ (\d{1,2}[.:]\d{2})(?!\d)/g, '\u00a0$1');
}

/**
 * A catalogue text shown on a card: a card's TextBlock reads `<navn>` as HTML and drops
 * it, so the placeholders' angle brackets are written as entities (shown as typed).
 */
export function placeholdersShown(text: string): string {
  return text.replace(/[<>]/g, (c) => ENTITY[c]!);
}

/**
 * A placeholder in a catalogue text: `<titel>`, `<punktnr>`, `<navn|organisation>`,
 * `<bestyrelsens id>` (a letter, then letters, digits, `-`, `|`, `.`, spaces). Not a mention
 * tag (`<at>`, `</at>`), not `< ` nor an autolink `<https://…>`.
 */
const PLACEHOLDER = /<(?!at>)(\p{L}[\p{L}\p{N}\-|. ]*)>/giu;

/**
 * A message's Markdown with its placeholders shown: Teams reads `<titel>` in a message as an
 * HTML tag and drops it, so their angle brackets are written as entities. User text is
 * escaped already ({@link md}); mentions (`<at>…</at>`) are kept. For messages only: an
 * invoke answer's plain message is shown as it is written.
 */
export function messagePlaceholdersShown(text: string): string {
  return text.replace(PLACEHOLDER, '&lt;$1&gt;');
}

/** One line of literal text: its own line breaks become spaces. */
export function md(text: string): string {
  return noBlockStart(escapeInline(text.split(LINE_BREAK).map((l) => l.trim()).filter(Boolean).join(' ')));
}

/**
 * A meeting's place: a web address alone (a Teams meeting's link) is a link labelled `label`, its
 * address whole as the target (escaped as text, `meeting\\_abc`, it would no longer lead there);
 * any other place is literal, and so is one that only looks like an address (no link can be made
 * of it: the label alone would hide where the meeting is).
 */
export function mdPlace(place: string, label: string): string {
  const candidate = place.trim();
  return /^https?:\/\/\S+$/i.test(candidate) && linkTarget(candidate) ? mdLink(label, candidate) : md(place);
}

/** The non-empty lines of a text, each literal. */
export function mdLines(text: string): string[] {
  return text
    .split(LINE_BREAK)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => noBlockStart(escapeInline(l)));
}

/** A text of several lines, literal, each line its own paragraph (line breaks kept; a card's TextBlock too). */
export function mdParagraphs(text: string): string {
  return mdLines(text).join('\n\n');
}

/**
 * A quotation: every line prefixed with `> ` (a line break cannot end the quote),
 * each line literal and its own paragraph within it.
 */
export function mdQuote(text: string): string {
  return mdLines(text)
    .map((l) => `> ${l}`)
    .join('\n>\n');
}

/** The lines of a quotation made by {@link mdQuote}, without their `> ` (undefined for any other block). */
export function unquote(block: string): string[] | undefined {
  const lines = block.split('\n');
  if (!lines.every((l) => l === '>' || l.startsWith('> '))) return undefined;
  return lines.map((l) => l.slice(2)).filter(Boolean);
}

/**
 * An http(s) URL as a Markdown link destination, or undefined for anything else. What could end
 * the destination or be read as an escape is percent-encoded (`(` as `%28`, a space as `%20`),
 * never written as an entity: the Adaptive Cards renderer of the Teams mobile apps escapes every
 * `&` itself and copies the destination into the link undecoded, so `&amp;` there would lead to
 * `?a=1&amp;b=2` (microsoft/AdaptiveCards, source/shared/cpp/ObjectModel/MarkDownParser.cpp,
 * EscapeText). `&` stays `&`, which CommonMark reads as itself too; the `;` after `&lt` or `&#41`
 * is percent-encoded, so no renderer reads a character reference in an address.
 */
export function linkTarget(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  // Nothing in the destination can end it or be read as an escape or an entity.
  return parsed.href.replace(/[()<>\s\\"'`{}|^[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).replace(/(&#?[a-z0-9]+);/gi, '$1%3B');
}

/** A link whose text is literal; a URL that is not http(s) is not linked, its text shown alone. */
export function mdLink(text: string, url: string): string {
  const target = linkTarget(url);
  return target ? `[${md(text)}](${target})` : md(text);
}
