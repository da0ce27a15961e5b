/**
 * The one table of card verbs (PRODUCT §2), shared by the card templates in cards/
 * (a test checks every verb there is here) and the handlers, with the zod schema
 * of each verb's data.
 */
import { z } from 'zod';
import { id, isoDates, text } from './verb-data.js';

export const VERB_DATA = {
  'agenda.send': z.object({ meetingId: id }),
  'dates.answer': z.object({ pollId: id, available: isoDates }),
  'dates.confirm': z.object({ pollId: id, dates: isoDates }),
} as const;

export type Verb = keyof typeof VERB_DATA;
export const VERBS = Object.keys(VERB_DATA) as Verb[];
export type VerbData<V extends Verb> = z.infer<(typeof VERB_DATA)[V]>;
