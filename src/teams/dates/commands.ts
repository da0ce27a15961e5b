/** `moededatoer <aar>` (R10): the chair or the secretary puts next year's dates to the members. */
import { pollYears } from '../../domain/date-planning.js';
import { localDateOf } from '../../domain/kernel/calendar.js';
import { startDatePoll, strandedPoll } from '../../usecases/dates.js';
import { strandedText } from './reactions.js';
import type { Turn } from '../turn/context.js';
import { type Reply, nothing, refusal, say } from '../turn/reply.js';

export async function planDatesCommand(turn: Turn, args: { readonly yearText: string }): Promise<Reply> {
  const result = await startDatePoll(turn.deps, turn.origin, args);
  if (!result.ok) {
    // R9, R10: the year's open poll can no longer be confirmed: what it lacks, and how to go on.
    if (result.reason === 'poll-stranded') {
      const stranded = await strandedPoll(turn.deps, turn.origin, { year: Number(args.yearText.trim()) });
      if (stranded.ok && stranded.value) return say(turn.m.dates.strandedPollExists(stranded.value.year, strandedText(turn.m, turn.origin.board, stranded.value)));
      return refusal(result.reason);
    }
    // R10: the year's poll open, or its dates fixed: said with the year.
    if (result.reason === 'poll-exists') return say(turn.m.dates.pollExists(Number(args.yearText.trim())));
    if (result.reason === 'poll-confirmed') return say(turn.m.dates.alreadyFixed(Number(args.yearText.trim())));
    if (result.reason !== 'bad-year') return refusal(result.reason);
    // R10: the years it takes, by the board's clock, and one of them as the example (a fixed year goes stale).
    const { from, to } = pollYears(localDateOf(turn.deps.clock(), turn.origin.board.timezone).year);
    return say(turn.m.dates.badYear(from, to));
  }
  // Asked elsewhere (a 1:1 chat): where the poll went.
  return result.value && !turn.inBoundChannel ? say(turn.m.dates.posted(result.value.poll.year)) : nothing;
}
