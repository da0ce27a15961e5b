/** Members' petitions in Teams (R11): the petition card and what a petition posts. */
import type { PetitionEvent } from '../../usecases/petitions.js';
import type { TeamsFeature } from '../feature.js';
import { petitionReactions } from './reactions.js';
import { petitionVerbs } from './verbs.js';

export const petitions: TeamsFeature<PetitionEvent> = {
  name: 'petitions',
  verbs: petitionVerbs,
  reactions: petitionReactions,
};
