/** Agendas in Teams (R12–R13): the agenda card, sending it, and what an agenda posts. */
import type { AgendaEvent } from '../../usecases/agenda.js';
import { meetingName } from '../commands/arguments.js';
import { command, noArgs } from '../commands/table.js';
import type { TeamsFeature } from '../feature.js';
import { addItemCommand, attachCommand, itemArgs, reopenArgs, reopenCommand, sendAgendaCommand, showAgendaCommand } from './commands.js';
import { agendaCardPost, agendaReactions } from './reactions.js';
import { agendaVerbs } from './verbs.js';
import { liveAgendasAt } from '../../usecases/live-items.js';

export const agenda: TeamsFeature<AgendaEvent> = {
  name: 'agenda',
  commands: [
    command({ name: 'agenda', action: 'board.read', group: 'lookup', args: meetingName, manifest: { order: 4, personal: true }, handle: showAgendaCommand }),
    command({ name: 'item', action: 'agenda.edit', group: 'meetings', args: itemArgs, manifest: { order: 8 }, handle: addItemCommand }),
    command({ name: 'attach', action: 'agenda.edit', group: 'meetings', args: (args) => ({ args }), handle: attachCommand }),
    command({ name: 'send-agenda', action: 'agenda.send', group: 'meetings', args: noArgs, handle: sendAgendaCommand }),
    command({ name: 'reopen', action: 'conclusion.make', group: 'decisions', args: reopenArgs, handle: reopenCommand }),
  ],
  verbs: agendaVerbs,
  reactions: agendaReactions,
  // R12, R13: the agenda of a meeting still ahead (a draft is sent from it); its thread follows it.
  liveCards: async (at, ctx) => (await liveAgendasAt(at)).map((view) => agendaCardPost(ctx, view, false)),
};
