/**
 * Reading what Teams sends: its HTML-ish text cleaned, line breaks kept where they matter,
 * and words folded so that commands are case-insensitive and accepted without Danish
 * letters (PRODUCT §1).
 */

import { withoutInvisibleWords, withoutTrailing } from '../../domain/kernel/text.js';
import { storable } from '../text/storable.js';

/** Lower-case with the Danish letters folded to ASCII (ae, o, a) and other accents dropped. */
export function foldKeyword(text: string): string {
  return text
    .toLowerCase()
    .replace(/\u00e6/g, 'ae')
    .replace(/\u00f8/g, 'o')
    .replace(/\u00e5/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** The ASCII spellings oe and aa (for the Danish o-slash and a-ring) read as o and a. */
export const altSpelling = (folded: string) => folded.replace(/oe/g, 'o').replace(/aa/g, 'a');

/** "moede", "mode" (and the Danish spelling) all match the keyword "mode"; "modedatoer" stays itself. */
export function sameWord(input: string, keyword: string): boolean {
  return input === keyword || altSpelling(input) === altSpelling(keyword);
}

/** The entities Teams writes, decoded; `&amp;` last: a typed "&lt;" arrives as "&amp;lt;" and stays "&lt;". */
const decodeEntities = (html: string): string =>
  html.replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** @mentions before the first word (after any opening quotation mark): the bot's, when Teams left it in the text. */
const LEADING_MENTIONS = /^([\s\u00a0\u00bb\u00ab"\u201e\u201c\u201d]*)(?:(?:<at>[^<]*<\/at>|&nbsp;)[\s\u00a0]*)+/i;

/**
 * The @mentions in a text: the bot's, before the command, dropped; a person's later on
 * (»deltager @Lars Lund«, an @mention in a conclusion) kept as the name it shows.
 */
const mentionsAsNames = (raw: string): string => raw.replace(LEADING_MENTIONS, '$1').replace(/<at>([^<]*)<\/at>/gi, '$1');

/** An @mention as Teams writes it in a message's text (and in its mention entity's `text`). */
const MENTION = /<at>[^<]*<\/at>/gi;
const WHOLE_MENTION = /^<at>[^<]*<\/at>$/i;

/**
 * `text` with each @mention of a known person written with the name `nameOf` gives for the
 * mention's id, in one pass over the text: a mention entity's text is looked up, not searched
 * for, so that thousands of entities on a long text cost no more than reading both once
 * (PRODUCT §4). Of entities with the same text, the first of a known person names it; an
 * entity whose text is not a mention as Teams writes one names nothing.
 */
export function withMentionNames(text: string, mentions: readonly { readonly text: string; readonly id: string }[], nameOf: (id: string) => string | undefined): string {
  const names = new Map<string, string>();
  for (const mention of mentions) {
    if (names.has(mention.text) || !WHOLE_MENTION.test(mention.text)) continue;
    const name = nameOf(mention.id);
    if (name !== undefined) names.set(mention.text, name);
  }
  if (names.size === 0) return text;
  return text.replace(MENTION, (shown) => {
    const name = names.get(shown);
    return name === undefined ? shown : `<at>${name}</at>`;
  });
}

/**
 * `html` with the matches of `tag` (global: a tag from its `<` to its `>`, with no `>` inside)
 * replaced, looked for only up to the last `>`. What `html.replace(tag, by)` gives: no tag ends
 * after the last `>`. But there every `<` would be tried up to the end of the text, so that a
 * text of `<` without `>` took time growing with its square (PRODUCT §4: a message may hold a
 * megabyte); before it, a try from a `<` ends at the next `>`.
 */
function replaceTags(html: string, tag: RegExp, by: string | ((tag: string, ...groups: string[]) => string)): string {
  const end = html.lastIndexOf('>') + 1;
  const replaced = typeof by === 'string' ? html.slice(0, end).replace(tag, by) : html.slice(0, end).replace(tag, by);
  return end === html.length ? replaced : replaced + html.slice(end);
}

/**
 * Teams sends HTML-ish text: strip tags, entities and the bot's mention (a person's keeps its
 * name), drop the words that show nothing (a zero width space: PRODUCT §4, no text is no text),
 * collapse spaces.
 */
export function cleanText(raw: string): string {
  return withoutInvisibleWords(storable(decodeEntities(replaceTags(mentionsAsNames(raw).replace(/<br\s*\/?>/gi, ' '), /<[^>]+>/g, ' '))))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Quotation marks a command may be copied with from the bot's own text or a document: »…«, «…», "…", „…“, “…”. */
const OPENING = '»«"„“”';
const CLOSING = '«»"“”';

/** "»hjaelp«" → "hjaelp": a text wrapped whole in quotation marks (as a user copies a command) is read without them. */
export function unquoted(text: string): string {
  if (text.length < 2 || !OPENING.includes(text[0]!) || !CLOSING.includes(text[text.length - 1]!)) return text;
  return text.slice(1, -1).trim();
}

/**
 * A list as Teams sends it (<ol>/<ul> of <li>: a line typed beginning »1. « or »- « becomes one)
 * as the lines it showed: each item on a line of its own, after its number (from the list's
 * `start`) or a dash.
 */
function listItemsAsLines(html: string): string {
  const lists: { ordered: boolean; next: number }[] = [];
  return replaceTags(html, /<(\/?)(ol|ul|li)\b([^>]*)>/gi, (tag, close: string, name: string, attributes: string) => {
    if (name.toLowerCase() === 'li') {
      const list = lists.at(-1);
      if (close || !list) return tag;
      return `\n${list.ordered ? `${list.next++}.` : '-'} `;
    }
    if (close) lists.pop();
    else lists.push({ ordered: name.toLowerCase() === 'ol', next: Number(/\bstart\s*=\s*["']?(\d{1,9})/i.exec(attributes)?.[1] ?? 1) });
    return '\n';
  });
}

/** The spaces cut off the end of a line of a rich text (the last line's go with the text's `trim()` anyway). */
const LINE_END_SPACE = /[ \t\u00a0]/;

/**
 * Teams text with its line breaks kept (for a corrected minutes text): block ends (a
 * paragraph, a quotation, a code block, a table's row) and <br> become newlines, a list's items
 * lines with their numbers or dashes, a row's cells are set apart by »|«, other tags go,
 * entities are decoded, words that show nothing go.
 */
export function richText(raw: string): string {
  const text = withoutInvisibleWords(
    decodeEntities(
      replaceTags(
        listItemsAsLines(mentionsAsNames(storable(raw)))
          .replace(/<br\s*\/?>/gi, '\n')
          // A table's cells on its row's line, apart.
          .replace(/<\/t[dh]>(?=\s*<t[dh]\b)/gi, ' | ')
          .replace(/<\/(p|div|li|h[1-6]|blockquote|pre|tr|table)>/gi, '\n'),
        /<[^>]+>/g,
        '',
      ),
    ),
  ).replace(/\r\n?/g, '\n');
  // Each line without the spaces at its end (`/[ \t\u00a0]+\n/g` would try every space of a run that ends no line, to its end).
  return text
    .split('\n')
    .map((line) => withoutTrailing(line, LINE_END_SPACE))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The text after the first `count` words, line breaks kept. */
export function afterWords(text: string, count: number): string {
  let rest = text.trimStart();
  for (let i = 0; i < count; i++) rest = rest.replace(/^\S+\s*/, '');
  return rest.trim();
}
