/**
 * Command parsing: one router for all text commands (teams-ai's string routes are
 * substring matches, so we parse the text ourselves). Commands are
 * case-insensitive and accepted without Danish letters (PRODUCT §1).
 */

export type ItemKindWord = 'decision' | 'information' | 'discussion';

export type Command =
  | { readonly name: 'meeting'; readonly args: string }
  | { readonly name: 'extraordinary'; readonly args: string }
  | { readonly name: 'meetings' }
  | { readonly name: 'cancel-meeting'; readonly dateText: string }
  | { readonly name: 'petition'; readonly subject: string }
  | { readonly name: 'item'; readonly title: string; readonly kind?: ItemKindWord }
  | { readonly name: 'attach'; readonly args: string }
  | { readonly name: 'agenda'; readonly dateText?: string }
  | { readonly name: 'send-agenda' }
  | { readonly name: 'conclude'; readonly args: string }
  | { readonly name: 'plan-dates'; readonly yearText: string }
  | { readonly name: 'minutes'; readonly dateText?: string }
  | { readonly name: 'correct-minutes' }
  | { readonly name: 'attendee'; readonly who: string }
  | { readonly name: 'report'; readonly args: string }
  | { readonly name: 'help' }
  | { readonly name: 'board' }
  | { readonly name: 'bind' }
  | { readonly name: 'vote'; readonly itemNumber: number }
  | { readonly name: 'vote'; readonly motion: string }
  | { readonly name: 'unknown'; readonly text: string }
  | { readonly name: 'empty' };

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
const altSpelling = (folded: string) => folded.replace(/oe/g, 'o').replace(/aa/g, 'a');

/** "moede", "mode" (and the Danish spelling) all match the keyword "mode"; "modedatoer" stays itself. */
export function sameWord(input: string, keyword: string): boolean {
  return input === keyword || altSpelling(input) === altSpelling(keyword);
}

/** Teams sends HTML-ish text: strip tags, entities and leftover mentions, collapse spaces. */
export function cleanText(raw: string): string {
  return raw
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * Teams text with its line breaks kept (for a corrected minutes text): block ends
 * and <br> become newlines, other tags go, entities are decoded.
 */
export function richText(raw: string): string {
  return raw
    .replace(/<at>[^<]*<\/at>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The text after the first `count` words, line breaks kept. */
export function afterWords(text: string, count: number): string {
  let rest = text.trimStart();
  for (let i = 0; i < count; i++) rest = rest.replace(/^\S+\s*/, '');
  return rest.trim();
}

interface Keyword {
  /** Folded words, matched at the start of the folded text. */
  readonly words: readonly string[];
  readonly build: (rest: string) => Command;
}

/** Words after a command without arguments ("hjaelp tak") are ignored rather than refused. */
const noArgs = (command: Command) => (): Command => command;

function voteCommand(rest: string): Command {
  if (/^\d{1,3}$/.test(rest)) return { name: 'vote', itemNumber: Number(rest) };
  return { name: 'vote', motion: rest };
}

const KIND_WORDS: Readonly<Record<string, ItemKindWord>> = {
  beslutning: 'decision',
  decision: 'decision',
  orientering: 'information',
  information: 'information',
  droftelse: 'discussion',
  discussion: 'discussion',
};

/** `punkt <titel> [beslutning|orientering|droftelse]`: a last word naming the kind sets it. */
function itemCommand(rest: string): Command {
  const words = rest.split(' ');
  const last = foldKeyword(words[words.length - 1] ?? '').replace(/[.,:;!?()[\]]+/g, '');
  const kind = KIND_WORDS[last] ?? KIND_WORDS[altSpelling(last)];
  if (kind && words.length > 1) return { name: 'item', title: words.slice(0, -1).join(' '), kind };
  return { name: 'item', title: rest };
}

/** Longest phrases first, so "brug denne kanal" is not read as something shorter. */
const KEYWORDS: readonly Keyword[] = [
  { words: ['anmod', 'om', 'ekstraordinaert', 'mode'], build: (rest) => ({ name: 'petition', subject: rest }) },
  { words: ['request', 'extraordinary', 'meeting'], build: (rest) => ({ name: 'petition', subject: rest }) },
  { words: ['ekstraordinaert', 'mode'], build: (rest) => ({ name: 'extraordinary', args: rest }) },
  { words: ['extraordinary', 'meeting'], build: (rest) => ({ name: 'extraordinary', args: rest }) },
  { words: ['extraordinary'], build: (rest) => ({ name: 'extraordinary', args: rest }) },
  { words: ['ret', 'referat'], build: () => ({ name: 'correct-minutes' }) },
  { words: ['ret', 'referatet'], build: () => ({ name: 'correct-minutes' }) },
  { words: ['correct', 'minutes'], build: () => ({ name: 'correct-minutes' }) },
  { words: ['plan', 'dates'], build: (rest) => ({ name: 'plan-dates', yearText: rest }) },
  { words: ['modedatoer'], build: (rest) => ({ name: 'plan-dates', yearText: rest }) },
  { words: ['konklusion'], build: (rest) => ({ name: 'conclude', args: rest }) },
  { words: ['conclude'], build: (rest) => ({ name: 'conclude', args: rest }) },
  { words: ['referat'], build: (rest) => (rest ? { name: 'minutes', dateText: rest } : { name: 'minutes' }) },
  { words: ['minutes'], build: (rest) => (rest ? { name: 'minutes', dateText: rest } : { name: 'minutes' }) },
  { words: ['deltager'], build: (rest) => ({ name: 'attendee', who: rest }) },
  { words: ['attendee'], build: (rest) => ({ name: 'attendee', who: rest }) },
  { words: ['status'], build: (rest) => ({ name: 'report', args: rest }) },
  { words: ['report'], build: (rest) => ({ name: 'report', args: rest }) },
  { words: ['aflys', 'mode'], build: (rest) => ({ name: 'cancel-meeting', dateText: rest }) },
  { words: ['cancel', 'meeting'], build: (rest) => ({ name: 'cancel-meeting', dateText: rest }) },
  { words: ['udsend', 'dagsorden'], build: noArgs({ name: 'send-agenda' }) },
  { words: ['udsend', 'dagsordenen'], build: noArgs({ name: 'send-agenda' }) },
  { words: ['send', 'agenda'], build: noArgs({ name: 'send-agenda' }) },
  { words: ['moder'], build: noArgs({ name: 'meetings' }) },
  { words: ['meetings'], build: noArgs({ name: 'meetings' }) },
  { words: ['mode'], build: (rest) => ({ name: 'meeting', args: rest }) },
  { words: ['meeting'], build: (rest) => ({ name: 'meeting', args: rest }) },
  { words: ['punkt'], build: itemCommand },
  { words: ['item'], build: itemCommand },
  { words: ['bilag'], build: (rest) => ({ name: 'attach', args: rest }) },
  { words: ['attach'], build: (rest) => ({ name: 'attach', args: rest }) },
  { words: ['dagsorden'], build: (rest) => (rest ? { name: 'agenda', dateText: rest } : { name: 'agenda' }) },
  { words: ['dagsordenen'], build: (rest) => (rest ? { name: 'agenda', dateText: rest } : { name: 'agenda' }) },
  { words: ['agenda'], build: (rest) => (rest ? { name: 'agenda', dateText: rest } : { name: 'agenda' }) },
  { words: ['brug', 'denne', 'kanal'], build: noArgs({ name: 'bind' }) },
  { words: ['use', 'this', 'channel'], build: noArgs({ name: 'bind' }) },
  { words: ['hjaelp'], build: noArgs({ name: 'help' }) },
  { words: ['help'], build: noArgs({ name: 'help' }) },
  { words: ['bestyrelse'], build: noArgs({ name: 'board' }) },
  { words: ['bestyrelsen'], build: noArgs({ name: 'board' }) },
  { words: ['board'], build: noArgs({ name: 'board' }) },
  { words: ['afstemning'], build: voteCommand },
  { words: ['vote'], build: voteCommand },
];

export function parseCommand(raw: string): Command {
  const text = cleanText(raw);
  if (!text) return { name: 'empty' };
  const words = text.split(' ');
  const folded = words.map((w) => foldKeyword(w).replace(/[.,:;!?]+$/, ''));
  for (const keyword of KEYWORDS) {
    const n = keyword.words.length;
    if (folded.length < n) continue;
    if (keyword.words.every((w, i) => sameWord(folded[i]!, w))) {
      const rest = words.slice(n).join(' ').trim();
      return keyword.build(rest);
    }
  }
  return { name: 'unknown', text };
}
