/** The conclusion card's actions (R7, R8): the answer is the card as the change left it. */
import { z } from 'zod';
import type { Result } from '../../domain/kernel/result.js';
import { type ConclusionState, closeConclusionAction, dissentToConclusion, objectToConclusion, voteOnConclusion } from '../../usecases/conclusions.js';
import { type VerbSpec, verb } from '../feature.js';
import { outboxKeys } from '../outbox/keys.js';
import type { Turn } from '../turn/context.js';
import { type RefusalKey, type Reply, refusal, say, showCard } from '../turn/reply.js';
import { id, text } from '../verb-data.js';
import { sharesDayOf } from '../agenda/commands.js';
import { decidedText } from '../agenda/decided.js';
import { conclusionCard } from './card.js';

function answer(turn: Turn, result: Result<ConclusionState, RefusalKey>): Reply {
  if (!result.ok) return refusal(result.reason);
  return showCard(turn.posted(outboxKeys.conclusionCard(result.value.conclusion.id)) ?? conclusionCard(turn.origin.board, result.value));
}

const conclusionId = z.object({ conclusionId: id });

export const conclusionVerbs: Record<string, VerbSpec> = {
  // The reason in `text` (the contract's field, as for a dissent) or in `reason` (the card's field).
  'conclusion.object': verb(z.object({ conclusionId: id, reason: text('reason-too-long'), text: text('reason-too-long') }), async (turn, data) => {
    const result = await objectToConclusion(turn.deps, turn.origin, data.conclusionId, data.reason?.trim() ? data.reason : data.text);
    // R7: its window had ended: refused, though the window's decision was recorded then.
    return answer(turn, result.ok && result.value.tooLate ? { ok: false, reason: 'objection-window-ended' } : result);
  }),
  'conclusion.dissent': verb(z.object({ conclusionId: id, text: text('dissent-too-long') }), async (turn, data) => answer(turn, await dissentToConclusion(turn.deps, turn.origin, data))),
  'conclusion.close': verb(conclusionId, async (turn, data) => answer(turn, await closeConclusionAction(turn.deps, turn.origin, data.conclusionId))),
  'conclusion.vote': verb(conclusionId, async (turn, data) => {
    const result = await voteOnConclusion(turn.deps, turn.origin, data.conclusionId);
    // One decision per item (R7): the item is decided, or another decision is under way on it.
    if (result.ok && result.value.decided) return say(decidedText(turn.origin.board, result.value.decided, await sharesDayOf(turn, result.value.decided.meeting)));
    // Said in the words of this verb: only the chair can open a vote.
    return answer(turn, !result.ok && result.reason === 'not-chair' ? { ok: false, reason: 'not-chair-open' } : result);
  }),
};
