/**
 * The one table of card verbs (PRODUCT §2), shared by the card templates in cards/
 * (a test checks every verb there is here) and the handlers, with the zod schema
 * of each verb's data.
 */
import { z } from 'zod';

const id = z.string().trim().min(1).max(100);

export const VERB_DATA = {
  'vote.cast': z.object({ motionId: id, choice: z.string() }),
  'vote.close': z.object({ motionId: id }),
  'vote.refresh': z.object({ motionId: id }),
  'petition.support': z.object({ petitionId: id }),
  'agenda.send': z.object({ meetingId: id }),
} as const;

export type Verb = keyof typeof VERB_DATA;
export const VERBS = Object.keys(VERB_DATA) as Verb[];
export type VerbData<V extends Verb> = z.infer<(typeof VERB_DATA)[V]>;
