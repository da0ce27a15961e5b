/** Card actions (PRODUCT §2): each verb's handler answers with the updated card or a message saying why not. */
import type { TurnContext } from 'botbuilder';
import { isChair, isSecretary } from '../../domain/board.js';
import { loadAgenda, sendAgenda } from '../../usecases/meetings.js';
import { supportPetitionAction } from '../../usecases/petitions.js';
import { castVote, closeVote } from '../../usecases/voting.js';
import { agendaCard } from '../cards/agenda-card.js';
import { petitionCard } from '../cards/petition-card.js';
import { answerWithCard, answerWithMessage } from '../invoke.js';
import { currentVoteCard } from '../publisher.js';
import type { Verb, VerbData } from '../verbs.js';
import { type HandlerContext, refusalText } from './context.js';

type CardHandler<V extends Verb> = (hc: HandlerContext, data: VerbData<V>) => Promise<void>;

const refuse = (ctx: TurnContext, text: string) => answerWithMessage(ctx, text);

export const cardHandlers: { [V in Verb]: CardHandler<V> } = {
  'vote.cast': async (hc, data) => {
    const result = await castVote(hc.deps, hc.person, data, hc.origin);
    if (!result.ok) return void (await refuse(hc.ctx, refusalText(hc.m, result.reason)));
    hc.committed();
    await answerWithCard(hc.ctx, (await currentVoteCard(hc.deps.board, hc.deps.store, data.motionId))!);
  },

  'vote.close': async (hc, data) => {
    const result = await closeVote(hc.deps, hc.person, data.motionId, hc.origin);
    if (!result.ok) return void (await refuse(hc.ctx, refusalText(hc.m, result.reason === 'not-chair' ? 'not-chair-close' : result.reason)));
    hc.committed();
    await answerWithCard(hc.ctx, (await currentVoteCard(hc.deps.board, hc.deps.store, data.motionId))!);
  },

  'vote.refresh': async (hc, data) => {
    const card = await currentVoteCard(hc.deps.board, hc.deps.store, data.motionId);
    if (!card) return void (await refuse(hc.ctx, refusalText(hc.m, 'unknown-motion')));
    await answerWithCard(hc.ctx, card);
  },

  'petition.support': async (hc, data) => {
    const result = await supportPetitionAction(hc.deps, hc.person, data.petitionId, hc.origin);
    if (!result.ok) return void (await refuse(hc.ctx, refusalText(hc.m, result.reason)));
    hc.committed();
    await answerWithCard(hc.ctx, petitionCard(hc.deps.board, result.value));
  },

  'agenda.send': async (hc, data) => {
    if (!isChair(hc.person) && !isSecretary(hc.person)) return void (await refuse(hc.ctx, refusalText(hc.m, 'not-chair-or-secretary')));
    const result = await sendAgenda(hc.deps, hc.person, data.meetingId, hc.origin);
    if (!result.ok && result.reason !== 'already-sent') return void (await refuse(hc.ctx, refusalText(hc.m, result.reason)));
    if (result.ok) hc.committed();
    const meeting = await hc.deps.store.getMeeting(data.meetingId);
    await answerWithCard(hc.ctx, agendaCard(hc.deps.board, await loadAgenda(hc.deps.board, hc.deps.store, meeting!)));
  },
};
