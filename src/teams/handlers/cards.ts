/** Card actions (PRODUCT §2): each verb's handler answers with the updated card or a message saying why not. */
import type { TurnContext } from 'botbuilder';
import { isChair, isSecretary } from '../../domain/board.js';
import { closeConclusionAction, dissentToConclusion, dissentToVote, objectToConclusion, voteOnConclusion } from '../../usecases/conclusions.js';
import { answerDatePoll, confirmDatePollAction } from '../../usecases/date-polls.js';
import { loadAgenda, sendAgenda } from '../../usecases/meetings.js';
import { approveMinutesAction } from '../../usecases/minutes.js';
import { formatDateTime } from '../../i18n/index.js';
import { conclusionCard } from '../cards/conclusion-card.js';
import { datesCard } from '../cards/dates-card.js';
import { minutesCard } from '../cards/minutes-card.js';
import { minutesFileUrl } from '../publisher.js';
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

  'vote.dissent': async (hc, data) => {
    const result = await dissentToVote(hc.deps, hc.person, data.motionId, data.text, hc.origin);
    if (!result.ok) return void (await refuse(hc.ctx, refusalText(hc.m, result.reason)));
    hc.committed();
    await answerWithCard(hc.ctx, (await currentVoteCard(hc.deps.board, hc.deps.store, data.motionId))!);
  },

  'conclusion.object': async (hc, data) => {
    const result = await objectToConclusion(hc.deps, hc.person, data.conclusionId, hc.origin);
    if (!result.ok) return void (await refuse(hc.ctx, refusalText(hc.m, result.reason)));
    hc.committed();
    await answerWithCard(hc.ctx, conclusionCard(hc.deps.board, result.value));
  },

  'conclusion.dissent': async (hc, data) => {
    const result = await dissentToConclusion(hc.deps, hc.person, data.conclusionId, data.text, hc.origin);
    if (!result.ok) return void (await refuse(hc.ctx, refusalText(hc.m, result.reason)));
    hc.committed();
    await answerWithCard(hc.ctx, conclusionCard(hc.deps.board, result.value));
  },

  'conclusion.close': async (hc, data) => {
    const result = await closeConclusionAction(hc.deps, hc.person, data.conclusionId, hc.origin);
    if (!result.ok) return void (await refuse(hc.ctx, refusalText(hc.m, result.reason === 'not-chair' ? 'not-chair' : result.reason)));
    hc.committed();
    await answerWithCard(hc.ctx, conclusionCard(hc.deps.board, result.value));
  },

  'conclusion.vote': async (hc, data) => {
    const result = await voteOnConclusion(hc.deps, hc.person, data.conclusionId, hc.origin);
    if (!result.ok) return void (await refuse(hc.ctx, refusalText(hc.m, result.reason === 'not-chair' ? 'not-chair-open' : result.reason)));
    hc.committed();
    await answerWithCard(hc.ctx, conclusionCard(hc.deps.board, result.value));
  },

  'dates.answer': async (hc, data) => {
    const result = await answerDatePoll(hc.deps, hc.person, data.pollId, data.available, hc.origin);
    if (!result.ok) return void (await refuse(hc.ctx, refusalText(hc.m, result.reason)));
    hc.committed();
    await answerWithCard(hc.ctx, datesCard(hc.deps.board, result.value));
  },

  'dates.confirm': async (hc, data) => {
    const result = await confirmDatePollAction(hc.deps, hc.person, data.pollId, data.dates, hc.origin);
    if (!result.ok) return void (await refuse(hc.ctx, refusalText(hc.m, result.reason)));
    hc.committed();
    await answerWithCard(hc.ctx, datesCard(hc.deps.board, result.value.state));
  },

  'minutes.approve': async (hc, data) => {
    const versions = await hc.deps.store.listMinutes(data.meetingId);
    const latest = versions[versions.length - 1];
    if (!latest) return void (await refuse(hc.ctx, refusalText(hc.m, 'unknown-minutes')));
    const result = await approveMinutesAction(hc.deps, hc.person, latest.id, hc.origin);
    if (!result.ok) {
      if (result.reason === 'objection-window-open') {
        const from = new Date(latest.updatedAt.getTime() + hc.deps.board.policies.objectionHours * 3_600_000);
        return void (await refuse(hc.ctx, hc.m.minutes.approvableFrom(formatDateTime(from, hc.deps.board.locale, hc.deps.board.timezone))));
      }
      return void (await refuse(hc.ctx, refusalText(hc.m, result.reason)));
    }
    hc.committed();
    await answerWithCard(hc.ctx, minutesCard(hc.deps.board, result.value.minutes, minutesFileUrl(hc.publicUrl, result.value.minutes.id)));
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
