/**
 * THE registration list: one line per feature. A feature brings its Teams part (command
 * words, verbs, card, reactions to events); everything that dispatches — the parser and
 * help, the card router, the publisher, the scheduler — is fed from here.
 */
import type { TeamsFeature } from './teams/feature.js';
import { conclusions } from './teams/conclusions/index.js';
import { minutes } from './teams/minutes/index.js';
import { petitions } from './teams/petitions/index.js';
import { voting } from './teams/voting/index.js';

export const FEATURES: readonly TeamsFeature<never>[] = [
  voting,
  petitions,
  conclusions,
  minutes,
];
