/** `konklusion <punktnr> <tekst>` (R7): the chair concludes an item of the current meeting. */
import { aboutItem, sharesDayOf, unknownItem } from '../agenda/commands.js';
import { concludeItem } from '../../usecases/conclusions.js';
import { afterWords } from '../commands/text.js';
import type { Turn } from '../turn/context.js';
import { type RefusalKey, type Reply, nothing, refusal, say } from '../turn/reply.js';
import { leadingDate } from '../commands/arguments.js';
import { meetingRefusal, named } from '../agenda/commands.js';
import { decidedText } from '../agenda/decided.js';

export interface ConcludeArgs {
  /** The item number; undefined when the words after the command do not start with one. */
  readonly number?: number;
  /** The conclusion; empty when there is none. */
  readonly text: string;
  /** Whether anything followed the command at all. */
  readonly given: boolean;
  /** The meeting's date (and time), when the command names one. */
  readonly dateText?: string;
  readonly timeText?: string;
}

/** `konklusion [dato [tid]] <punktnr> <tekst>`. */
export function concludeArgs(args: string): ConcludeArgs {
  const { rest, ...on } = leadingDate(args);
  const match = /^(\d{1,3})\s+([\s\S]+)$/.exec(rest);
  return match ? { number: Number(match[1]), text: match[2]!, given: true, ...on } : { text: '', given: rest !== '', ...on };
}

export async function concludeCommand(turn: Turn, given: { readonly args: string }): Promise<Reply> {
  const { m } = turn;
  const args = concludeArgs(given.args);
  // The conclusion as written, its line breaks kept: after the command, the date and time if given, and the number.
  const nameWords = (args.dateText ? 1 : 0) + (args.timeText ? args.timeText.split(/\s+/).length : 0);
  const text = args.number === undefined ? '' : afterWords(turn.richText, 2 + nameWords) || args.text;
  const name = named(args);
  const result = await concludeItem(turn.deps, turn.origin, { ...(args.number !== undefined ? { number: args.number } : {}), text, given: args.given, ...name });
  if (!result.ok) {
    const refused = await meetingRefusal(turn, result.reason, name, 'conclude');
    if (refused) return refused;
    switch (result.reason) {
      case 'unknown-item':
        return unknownItem(turn, args.number ?? 0, name);
      case 'item-not-fixed':
        return aboutItem(turn, name, (when) => turn.m.refusal['item-not-fixed'](args.number ?? 0, when));
      case 'bad-item-number':
      case 'empty-conclusion':
        return refusal(result.reason, 'conclude');
      default:
        return refusal(result.reason as RefusalKey);
    }
  }
  if (result.value?.decided) return say(decidedText(turn.origin.board, result.value.decided, await sharesDayOf(turn, result.value.decided.meeting)));
  // The card goes to the board's channel; asked elsewhere, the chair is told where.
  return result.value && turn.bound && !turn.inBoundChannel ? say(m.conclusion.posted) : nothing;
}
