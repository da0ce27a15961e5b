/** Votes, conclusions and next year's dates (R5-R7, R10, R17). */
import { isChair, isSecretary } from '../../domain/kernel/board.js';
import { startDatePoll } from '../../usecases/date-polls.js';
import { itemTitle } from '../cards/agenda-card.js';
import { type Command, afterWords, richText } from '../commands/parse.js';
import { channelIdOf } from '../turn/identity.js';
import type { HandlerContext } from './context.js';
import { refuseWith, reply } from './reply.js';

export async function planDatesCommand(hc: HandlerContext, yearText: string): Promise<void> {
  if (!isChair(hc.person) && !isSecretary(hc.person)) return void (await refuseWith(hc, 'not-chair-or-secretary'));
  if (!/^\d{4}$/.test(yearText.trim())) return void (await refuseWith(hc, 'bad-year', hc.m.examples.dates));
  const result = await startDatePoll(hc.deps, hc.person, Number(yearText.trim()), hc.origin);
  if (!result.ok) return void (await refuseWith(hc, result.reason));
  if (result.value) hc.committed();
}
