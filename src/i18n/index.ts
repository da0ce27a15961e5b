import { DateTime } from 'luxon';
import type { Locale } from '../domain/kernel/board.js';
import { da } from './da/index.js';
import { en } from './en/index.js';

/** The catalogue's shape is Danish's: every language has every message. */
export type Messages = typeof da;

const catalogues: Record<Locale, Messages> = { da, en };

/** Every language the bot speaks (commands are read in all of them, whatever the board's). */
export const LOCALES = Object.keys(catalogues) as Locale[];
export type { Locale };

export function messages(locale: Locale): Messages {
  return catalogues[locale];
}

const luxonLocale: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

/** The language's tag as documents mark their text (`da-DK`, `en-GB`): Word's spelling check, screen readers. */
export function languageTag(locale: Locale): string {
  return luxonLocale[locale];
}

/**
 * Formatted dates, kept: a card is rendered again on every vote with the same deadline, and
 * luxon's formatting was 3.5 % of a vote's CPU (issue 12). Bounded: emptied when full.
 */
const formatted = new Map<string, string>();
const FORMATTED_MAX = 1000;

function format(at: Date, locale: Locale, zone: string, pattern: 'longDateTime' | 'longDate'): string {
  const key = `${at.getTime()}|${locale}|${zone}|${pattern}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = DateTime.fromJSDate(at, { zone }).setLocale(luxonLocale[locale]).toFormat(messages(locale).date[pattern]);
    if (formatted.size >= FORMATTED_MAX) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

/** "torsdag den 10. december 2026 kl. 14.00" in the board's time zone. */
export function formatDateTime(at: Date, locale: Locale, zone: string): string {
  return format(at, locale, zone, 'longDateTime');
}

export function formatDate(at: Date, locale: Locale, zone: string): string {
  return format(at, locale, zone, 'longDate');
}

/** A time of day "HH:mm" as the language writes it: "14.00", "14:00". */
export function formatClock(time: string, locale: Locale): string {
  return DateTime.fromFormat(time, 'HH:mm').toFormat(messages(locale).date.clock);
}

/** A count as a word ("seks", "six"); from thirteen on, in digits. */
export function countWord(n: number, locale: Locale): string {
  return messages(locale).numbers[n] ?? String(n);
}

/** "A, B og C" / "A, B and C" */
export function formatList(items: readonly string[], locale: Locale): string {
  return listFormat(locale).format(items);
}

/** One formatter per language: making one is dear (1.5 % of a vote's CPU when made per list). */
const listFormats = new Map<Locale, Intl.ListFormat>();
function listFormat(locale: Locale): Intl.ListFormat {
  let f = listFormats.get(locale);
  if (!f) listFormats.set(locale, (f = new Intl.ListFormat(luxonLocale[locale], { style: 'long', type: 'conjunction' })));
  return f;
}
