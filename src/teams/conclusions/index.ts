/** Decisions by consent in Teams (R7, R8): the conclusion card and what a conclusion posts. */
import type { ConclusionEvent } from '../../usecases/conclusions.js';
import { command } from '../commands/table.js';
import type { TeamsFeature } from '../feature.js';
import { concludeCommand } from './commands.js';
import { conclusionCardPost, conclusionReactions } from './reactions.js';
import { conclusionVerbs } from './verbs.js';
import { liveConclusionsAt } from '../../usecases/live-items.js';

export const conclusions: TeamsFeature<ConclusionEvent> = {
  name: 'conclusions',
  commands: [command({ name: 'conclude', action: 'conclusion.make', group: 'decisions', args: (args) => ({ args }), manifest: { order: 9 }, handle: concludeCommand })],
  verbs: conclusionVerbs,
  reactions: conclusionReactions,
  // R7: a conclusion not yet decided takes objections and the chair's close or vote; R8: a decided one, dissents.
  liveCards: async (at, ctx) => (await liveConclusionsAt(at)).map((state) => conclusionCardPost(ctx, state, false)),
};
