/** Votes in Teams: the vote card's actions and what a vote posts. */
import type { VotingEvent } from '../../usecases/voting.js';
import type { TeamsFeature } from '../feature.js';
import { votingReactions } from './reactions.js';
import { votingVerbs } from './verbs.js';

export const voting: TeamsFeature<VotingEvent> = {
  name: 'voting',
  verbs: votingVerbs,
  reactions: votingReactions,
};
