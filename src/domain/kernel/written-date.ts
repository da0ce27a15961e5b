/**
 * The names in a date written out, as the bot writes one and people copy it back
 * (»torsdag den 10. december 2026«, »Thursday 10 December 2026«): month and weekday
 * names in the languages the bot speaks (luxon's, long and short), read in any case,
 * the short ones with or without their dot, and without the Danish letters (o for the
 * o-slash, as `moede` is read).
 */
import { Info } from 'luxon';
import { withoutTrailing } from './text.js';

/** The languages whose names are read: the catalogue's. */
const LANGUAGES = ['da', 'en'] as const;

/** Lower case, a dot or comma after it dropped, the Danish letters and other accents folded ("oe" and "aa" read as o and a). */
const fold = (word: string): string =>
  withoutTrailing(word.toLowerCase(), /[.,]/)
    .replace(/\u00e6/g, 'ae')
    .replace(/\u00f8/g, 'o')
    .replace(/\u00e5/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/oe/g, 'o')
    .replace(/aa/g, 'a');

const named = (lists: (locale: string) => string[][]): Map<string, number> =>
  new Map(LANGUAGES.flatMap((locale) => lists(locale).flatMap((list) => list.map((name, i) => [fold(name), i + 1] as const))));

const MONTHS = named((locale) => [Info.months('long', { locale }), Info.months('short', { locale })]);
MONTHS.set('sept', 9);
const WEEKDAYS = named((locale) => [Info.weekdays('long', { locale }), Info.weekdays('short', { locale })]);

/** The month (1-12) a word names: »december«, »Dec.«, »marts«, »maj«; undefined for any other word. */
export const monthNamed = (word: string): number | undefined => MONTHS.get(fold(word));

/** Whether a word names a day of the week: »torsdag«, »tors.«, »lordag«, »Thursday«. */
export const isWeekdayName = (word: string): boolean => WEEKDAYS.has(fold(word));
