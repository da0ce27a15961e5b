/** The date poll's actions (R10): the answer is the card as the change left it, with the member's own ticks after an answer. */
import { z } from 'zod';
import { MIN_CONFIRMED_DATES } from '../../domain/date-planning.js';
import { countWord } from '../../i18n/index.js';
import { type PollState, answerDatePoll, confirmDatePollAction } from '../../usecases/dates.js';
import { type VerbSpec, verb } from '../feature.js';
import { outboxKeys } from '../outbox/keys.js';
import type { Turn } from '../turn/context.js';
import { type Reply, showCard } from '../turn/reply.js';
import { id, isoDates } from '../verb-data.js';
import { datesCard } from './card.js';

const card = (turn: Turn, state: PollState): Reply => showCard(turn.posted(outboxKeys.datesCard(state.poll.id)) ?? datesCard(turn.origin.board, state));

export const datesVerbs: Record<string, VerbSpec> = {
  'dates.answer': verb(z.object({ pollId: id, available: isoDates }), async (turn, data) => {
    const result = await answerDatePoll(turn.deps, turn.origin, data);
    if (!result.ok) return { refusal: result.reason };
    // The member gets the card back with their own ticks; the channel's card (posted) shows counts only.
    const mine = result.value.answers.find((a) => a.personId === turn.person.id)?.available ?? [];
    return showCard(datesCard(turn.origin.board, result.value, mine));
  }),
  'dates.confirm': verb(z.object({ pollId: id, dates: isoDates }), async (turn, data) => {
    const result = await confirmDatePollAction(turn.deps, turn.origin, data);
    if (result.ok) return card(turn, result.value.state);
    // R9: the number of meetings a year is the domain's, said in words.
    if (result.reason === 'too-few-dates') return { text: turn.m.refusal['too-few-dates'](countWord(MIN_CONFIRMED_DATES, turn.origin.board.locale)) };
    return { refusal: result.reason };
  }),
};
