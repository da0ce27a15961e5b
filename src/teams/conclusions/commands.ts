/** `konklusion <punktnr> <tekst>` (R7): the chair concludes an item of the current meeting. */
import { concludeItem } from '../../usecases/conclusions.js';
import { afterWords } from '../commands/text.js';
import type { Turn } from '../turn/context.js';
import { type Reply, nothing, refusal, say } from '../turn/reply.js';

export interface ConcludeArgs {
  /** The item number; undefined when the words after the command do not start with one. */
  readonly number?: number;
  /** The conclusion; empty when there is none. */
  readonly text: string;
  /** Whether anything followed the command at all. */
  readonly given: boolean;
}

export function concludeArgs(rest: string): ConcludeArgs {
  const match = /^(\d{1,3})\s+([\s\S]+)$/.exec(rest.trim());
  return match ? { number: Number(match[1]), text: match[2]!, given: true } : { text: '', given: rest.trim() !== '' };
}

export async function concludeCommand(turn: Turn, given: { readonly args: string }): Promise<Reply> {
  const { m } = turn;
  const args = concludeArgs(given.args);
  // The conclusion as written, its line breaks kept.
  const text = args.number === undefined ? '' : afterWords(turn.richText, 2) || args.text;
  const result = await concludeItem(turn.deps, turn.origin, { ...(args.number !== undefined ? { number: args.number } : {}), text, given: args.given });
  if (!result.ok) {
    switch (result.reason) {
      case 'unknown-item':
        return say(m.refusal['unknown-item'](args.number ?? 0));
      case 'no-meeting':
        return say(m.meeting.noCurrent);
      case 'bad-item-number':
      case 'empty-conclusion':
        return refusal(result.reason, 'conclude');
      default:
        return refusal(result.reason);
    }
  }
  // The card goes to the board's channel; asked elsewhere, the chair is told where.
  return result.value && turn.bound && !turn.inBoundChannel ? say(m.conclusion.posted) : nothing;
}
