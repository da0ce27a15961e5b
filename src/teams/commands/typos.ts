/**
 * How close an unknown word is to a command (issue 10.9: "did you mean help?"): the edit
 * distance (insertions, deletions, substitutions and swaps of neighbours), as typed and
 * with the Danish letters folded, whichever is closer; a typo only when it is small for
 * the word's length.
 */

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of a substring). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The edits a word of this length may have and still be taken for a typo: none under 4 letters, 1 up to 5, else 2. */
export const allowedEdits = (length: number) => (length < 4 ? 0 : length <= 5 ? 1 : 2);

/**
 * The distance from what was typed to a command's spelling, if it is a typo of it (and not
 * the command itself, which the parser would have read): compared as typed (lower case)
 * with the spelling, and folded with the folded words.
 */
export function closeTo(typed: string, typedFolded: string, commandFolded: string, commandSpelling: string): number | undefined {
  const allowed = allowedEdits(commandSpelling.length);
  // The distance is at least the difference in length: a word longer (or shorter) than that is no
  // typo, and its distance is not worked out (a pasted megabyte would take a table of millions of cells per command).
  const near = (a: string, b: string) => Math.abs(a.length - b.length) <= allowed;
  if (!near(typed, commandSpelling) && !near(typedFolded, commandFolded)) return undefined;
  const distance = Math.min(
    near(typed, commandSpelling) ? editDistance(typed, commandSpelling) : Number.POSITIVE_INFINITY,
    near(typedFolded, commandFolded) ? editDistance(typedFolded, commandFolded) : Number.POSITIVE_INFINITY,
  );
  if (distance === 0) return undefined;
  return distance <= allowed ? distance : undefined;
}
