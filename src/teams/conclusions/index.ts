/** Decisions by consent in Teams (R7, R8): the conclusion card and what a conclusion posts. */
import type { ConclusionEvent } from '../../usecases/conclusions.js';
import { command } from '../commands/table.js';
import type { TeamsFeature } from '../feature.js';
import { concludeCommand } from './commands.js';
import { conclusionReactions } from './reactions.js';
import { conclusionVerbs } from './verbs.js';

export const conclusions: TeamsFeature<ConclusionEvent> = {
  name: 'conclusions',
  commands: [command({ name: 'conclude', action: 'conclusion.make', group: 'decisions', args: (args) => ({ args }), manifest: { order: 9 }, handle: concludeCommand })],
  verbs: conclusionVerbs,
  reactions: conclusionReactions,
};
