/**
 * Whether a typed text shows anything (PRODUCT §4: bad input gets a clear answer and changes
 * nothing). `trim()` keeps the zero width space and its kin, so a motion, a title or a name of
 * nothing but those was once taken for text. What shows nothing: white space, control
 * characters and the Unicode default-ignorable code points (the zero width space, joiners and
 * direction marks, the word joiner and invisible operators, the byte order mark, the Hangul
 * fillers, the Mongolian vowel separator, the soft hyphen, variation selectors, tag
 * characters), and the Braille blank. The format characters that are seen (the Arabic number
 * signs) are not among them.
 */
const INVISIBLE = '\\p{White_Space}\\p{Cc}\\p{Default_Ignorable_Code_Point}\\u2800';
const VISIBLE = new RegExp(`[^${INVISIBLE}]`, 'u');
const LEADING = new RegExp(`^[${INVISIBLE}]+`, 'u');
/**
 * At the end, what finishes an emoji stays: a variation selector (a red heart, a keycap) and the
 * tag characters of a subdivision flag. The rest of the invisible characters are cut.
 */
const TRAILING = /[\p{White_Space}\p{Cc}\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u2060-\u206F\u2800\u3164\uFEFF\uFFA0\uFFF0-\uFFF8]/u;

/** The longest name a command takes (an attendee, a task's owner): longer than any person's, shorter than a paste. */
export const MAX_NAME_TEXT = 200;

/** A word (a run between white space) of only invisible characters. */
const INVISIBLE_WORD = /(?<!\S)(?:(?!\s)[\p{Cc}\p{Default_Ignorable_Code_Point}\u2800])+(?!\S)/gu;

/** True when something in the text would be seen. */
export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text);
}

/**
 * The text without its words of nothing visible (`punkt \u200B` is `punkt`); the white space
 * around them stays, and a word with something visible stays whole (a joined emoji).
 */
export function withoutInvisibleWords(text: string): string {
  return text.replace(INVISIBLE_WORD, '');
}

/**
 * The text without what shows nothing at its ends, or '' when nothing is left to see: what a
 * check for an empty text reads instead of `trim()`. Between the ends the text stays as typed
 * (a joined emoji keeps its joiners).
 */
export function visibleText(text: string): string {
  return hasVisibleText(text) ? withoutTrailing(text.replace(LEADING, ''), TRAILING) : '';
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * The text without the characters `one` matches at its end: `one` tests a single character (a
 * class, `/[.,]/`; neither global nor sticky), a character outside the BMP whole. What
 * `text.replace(/[.,]+$/, '')` gives, in one pass from the end: that pattern is tried again from
 * every character of a run that does not reach the end (»....x«, spaces before a word), so its
 * time grows with the square of the run (PRODUCT §4: a message may hold a megabyte).
 */
export function withoutTrailing(text: string, one: RegExp): string {
  if (one.global || one.sticky) throw new Error(`withoutTrailing: ${one} must test one character, neither global nor sticky`);
  let end = text.length;
  while (end > 0) {
    const width = end > 1 && isLow(text.charCodeAt(end - 1)) && isHigh(text.charCodeAt(end - 2)) ? 2 : 1;
    if (!one.test(text.slice(end - width, end))) break;
    end -= width;
  }
  return end === text.length ? text : text.slice(0, end);
}
