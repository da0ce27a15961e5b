/**
 * A feature's command table: one entry per text command. The words (per language), usage
 * lines and manifest descriptions are the catalogue's (`commands` in i18n/<lang>/<feature>.ts);
 * the entry says how to read the rest of the text, who may (the policy's action), where
 * help lists it, and what answers it. The parser, `hjaelp` and the Teams manifest's
 * command lists are all derived from these tables (commands/index.ts).
 */
import type { Person } from '../../domain/kernel/board.js';
import type { Action } from '../../domain/kernel/policy.js';
import type { Locale, Messages } from '../../i18n/index.js';
import type { Turn } from '../turn/context.js';
import type { Reply } from '../turn/reply.js';

/** Where help lists a command. */
export type HelpGroup = 'meetings' | 'decisions' | 'minutes' | 'tasks' | 'lookup';
export const HELP_GROUPS: readonly HelpGroup[] = ['meetings', 'decisions', 'minutes', 'tasks', 'lookup'];

export type CommandName = keyof Messages['commands'];

/** A command's texts in one language: its words (the first is shown), usage lines for help, the manifest's description. */
export interface CommandTexts {
  readonly words: readonly string[];
  readonly usage: readonly { readonly args?: string; readonly text: string }[];
  readonly manifest?: string;
}

/**
 * Where a command's texts come from: the catalogue's `commands` section, or (a feature
 * that keeps its texts in parts of its own) the feature's texts for each language.
 */
export type CommandWords =
  | { readonly name: CommandName; readonly texts?: undefined }
  | { readonly name: string; readonly texts: (locale: Locale) => CommandTexts };

export type CommandSpec<A extends object = object> = CommandWords & CommandRule<A>;

export interface CommandRule<A extends object = object> {
  /** The policy's action: help shows the command to those it allows (the use case asks it again, as the authority). */
  readonly action: Action;
  readonly group: HelpGroup;
  /** The words after the command, read (never refused here: the use case says what is wrong). */
  readonly args: (rest: string) => A;
  handle(turn: Turn, args: A): Promise<Reply>;
  /** Answered wherever it is written, not only in the board's channel and 1:1 chats (`brug denne kanal`). */
  readonly anywhere?: true;
  /** In the Teams manifest's command lists, in this order (at most 10 a list); `personal`: in 1:1 chats too. */
  /** In the Teams manifest's command menus: the channel's (unless `personalOnly`), and the 1:1 chat's when `personal`. */
  readonly manifest?: { readonly order: number; readonly personal?: true; readonly personalOnly?: true };
}

export const command = <A extends object>(spec: CommandSpec<A>): CommandSpec<A> => spec;

/** A help line that is not a command (a button on a card, a note for a role). */
export interface HelpNote {
  /** Without a group it closes the help. */
  readonly group?: HelpGroup;
  readonly shownTo: (person: Person) => boolean;
  readonly text: (m: Messages) => string;
}

/** Commands without arguments ignore words after them ("hjaelp tak") rather than refuse them. */
export const noArgs = (): object => ({});
