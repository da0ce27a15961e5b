/** Votes, conclusions and next year's dates (R5-R7, R10, R17). */
import { isChair, isSecretary } from '../../domain/kernel/board.js';
import { concludeItem } from '../../usecases/conclusions.js';
import { startDatePoll } from '../../usecases/date-polls.js';
import { itemTitle } from '../cards/agenda-card.js';
import { type Command, afterWords, richText } from '../commands/parse.js';
import { channelIdOf } from '../turn/identity.js';
import type { HandlerContext } from './context.js';
import { refuseWith, reply } from './reply.js';

export async function concludeCommand(hc: HandlerContext, args: string): Promise<void> {
  if (!isChair(hc.person)) return void (await refuseWith(hc, 'not-chair'));
  const match = /^(\d{1,3})\s+([\s\S]+)$/.exec(args.trim());
  if (!match) return void (await refuseWith(hc, args.trim() ? 'empty-conclusion' : 'bad-item-number', hc.m.examples.conclude));
  const number = Number(match[1]);
  const text = afterWords(richText(hc.ctx.activity.text ?? ''), 2) || match[2]!;
  const result = await concludeItem(hc.deps, hc.person, { number, text, label: (item) => `${item.number}. ${itemTitle(hc.deps.board, item)}` }, hc.origin);
  if (!result.ok) {
    if (result.reason === 'unknown-item') return void (await reply(hc, hc.m.refusal['unknown-item'](number)));
    if (result.reason === 'no-meeting') return void (await reply(hc, hc.m.meeting.noCurrent));
    return void (await refuseWith(hc, result.reason));
  }
  if (!result.value) return;
  hc.committed();
  const binding = await hc.deps.store.getBinding();
  if (binding && channelIdOf(hc.ctx.activity) !== binding.channelId) await reply(hc, hc.m.conclusion.posted);
}

export async function planDatesCommand(hc: HandlerContext, yearText: string): Promise<void> {
  if (!isChair(hc.person) && !isSecretary(hc.person)) return void (await refuseWith(hc, 'not-chair-or-secretary'));
  if (!/^\d{4}$/.test(yearText.trim())) return void (await refuseWith(hc, 'bad-year', hc.m.examples.dates));
  const result = await startDatePoll(hc.deps, hc.person, Number(yearText.trim()), hc.origin);
  if (!result.ok) return void (await refuseWith(hc, result.reason));
  if (result.value) hc.committed();
}
