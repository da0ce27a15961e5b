/**
 * The date poll's actions (R10). The channel's card shows the counts; the card a member
 * gets back (after *Gem mine svar*, or when their client refreshes it) has their own ticks.
 */
import { z } from 'zod';
import { MIN_CONFIRMED_DATES } from '../../domain/date-planning.js';
import { can } from '../../domain/kernel/policy.js';
import { localIsoDate } from '../../domain/kernel/calendar.js';
import { countWord, formatDate, formatDateTime, formatList } from '../../i18n/index.js';
import { type PollState, answerDatePoll, confirmDatePollAction, datePollClashes, datePollShortfall, showDatePoll, strandedPoll } from '../../usecases/dates.js';
import { refreshAudience } from '../../usecases/roster.js';
import { type VerbSpec, verb } from '../feature.js';
import { outboxKeys } from '../outbox/keys.js';
import type { Turn } from '../turn/context.js';
import { type Reply, showCard } from '../turn/reply.js';
import { id, isoDates } from '../verb-data.js';
import { datesCard, localDateAsInstant } from './card.js';
import { strandedText } from './reactions.js';

/** The card as this member sees it: the poll's counts, their own answer ticked, the confirm action if theirs to press. */
async function mine(turn: Turn, state: PollState): Promise<Reply> {
  const own = state.answers.find((a) => a.personId === turn.person.id)?.available ?? [];
  const canConfirm = can(turn.person, 'dates.confirm').ok;
  return showCard(datesCard(turn.origin.board, state, await refreshAudience(turn.deps, turn.origin.board), own, canConfirm, turn.deps.clock()));
}

export const datesVerbs: Record<string, VerbSpec> = {
  'dates.answer': verb(z.object({ pollId: id, available: isoDates }), async (turn, data) => {
    const result = await answerDatePoll(turn.deps, turn.origin, data);
    return result.ok ? mine(turn, result.value) : { refusal: result.reason };
  }),
  'dates.refresh': verb(z.object({ pollId: id }), async (turn, data) => {
    const result = await showDatePoll(turn.deps, turn.origin, data.pollId);
    return result.ok ? mine(turn, result.value) : { refusal: result.reason };
  }),
  'dates.confirm': verb(z.object({ pollId: id, dates: isoDates }), async (turn, data) => {
    const result = await confirmDatePollAction(turn.deps, turn.origin, data);
    if (result.ok) return showCard(turn.posted(outboxKeys.datesCard(result.value.state.poll.id)) ?? datesCard(turn.origin.board, result.value.state, []));
    // R9: the number of meetings a year is the domain's, said in words.
    if (result.reason === 'too-few-dates') {
      const { locale } = turn.origin.board;
      const four = countWord(MIN_CONFIRMED_DATES, locale);
      // R9: the year's ordinary meetings on other days count toward its four: the refusal names them.
      const short = await datePollShortfall(turn.deps, turn.origin, data);
      if (!short.ok || short.value.counted === 0) return { text: turn.m.refusal['too-few-dates'](four) };
      const { needed, counted, year } = short.value;
      return { text: turn.m.refusal['too-few-dates-besides'](needed, countWord(needed, locale), counted, countWord(counted, locale), year, four) };
    }
    // R9, R10: too few dates left for the year's four: how many, and how to go on.
    if (result.reason === 'too-few-dates-left') {
      const stranded = await strandedPoll(turn.deps, turn.origin, { pollId: data.pollId });
      if (stranded.ok && stranded.value) return { text: turn.m.dates.strandedRefusal(strandedText(turn.m, turn.origin.board, stranded.value)) };
      return { refusal: result.reason };
    }
    // R10: dates chosen on a card not yet refreshed that are today or have passed: named.
    if (result.reason === 'date-in-past') {
      const { board } = turn.origin;
      const today = localIsoDate(turn.deps.clock(), board.timezone);
      const named = (dates: readonly string[]) => formatList(dates.map((d) => formatDate(localDateAsInstant(d), board.locale, 'UTC')), board.locale);
      const passed = data.dates.filter((d) => d < today).sort();
      const gone = turn.m.dates.datesGone(named(passed), passed.length, data.dates.includes(today) ? named([today]) : '');
      return { text: gone };
    }
    // R10: the meetings in the way, by date and time.
    if (result.reason === 'meeting-clash') {
      const { board } = turn.origin;
      const clashes = await datePollClashes(turn.deps, turn.origin, data);
      const named = clashes.ok ? clashes.value.map((m) => formatDateTime(m.startsAt, board.locale, board.timezone)) : [];
      // Gone since the refusal (cancelled meanwhile): the refusal as it was, without names.
      if (named.length === 0) return { refusal: 'meeting-exists' };
      return { text: turn.m.refusal['meeting-clash'](named.length, formatList(named, board.locale)) };
    }
    return { refusal: result.reason };
  }),
};
