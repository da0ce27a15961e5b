/** *Stoet* (support) on the petition card (R11): the answer is the card as the support left it, or why not (the meeting is called). */
import { z } from 'zod';
import { calledMeeting } from '../../domain/petition.js';
import { formatDateTime } from '../../i18n/index.js';
import { showPetition, supportPetitionAction } from '../../usecases/petitions.js';
import { type VerbSpec, verb } from '../feature.js';
import { outboxKeys } from '../outbox/keys.js';
import { refusal, say, showCard } from '../turn/reply.js';
import { id } from '../verb-data.js';
import { petitionCard } from './card.js';

export const petitionVerbs: Record<string, VerbSpec> = {
  'petition.support': verb(z.object({ petitionId: id }), async (turn, data) => {
    const result = await supportPetitionAction(turn.deps, turn.origin, data.petitionId);
    if (!result.ok && result.reason === 'petition-meeting-called') {
      // R11: the meeting is called: its date and time, as the card shows them.
      const shown = await showPetition(turn.deps, turn.origin, data.petitionId);
      const called = shown.ok ? calledMeeting(shown.value.meeting) : undefined;
      if (called) return say(turn.m.petition.calledAlready(formatDateTime(called.startsAt, turn.origin.board.locale, turn.origin.board.timezone)));
    }
    if (!result.ok) return refusal(result.reason);
    return showCard(turn.posted(outboxKeys.petitionCard(data.petitionId)) ?? petitionCard(turn.origin.board, result.value));
  }),
};
