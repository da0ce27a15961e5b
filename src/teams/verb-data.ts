/** The pieces card action data is made of (each feature's verbs.ts builds its schemas from them). */
import { z } from 'zod';
import { hasVisibleText } from '../domain/kernel/text.js';
import { storable } from './text/storable.js';

export const id = z.string().trim().min(1).max(100);
/**
 * Free text from an Input.Text, as it may be stored (storable.ts); absent when the field was left
 * empty, and empty when nothing in it shows (a zero width space: PRODUCT §4, no text is no text).
 */
export const text = z
  .string()
  .max(100_000) // past Teams' own 40 KB: a longer text is the use case's to refuse, naming its limit
  .transform((typed) => {
    const stored = storable(typed);
    return hasVisibleText(stored) ? stored : '';
  })
  .optional();
/** A multi-select Input.ChoiceSet sends "a,b,c"; an API caller may send an array. */
export const isoDates = z
  .union([z.string().max(2000), z.array(z.string().max(20)).max(100)])
  .optional()
  .transform((v) => (Array.isArray(v) ? v : (v ?? '').split(',')).map((d) => d.trim()).filter(Boolean));
