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

/** "torsdag den 10. december 2026 kl. 14.00" in the board's time zone. */
export function formatDateTime(at: Date, locale: Locale, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).setLocale(luxonLocale[locale]).toFormat(messages(locale).date.longDateTime);
}

export function formatDate(at: Date, locale: Locale, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).setLocale(luxonLocale[locale]).toFormat(messages(locale).date.longDate);
}

/** A count as a word ("seks", "six"); from thirteen on, in digits. */
export function countWord(n: number, locale: Locale): string {
  return messages(locale).numbers[n] ?? String(n);
}

/** "A, B og C" / "A, B and C" */
export function formatList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(luxonLocale[locale], { style: 'long', type: 'conjunction' }).format(items);
}
