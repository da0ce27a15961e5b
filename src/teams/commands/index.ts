/**
 * The command tables as one: the parser (both languages' words, folded, the longest phrase
 * first), `hjaelp` for the asker's role, and the Teams manifest's command lists.
 */
import { type Board, type Person, isChair } from '../../domain/kernel/board.js';
import { can } from '../../domain/kernel/policy.js';
import { withoutTrailing } from '../../domain/kernel/text.js';
import { LOCALES, type Locale, messages } from '../../i18n/index.js';
import { type CommandSpec, type CommandTexts, HELP_GROUPS, type HelpNote } from './table.js';
import { cleanText, foldKeyword, sameWord, unquoted } from './text.js';
import { closeTo } from './typos.js';

/** What may follow a command word and is not read with it (»hjaelp!«, »moeder?«). */
const PUNCTUATION = /[.,:;!?]/;

export type Matched =
  | { readonly kind: 'command'; readonly spec: CommandSpec; readonly args: object }
  | { readonly kind: 'empty' }
  | { readonly kind: 'unknown'; readonly text: string };

export interface ManifestCommandList {
  readonly scopes: readonly ('team' | 'personal')[];
  readonly commands: readonly { readonly title: string; readonly description: string }[];
}

export interface CommandIndex {
  readonly specs: readonly CommandSpec[];
  match(raw: string): Matched;
  /** `hjaelp` for `asker`'s role, grouped; "Kom i gang" first for the chair; `personal`: asked in a 1:1 chat (no @mention there). */
  help(board: Board, asker: Person, personal?: boolean): string;
  /**
   * The command an unknown text is close to (a typo in its first words), in `locale`'s words: "hjaelp"
   * for "hjlp". Only `locale`'s spellings count (»tak« on a Danish board is no typo of »task«), and
   * only commands `asker` may use (a member's »moedet« is »moeder«, not the chair's »moede«).
   */
  suggest(raw: string, locale: Locale, asker: Person): string | undefined;
  /** The usage lines help can show, every one of them (to check that each parses). */
  usageLines(locale: Locale): string[];
  /** The manifest's command lists in `locale`: its command words as titles, its descriptions. */
  manifestLists(locale: Locale): ManifestCommandList[];
  /** Whether `word` begins a command, in any language and spelling ("status", "aflys", "moeder"). */
  beginsACommand(word: string): boolean;
}

/** A command's words, usage lines and manifest description in `locale`: its own texts, or the catalogue's. */
export const commandTexts = (locale: Locale, spec: CommandSpec): CommandTexts =>
  spec.texts ? spec.texts(locale) : (messages(locale).commands[spec.name] as CommandTexts);
const texts = commandTexts;
const words = (locale: Locale, spec: CommandSpec): readonly string[] => texts(locale, spec).words;

/** "»afstemning <forslag>« – aabn en afstemning om et forslag" */
function usage(locale: Locale, spec: CommandSpec): string[] {
  const m = messages(locale);
  const word = words(locale, spec)[0]!;
  return texts(locale, spec).usage.map((u) => m.help.line(u.args ? `${word} ${u.args}` : word, u.text));
}

export function commandIndex(specs: readonly CommandSpec[], notes: readonly HelpNote[]): CommandIndex {
  const names = new Set<string>();
  for (const spec of specs) {
    if (names.has(spec.name)) throw new Error(`two command table entries for ${spec.name}`);
    names.add(spec.name);
  }
  // Every spelling of every command in every language, the longest first ("brug denne kanal" before "brug").
  const phrases = specs
    .flatMap((spec) => LOCALES.flatMap((locale) => words(locale, spec).map((w) => ({ spec, locale, spelling: w.toLowerCase(), words: w.split(' ').map(foldKeyword) }))))
    .sort((a, b) => b.words.length - a.words.length);

  const longest = phrases[0]?.words.length ?? 0;
  const firstWords = new Set(phrases.map((p) => p.words[0]!));
  return {
    specs,
    beginsACommand: (word) => [...firstWords].some((first) => sameWord(foldKeyword(word.toLowerCase()), first)),
    match(raw) {
      const text = unquoted(cleanText(raw));
      if (!text) return { kind: 'empty' };
      const given = text.split(' ');
      // Only the words a command could be made of are folded (a paste of a megabyte has half a million).
      const folded = given.slice(0, longest).map((w) => withoutTrailing(foldKeyword(w), PUNCTUATION));
      for (const phrase of phrases) {
        const n = phrase.words.length;
        if (given.length >= n && phrase.words.every((w, i) => sameWord(folded[i]!, w))) {
          return { kind: 'command', spec: phrase.spec, args: phrase.spec.args(given.slice(n).join(' ').trim()) };
        }
      }
      return { kind: 'unknown', text };
    },
    help(board, asker, personal = false) {
      const m = messages(board.locale);
      const sections: string[] = [];
      const byName = new Map(specs.map((s) => [s.name as string, s]));
      // In a 1:1 chat, not `brug denne kanal`: it binds the channel it is written in, and is refused there.
      const here = (name: string) => !(personal && name === 'bind');
      if (isChair(asker)) {
        // Issue 10.9: how a chair starts, first; each step a command of the tables the chair may use.
        const steps = m.help.start.steps.flatMap((step) => {
          const spec = byName.get(step.command);
          if (!spec || !can(asker, spec.action).ok || !here(spec.name)) return [];
          const word = words(board.locale, spec)[0]!;
          return [m.help.line(step.args ? `${word} ${step.args}` : word, step.text)];
        });
        if (steps.length) sections.push(`**${m.help.start.heading}**\n${steps.map((l) => `- ${l}`).join('\n')}`);
      }
      for (const group of HELP_GROUPS) {
        const lines = [
          ...notes.filter((n) => n.group === group && n.shownTo(asker)).map((n) => n.text(m)),
          ...specs.filter((s) => s.group === group && can(asker, s.action).ok && here(s.name)).flatMap((s) => usage(board.locale, s)),
        ];
        if (lines.length) sections.push(`**${m.help.groups[group]}**\n${lines.map((l) => `- ${l}`).join('\n')}`);
      }
      const closing = notes.filter((n) => n.group === undefined && n.shownTo(asker)).map((n) => n.text(m));
      return [personal ? m.help.headingPersonal : m.help.heading, ...sections, ...closing].join('\n\n');
    },
    suggest(raw, locale, asker) {
      const given = unquoted(cleanText(raw)).split(' ').filter(Boolean);
      let best: { spec: CommandSpec; distance: number } | undefined;
      for (const phrase of phrases) {
        const n = phrase.words.length;
        if (given.length < n || phrase.locale !== locale || !can(asker, phrase.spec.action).ok) continue;
        const typed = given.slice(0, n).join(' ').toLowerCase();
        const distance = closeTo(typed, foldKeyword(typed), phrase.words.join(' '), phrase.spelling);
        if (distance !== undefined && (!best || distance < best.distance)) best = { spec: phrase.spec, distance };
      }
      return best ? words(locale, best.spec)[0] : undefined;
    },
    usageLines(locale) {
      return specs.flatMap((s) => usage(locale, s));
    },
    manifestLists(locale) {
      const listed = specs.filter((s) => s.manifest).sort((a, b) => a.manifest!.order - b.manifest!.order);
      // In the language's own words: the bot reads every language's (an English client inserts "help").
      const entry = (s: CommandSpec) => ({ title: words(locale, s)[0]!, description: texts(locale, s).manifest ?? '' });
      return [
        { scopes: ['team'], commands: listed.filter((s) => !s.manifest!.personalOnly).map(entry) },
        { scopes: ['personal'], commands: listed.filter((s) => s.manifest!.personal).map(entry) },
      ];
    },
  };
}

/** What the parser makes of a text, as a plain value: `{ name, ...args }` (for tests and logs). */
export function parsed(index: CommandIndex, raw: string): { readonly name: string } & Record<string, unknown> {
  const matched = index.match(raw);
  if (matched.kind === 'command') return { name: matched.spec.name, ...matched.args };
  return matched.kind === 'empty' ? { name: 'empty' } : { name: 'unknown', text: matched.text };
}
