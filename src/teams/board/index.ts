/** The board in Teams: help, the overview, binding to a channel, and the notes help ends with. */
import { hasRole, isSecretary } from '../../domain/kernel/board.js';
import type { BindingEvent } from '../../usecases/binding.js';
import type { TeamsFeature } from '../feature.js';
import { boardCommands } from './commands.js';
import { boardReactions } from './reactions.js';

export const board: TeamsFeature<BindingEvent> = {
  name: 'board',
  commands: boardCommands,
  reactions: boardReactions,
  helpNotes: [
    { shownTo: (p) => hasRole(p, 'guest'), text: (m) => m.help.guest },
    { shownTo: isSecretary, text: (m) => m.help.secretaryNote },
  ],
};
