/** `afstemning <forslag>` / `afstemning <punktnr>` (PRODUCT §1.4): the chair opens a vote. */
import { openVote } from '../../usecases/voting.js';
import type { Turn } from '../turn/context.js';
import { type Reply, nothing, refusal, say } from '../turn/reply.js';

export type VoteArgs = { readonly itemNumber: number } | { readonly motion: string };

/** A number alone is an agenda item; anything else is the motion's text. */
export const voteArgs = (rest: string): VoteArgs => (/^\d{1,3}$/.test(rest) ? { itemNumber: Number(rest) } : { motion: rest });

export async function voteCommand(turn: Turn, args: VoteArgs): Promise<Reply> {
  const { m } = turn;
  const result = await openVote(turn.deps, turn.origin, args);
  if (!result.ok) {
    const n = 'itemNumber' in args ? args.itemNumber : 0;
    switch (result.reason) {
      case 'not-chair':
        return refusal('not-chair-open');
      case 'no-meeting':
        return say(m.meeting.noCurrent);
      case 'unknown-item':
        return say(m.refusal['unknown-item'](n));
      case 'not-for-decision':
        return say(m.refusal['not-for-decision'](n));
      default:
        return refusal(result.reason);
    }
  }
  // The card goes to the board's channel; asked elsewhere (a 1:1 chat), the asker is told where.
  return turn.bound && !turn.inBoundChannel ? say(m.vote.openedElsewhere) : nothing;
}
