/**
 * The one table of card verbs (PRODUCT §2), shared by the card templates in cards/
 * (a test checks every verb there is here) and the handlers, with the zod schema
 * of each verb's data.
 */
import { z } from 'zod';

const id = z.string().trim().min(1).max(100);
/** Free text from an Input.Text; absent when the field was left empty. */
const text = z.string().max(5000).optional();
/** A multi-select Input.ChoiceSet sends "a,b,c"; an API caller may send an array. */
const isoDates = z
  .union([z.string().max(2000), z.array(z.string().max(20)).max(100)])
  .optional()
  .transform((v) => (Array.isArray(v) ? v : (v ?? '').split(',')).map((d) => d.trim()).filter(Boolean));

export const VERB_DATA = {
  'vote.cast': z.object({ motionId: id, choice: z.string() }),
  'vote.close': z.object({ motionId: id }),
  'vote.refresh': z.object({ motionId: id }),
  'petition.support': z.object({ petitionId: id }),
  'agenda.send': z.object({ meetingId: id }),
  'vote.dissent': z.object({ motionId: id, text }),
  'conclusion.object': z.object({ conclusionId: id }),
  'conclusion.dissent': z.object({ conclusionId: id, text }),
  'conclusion.close': z.object({ conclusionId: id }),
  'conclusion.vote': z.object({ conclusionId: id }),
  'dates.answer': z.object({ pollId: id, available: isoDates }),
  'dates.confirm': z.object({ pollId: id, dates: isoDates }),
  'minutes.approve': z.object({ meetingId: id }),
} as const;

export type Verb = keyof typeof VERB_DATA;
export const VERBS = Object.keys(VERB_DATA) as Verb[];
export type VerbData<V extends Verb> = z.infer<(typeof VERB_DATA)[V]>;
