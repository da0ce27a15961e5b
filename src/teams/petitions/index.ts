/** Members' petitions in Teams (R11): the petition card and what a petition posts. */
import type { PetitionEvent } from '../../usecases/petitions.js';
import { command } from '../commands/table.js';
import type { TeamsFeature } from '../feature.js';
import { petitionCommand } from './commands.js';
import { petitionCardPost, petitionReactions } from './reactions.js';
import { livePetitionsAt } from '../../usecases/live-items.js';
import { petitionVerbs } from './verbs.js';

export const petitions: TeamsFeature<PetitionEvent> = {
  name: 'petitions',
  commands: [command({ name: 'petition', action: 'petition.open', group: 'meetings', args: (subject) => ({ subject }), handle: petitionCommand })],
  verbs: petitionVerbs,
  reactions: petitionReactions,
  // R11: a petition not yet at a majority: members support it from its card.
  liveCards: async (at, ctx) => (await livePetitionsAt(at)).map((state) => petitionCardPost(ctx, state, false)),
};
