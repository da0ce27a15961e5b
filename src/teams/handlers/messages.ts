/** Text commands: the router from a parsed command to its handler. */
import { type TurnContext, TurnContext as TC } from 'botbuilder';
import { messages } from '../../i18n/index.js';
import { bindChannel } from '../../usecases/binding.js';
import type { Command } from '../commands/parse.js';
import { channelIdOf } from '../turn/identity.js';
import { boardText, helpText } from '../presenters.js';
import { md } from '../text/markdown.js';
import type { HandlerContext } from './context.js';
import { planDatesCommand } from './decision-commands.js';
import {
  addItemCommand,
  attachCommand,
  cancelMeetingCommand,
  listMeetings,
  planMeetingCommand,
  sendAgendaCommand,
  showAgenda,
} from './meeting-commands.js';
import { refuseWith, reply } from './reply.js';

export function bindRequestOf(ctx: TurnContext, tenantId: string | undefined, teamId: string | undefined) {
  const channelId = channelIdOf(ctx.activity);
  if (!channelId) return undefined;
  return {
    conversationReference: TC.getConversationReference(ctx.activity),
    channelId,
    serviceUrl: ctx.activity.serviceUrl,
    ...(tenantId ? { tenantId } : {}),
    ...(teamId ? { teamId } : {}),
  };
}

async function bindCommand(hc: HandlerContext, request: ReturnType<typeof bindRequestOf>): Promise<void> {
  if (!request || hc.ctx.activity.conversation?.conversationType !== 'channel') return void (await refuseWith(hc, 'channel-only'));
  const result = await bindChannel(hc.deps, request, hc.person, hc.origin);
  if (!result.ok) return void (await refuseWith(hc, result.reason));
  if (result.value === 'unchanged') return void (await reply(hc, hc.m.bind.alreadyBound));
  hc.committed();
  await reply(hc, hc.m.bind.rebound);
}

export async function handleCommand(hc: HandlerContext, command: Command, bindRequest: ReturnType<typeof bindRequestOf>): Promise<void> {
  const { board } = hc.deps;
  switch (command.name) {
    case 'empty':
    case 'help':
      return void (await reply(hc, helpText(board, hc.person)));
    case 'board':
      return void (await reply(hc, boardText(board, hc.person)));
    case 'unknown':
      return void (await reply(hc, messages(board.locale).unknownCommand(md(command.text))));
    case 'bind':
      return bindCommand(hc, bindRequest);
    case 'vote':
      throw new Error('the vote command is routed to its feature');
    case 'meeting':
      return planMeetingCommand(hc, 'ordinary', command.args);
    case 'extraordinary':
      return planMeetingCommand(hc, 'extraordinary', command.args);
    case 'meetings':
      return listMeetings(hc);
    case 'cancel-meeting':
      return cancelMeetingCommand(hc, command.dateText);
    case 'agenda':
      return showAgenda(hc, command.dateText);
    case 'send-agenda':
      return sendAgendaCommand(hc);
    case 'item':
      return addItemCommand(hc, command);
    case 'attach':
      return attachCommand(hc, command.args);
    case 'petition':
      throw new Error('the petition command is routed to its feature');
    case 'plan-dates':
      return planDatesCommand(hc, command.yearText);
    case 'conclude':
    case 'minutes':
    case 'correct-minutes':
    case 'attendee':
    case 'report':
      throw new Error(`the ${command.name} command is routed to its feature`);
  }
}
