/** Decisions by consent in Teams (R7, R8): the conclusion card and what a conclusion posts. */
import type { ConclusionEvent } from '../../usecases/conclusions.js';
import type { TeamsFeature } from '../feature.js';
import { conclusionReactions } from './reactions.js';
import { conclusionVerbs } from './verbs.js';

export const conclusions: TeamsFeature<ConclusionEvent> = {
  name: 'conclusions',
  verbs: conclusionVerbs,
  reactions: conclusionReactions,
};
