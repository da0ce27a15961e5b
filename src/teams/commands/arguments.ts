/** Splitting command arguments: `<dato> <tid> [resten]`, `<punktnr> <url> [titel]`. */
import { relativeDate } from '../../domain/kernel/calendar.js';
import { isWeekdayName, monthNamed } from '../../domain/kernel/written-date.js';
import { LOCALES, messages } from '../../i18n/index.js';
import { withoutTrailing } from '../../domain/kernel/text.js';
import { foldKeyword } from './text.js';

/** A word that starts like a time ("14", "14:00", "kl.", "kl", "kl.14", "15h", "15,30"): a time, right or mistyped. "Klubhuset" does not. */
const TIME_START = /^(\d|kl(\.|\d|$))/i;
const KL_TOKEN = /^kl\.?$/i;
/** English "at" before a time, as kl.: a time only when a number follows ("at 14"; "at the town hall" is no time). */
const AT_TOKEN = /^at$/i;
const STARTS_WITH_DIGIT = /^\d/;
/** am/pm after a time of the 12-hour clock ("2:30 PM", "11 a.m."): part of the time. */
const HALF_DAY = /^[ap]\.?m\.?$/i;
/** "15 30": an hour, then what reads as its minutes: one mistyped time, not an hour and a place called "30". */
const BARE_HOUR = /^((kl\.?|at)\s*)?\d{1,2}$/i;
const BARE_MINUTES = /^\d{2}$/;

export interface DateTimeArgs {
  readonly dateText?: string;
  readonly timeText?: string;
  readonly rest: string;
}

/**
 * "10/12 kl. 14 Budget" → date "10/12", time "kl. 14", rest "Budget". A word after the date that
 * starts like a time is the time, whether or not it reads as one (PRODUCT §4: a mistyped time is
 * refused, never taken for the place or the subject); with none, there is no time.
 */
export function splitDateTime(args: string): DateTimeArgs {
  const tokens = args.trim().split(/\s+/).filter(Boolean);
  const [dateText, second, third] = tokens;
  if (!dateText) return { rest: '' };
  let taken = 0;
  if (second && KL_TOKEN.test(second)) taken = third ? 2 : 1;
  else if (second && AT_TOKEN.test(second) && third && STARTS_WITH_DIGIT.test(third)) taken = 2;
  else if (second && TIME_START.test(second)) taken = 1;
  if (!taken) return { dateText, rest: tokens.slice(1).join(' ') };
  let time = tokens.slice(1, 1 + taken);
  const next = tokens[1 + taken];
  if (next && BARE_MINUTES.test(next) && BARE_HOUR.test(time.join(' '))) time = [...time, next];
  const half = tokens[1 + time.length];
  if (half && HALF_DAY.test(half)) time = [...time, half];
  return { dateText, timeText: time.join(' '), rest: tokens.slice(1 + time.length).join(' ') };
}

export interface AttachArgs {
  readonly number?: number;
  readonly url?: string;
  readonly title?: string;
}

/** "4 https://… Budget 2027" → item 4, the url, the title. Teams may wrap a pasted link in <a>: cleanText removed the tags. */
export function splitAttach(args: string): AttachArgs {
  const tokens = args.trim().split(/\s+/).filter(Boolean);
  const [first, url, ...title] = tokens;
  const number = first && /^\d{1,3}$/.test(first) ? Number(first) : undefined;
  return {
    ...(number !== undefined ? { number } : {}),
    ...(url ? { url } : {}),
    ...(title.length ? { title: title.join(' ') } : {}),
  };
}

/** A date as the commands take it (PRODUCT §1: `2026-12-10`, `10-12-2026`, `10.12.2026`, `10/12/2026`, `10/12`). */
const DATE_TOKEN = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-./]\d{1,2}([-./]\d{4})?)$/;

/**
 * A time that names one of a day's meetings: hours and minutes (15:00, 15.00), or kl. and an
 * hour (kl. 15, kl 15, kl.15, kl. 15.30), or at and a whole time (at 15:00, at 3 pm), or one with
 * am/pm (3pm, 3:30 PM). A bare number does not: it is an item number or a title's.
 */
const MEETING_TIME = /^(\d{1,2}[:.]\d{2}|kl\.?\d{1,2}([:.]\d{2})?|\d{1,2}([:.]\d{2})?[ap]\.?m\.?)$/i;
const KL_HOUR = /^\d{1,2}([:.]\d{2})?$/;
const HOUR_AND_MINUTES = /^\d{1,2}[:.]\d{2}$/;

/** How many words from `tokens[at]` on name a meeting's time (MEETING_TIME), am/pm after it included; 0: none. */
function meetingTimeWords(tokens: readonly string[], at: number): number {
  const [first, second] = tokens.slice(at);
  if (!first) return 0;
  let words = 0;
  if (MEETING_TIME.test(first)) words = 1;
  else if (KL_TOKEN.test(first) && second && KL_HOUR.test(second)) words = 2;
  // "at" with a whole time only (at 14:00, at 2 pm): in Danish "at" begins many a title ("at 2 nye medlemmer optages").
  else if (AT_TOKEN.test(first) && second && (HOUR_AND_MINUTES.test(second) || (KL_HOUR.test(second) && HALF_DAY.test(tokens[at + 2] ?? '')))) words = 2;
  // "3 pm": an hour is a time only with am/pm after it.
  else if (KL_HOUR.test(first) && second && HALF_DAY.test(second)) return 2;
  if (!words) return 0;
  // A time without am/pm in it may have it after it: "at 3 pm", "3:30 pm".
  const after = tokens[at + words];
  if (after && HALF_DAY.test(after) && !/[ap]\.?m\.?$/i.test(tokens[at + words - 1]!)) words++;
  return words;
}

export interface MeetingNameArgs {
  readonly dateText?: string;
  readonly timeText?: string;
  readonly rest: string;
}

/** Before a date written out: »den«, »the«. */
const DATE_ARTICLE = /^(den|the)$/i;
/** A day of the month before or after the month's name: »10.«, »10«, »10th«, »10,«. */
const DAY_WORD = /^(\d{1,2})(?:st|nd|rd|th)?[.,]?$/i;
const YEAR_WORD = /^(\d{4})[.,]?$/;

/**
 * A date written out at the start of `tokens`, as the bot writes one: a weekday and »den«/»the«
 * if given (not read), then day and month name (»10. december«, »10 Dec«) or month name and day
 * (»December 10th,«), and a year if given; or, after a weekday or »den«, a date in figures
 * (»den 10/12«). The date as the commands' figures (»10/12/2026«, »10/12«) and how many words
 * it took; undefined when the words begin no date (»torsdag kommer jeg ikke«).
 */
function writtenDate(tokens: readonly string[]): { readonly dateText: string; readonly words: number } | undefined {
  let at = 0;
  if (tokens[at] && isWeekdayName(tokens[at]!)) at++;
  if (tokens[at] && DATE_ARTICLE.test(tokens[at]!)) at++;
  const [first = '', second = '', third = ''] = tokens.slice(at);
  if (at > 0 && DATE_TOKEN.test(first)) return { dateText: first, words: at + 1 };
  const dayFirst = DAY_WORD.exec(first) && monthNamed(second) ? { day: DAY_WORD.exec(first)![1]!, month: monthNamed(second)! } : undefined;
  const monthFirst = !dayFirst && monthNamed(first) && DAY_WORD.exec(second) ? { day: DAY_WORD.exec(second)![1]!, month: monthNamed(first)! } : undefined;
  const read = dayFirst ?? monthFirst;
  if (!read) return undefined;
  const year = YEAR_WORD.exec(third)?.[1];
  return { dateText: `${read.day}/${read.month}${year ? `/${year}` : ''}`, words: at + 2 + (year ? 1 : 0) };
}

/** A word as a day from today is matched: folded (foldKeyword), a dot or comma after it dropped. */
const foldDayWord = (word: string): string => withoutTrailing(foldKeyword(word), /[.,]/);

/** Every language's words for a day from today (»i morgen«, »tomorrow«), as folded words, the longest first. */
const FROM_TODAY = LOCALES.flatMap((locale) =>
  messages(locale).date.fromToday.flatMap((spellings, days) => spellings.map((spelling) => ({ days, words: spelling.split(' ').map(foldDayWord) }))),
).sort((a, b) => b.words.length - a.words.length);

/**
 * A day named from today at the start of `tokens` (»i dag«, »i morgen«, »i overmorgen«; »today«,
 * »tomorrow«): the date text parseDate reads with the clock (relativeDate) and how many words it took.
 */
function dayFromToday(tokens: readonly string[]): { readonly dateText: string; readonly words: number } | undefined {
  const folded = tokens.slice(0, FROM_TODAY[0]?.words.length ?? 0).map(foldDayWord);
  const found = FROM_TODAY.find((day) => day.words.every((word, i) => folded[i] === word));
  return found ? { dateText: relativeDate(found.days), words: found.words.length } : undefined;
}

/**
 * `punkt [dato [tid]] …`, `bilag [dato [tid]] …`: a first word that is a date names the meeting,
 * and a time right after it (MEETING_TIME) names one of that day's meetings; the rest is the command's.
 * With `written`, a date written out names it too (writtenDate: `afbud`, `fjern afbud`, and
 * `dagsorden` and `referat`, whose rest is a message or nothing, never a title that could begin
 * with »1. maj«), and so does a day named from today (dayFromToday: »i morgen«).
 */
export function leadingDate(args: string, written = false): MeetingNameArgs {
  const trimmed = args.trim();
  const tokens = trimmed.split(/\s+/);
  const date = DATE_TOKEN.test(tokens[0] ?? '') ? { dateText: tokens[0]!, words: 1 } : written ? (dayFromToday(tokens) ?? writtenDate(tokens)) : undefined;
  if (!date) return { rest: trimmed };
  const words = meetingTimeWords(tokens, date.words);
  // The rest as written, its spacing kept: the words taken are cut off the front.
  let rest = trimmed;
  for (const word of tokens.slice(0, date.words + words)) rest = rest.slice(rest.indexOf(word) + word.length).trimStart();
  const { dateText } = date;
  return words ? { dateText, timeText: tokens.slice(date.words, date.words + words).join(' '), rest } : { dateText, rest };
}

/**
 * `aflys moede <dato> [tid]`, `flyt moede <dato> [tid] til <ny dato> [tid]`: a first word that is a
 * date, and after it a time as `moede` reads one (splitDateTime: a word that starts like a time is
 * the time, read or refused as one, so a bare `14` is refused as a time, as `moede` refuses it);
 * nothing else follows there, so no title is mistaken for one. The rest is what is not taken.
 */
export function leadingDateTime(args: string): MeetingNameArgs {
  const trimmed = args.trim();
  return DATE_TOKEN.test(trimmed.split(/\s+/)[0] ?? '') ? splitDateTime(trimmed) : { rest: trimmed };
}

/** `dagsorden [dato [tid]]`, `referat [dato [tid]]`, `aflys moede <dato> [tid]`: the meeting's name and nothing after it; anything else is one date text, refused as such. */
export function meetingName(args: string): { readonly dateText?: string; readonly timeText?: string } {
  const named = leadingDate(args, true);
  if (named.dateText && !named.rest) return { dateText: named.dateText, ...(named.timeText ? { timeText: named.timeText } : {}) };
  const text = args.trim();
  return text ? { dateText: text } : {};
}
