/** Minutes in Teams (R16): the minutes card, its approval, and what minutes post. */
import type { MinutesEvent } from '../../usecases/minutes.js';
import type { TeamsFeature } from '../feature.js';
import { minutesReactions } from './reactions.js';
import { minutesVerbs } from './verbs.js';

export const minutes: TeamsFeature<MinutesEvent> = {
  name: 'minutes',
  verbs: minutesVerbs,
  reactions: minutesReactions,
};
