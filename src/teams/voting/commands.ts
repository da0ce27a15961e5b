/** `afstemning <forslag>` / `afstemning <punktnr>` (PRODUCT §1.4): the chair opens a vote. */
import { aboutItem, sharesDayOf, unknownItem } from '../agenda/commands.js';
import { openVote } from '../../usecases/voting.js';
import type { Turn } from '../turn/context.js';
import { type RefusalKey, type Reply, nothing, refusal, say } from '../turn/reply.js';
import { leadingDate } from '../commands/arguments.js';
import { meetingRefusal, named } from '../agenda/commands.js';
import type { MeetingName } from '../../usecases/meetings.js';
import { decidedText } from '../agenda/decided.js';

export type VoteArgs = (MeetingName & { readonly itemNumber: number }) | { readonly motion: string };

/** A number alone, or a date (and a time) and a number, is an agenda item (`afstemning [dato [tid]] <punktnr>`); anything else is the motion's text. */
export const voteArgs = (rest: string): VoteArgs => {
  const { rest: after, ...on } = leadingDate(rest);
  if (/^\d{1,3}$/.test(after)) return { itemNumber: Number(after), ...on };
  return { motion: rest };
};

export async function voteCommand(turn: Turn, args: VoteArgs): Promise<Reply> {
  const { m } = turn;
  const result = await openVote(turn.deps, turn.origin, args);
  if (!result.ok) {
    const n = 'itemNumber' in args ? args.itemNumber : 0;
    const name = 'itemNumber' in args ? named(args) : {};
    const refused = await meetingRefusal(turn, result.reason, name, 'vote');
    if (refused) return refused;
    switch (result.reason) {
      case 'not-chair':
        return refusal('not-chair-open');
      case 'unknown-item':
        return unknownItem(turn, n, name);
      case 'not-for-decision':
        return aboutItem(turn, name, (when) => m.refusal['not-for-decision'](n, when));
      case 'item-not-fixed':
        return aboutItem(turn, name, (when) => m.refusal['item-not-fixed'](n, when));
      default:
        return refusal(result.reason as RefusalKey);
    }
  }
  if (result.value?.decided) return say(decidedText(turn.origin.board, result.value.decided, await sharesDayOf(turn, result.value.decided.meeting)));
  // The card goes to the board's channel; asked elsewhere (a 1:1 chat), the asker is told where.
  return turn.bound && !turn.inBoundChannel ? say(m.vote.openedElsewhere) : nothing;
}
