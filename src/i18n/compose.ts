/**
 * One catalogue from the features' parts: each feature's texts are sections of their own,
 * and the sections every feature adds to — refusals, examples, reminders, commands — are
 * merged into one each (the turn says any refusal by its code). Each English part has its
 * Danish part's type, so the two catalogues have the same shape.
 */

/** The sections several features add to. */
const SHARED = new Set(['refusal', 'examples', 'reminder', 'commands']);

type Intersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;

export function compose<P extends readonly object[]>(...parts: P): Intersection<P[number]> {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (key in merged && !SHARED.has(key)) throw new Error(`two catalogue parts have the section ${key}`);
      if (SHARED.has(key) && merged[key]) {
        // One code, one text: a feature's refusal under another's code would be said in its place.
        const taken = Object.keys(value as object).filter((code) => code in (merged[key] as object));
        if (taken.length > 0) throw new Error(`two catalogue parts give ${key} ${taken.join(', ')}`);
      }
      merged[key] = SHARED.has(key) ? { ...(merged[key] as object | undefined), ...(value as object) } : value;
    }
  }
  return merged as Intersection<P[number]>;
}
