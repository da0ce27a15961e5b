/** Card actions (PRODUCT §2): each verb's handler answers with the updated card or a message saying why not. */
import { isChair, isSecretary } from '../../domain/kernel/board.js';
import type { Result } from '../../domain/kernel/result.js';
import { answerDatePoll, confirmDatePollAction } from '../../usecases/date-polls.js';
import { loadAgenda, sendAgenda } from '../../usecases/meetings.js';
import { datesCard } from '../cards/dates-card.js';
import { answerWithCard, answerWithMessage } from '../turn/invoke.js';
import { agendaPost } from '../long-posts.js';
import type { Verb, VerbData } from '../verbs.js';
import { type HandlerContext, type RefusalKey, refusalText } from './context.js';

type CardHandler<V extends Verb> = (hc: HandlerContext, data: VerbData<V>) => Promise<void>;

const refuse = (hc: HandlerContext, key: RefusalKey) => answerWithMessage(hc.ctx, refusalText(hc.m, key));

/**
 * The shape of most verbs: a refusal is answered with its reason; a change is
 * committed (its posts sent) and answered with the card as it now stands.
 */
async function respond<T, R extends RefusalKey>(hc: HandlerContext, result: Result<T, R>, card: (value: T) => Promise<object> | object): Promise<void> {
  if (!result.ok) return void (await refuse(hc, result.reason));
  hc.committed();
  await answerWithCard(hc.ctx, await card(result.value));
}

/** A refusal said in the words of this verb (e.g. "only the chair can close the vote"). */
function saying<T, R extends string, K extends RefusalKey>(result: Result<T, R>, key: (reason: R) => K): Result<T, K> {
  return result.ok ? result : { ok: false, reason: key(result.reason) };
}

export const cardHandlers: { [V in Verb]: CardHandler<V> } = {

  'dates.answer': async (hc, data) =>
    respond(hc, await answerDatePoll(hc.deps, hc.person, data.pollId, data.available, hc.origin), (state) => datesCard(hc.deps.board, state)),

  'dates.confirm': async (hc, data) =>
    respond(hc, await confirmDatePollAction(hc.deps, hc.person, data.pollId, data.dates, hc.origin), (done) => datesCard(hc.deps.board, done.state)),

  'agenda.send': async (hc, data) => {
    if (!isChair(hc.person) && !isSecretary(hc.person)) return void (await refuse(hc, 'not-chair-or-secretary'));
    const result = await sendAgenda(hc.deps, hc.person, data.meetingId, hc.origin);
    if (!result.ok && result.reason !== 'already-sent') return void (await refuse(hc, result.reason));
    if (result.ok) hc.committed();
    const meeting = await hc.deps.store.getMeeting(data.meetingId);
    await answerWithCard(hc.ctx, agendaPost(hc.deps.board, await loadAgenda(hc.deps.board, hc.deps.store, meeting!), hc.links).card);
  },
};
