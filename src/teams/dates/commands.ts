/** `moededatoer <aar>` (R10): the chair or the secretary puts next year's dates to the members. */
import { startDatePoll } from '../../usecases/dates.js';
import type { Turn } from '../turn/context.js';
import { type Reply, nothing, refusal, say } from '../turn/reply.js';

export async function planDatesCommand(turn: Turn, args: { readonly yearText: string }): Promise<Reply> {
  const result = await startDatePoll(turn.deps, turn.origin, args);
  if (!result.ok) return refusal(result.reason, result.reason === 'bad-year' ? 'dates' : undefined);
  // Asked elsewhere (a 1:1 chat): where the poll went.
  return result.value && !turn.inBoundChannel ? say(turn.m.dates.posted(result.value.poll.year)) : nothing;
}
