/** *Stoet* (support) on the petition card (R11): the answer is the card as the support left it. */
import { z } from 'zod';
import { supportPetitionAction } from '../../usecases/petitions.js';
import { type VerbSpec, verb } from '../feature.js';
import { outboxKeys } from '../outbox/keys.js';
import { refusal, showCard } from '../turn/reply.js';
import { id } from '../verb-data.js';
import { petitionCard } from './card.js';

export const petitionVerbs: Record<string, VerbSpec> = {
  'petition.support': verb(z.object({ petitionId: id }), async (turn, data) => {
    const result = await supportPetitionAction(turn.deps, turn.origin, data.petitionId);
    if (!result.ok) return refusal(result.reason);
    return showCard(turn.posted(outboxKeys.petitionCard(data.petitionId)) ?? petitionCard(turn.origin.board, result.value));
  }),
};
