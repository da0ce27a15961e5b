/** The pieces card action data is made of (each feature's verbs.ts builds its schemas from them). */
import { z } from 'zod';
import { hasVisibleText } from '../domain/kernel/text.js';
import { storable } from './text/storable.js';
import type { RefusalKey } from './turn/reply.js';

export const id = z.string().trim().min(1).max(100);
/** Past Teams' own 40 KB and every field's limit: a longer typed text is not read through. */
export const MAX_TYPED_TEXT = 100_000;

/**
 * Free text from an Input.Text, as it may be stored (storable.ts); absent when the field was left
 * empty, and empty when nothing in it shows (a zero width space: PRODUCT §4, no text is no text).
 * A text up to MAX_TYPED_TEXT is the use case's to refuse when too long, naming its limit; past it,
 * it is not read, and refused as `tooLong` (the same refusal: refusalIn), not as garbled data.
 */
export const text = (tooLong: RefusalKey) =>
  z
    .string()
    .superRefine((typed, ctx) => {
      if (typed.length > MAX_TYPED_TEXT) ctx.addIssue({ code: z.ZodIssueCode.custom, params: { refusal: tooLong }, fatal: true });
    })
    .transform((typed) => {
      const stored = storable(typed);
      return hasVisibleText(stored) ? stored : '';
    })
    .optional();

/** The refusal a card's data is answered with instead of »could not be read«: a typed text past MAX_TYPED_TEXT. */
export function refusalIn(issues: readonly z.ZodIssue[]): RefusalKey | undefined {
  for (const issue of issues) {
    const refusal = issue.code === z.ZodIssueCode.custom ? (issue.params as { refusal?: RefusalKey } | undefined)?.refusal : undefined;
    if (refusal) return refusal;
  }
  return undefined;
}
/** A multi-select Input.ChoiceSet sends "a,b,c"; an API caller may send an array. */
export const isoDates = z
  .union([z.string().max(2000), z.array(z.string().max(20)).max(100)])
  .optional()
  .transform((v) => (Array.isArray(v) ? v : (v ?? '').split(',')).map((d) => d.trim()).filter(Boolean));
