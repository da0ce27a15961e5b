import { describe, expect, it } from 'vitest';
import { allowedEdits, closeTo, editDistance } from '../../../src/teams/commands/typos.js';

describe('typos of commands (issue 10.9)', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit each', () => {
    expect(editDistance('hjælp', 'hjælp')).toBe(0);
    expect(editDistance('hjlp', 'hjælp')).toBe(1);
    expect(editDistance('hjælpp', 'hjælp')).toBe(1);
    expect(editDistance('hjalp', 'hjælp')).toBe(1);
    expect(editDistance('hjæpl', 'hjælp')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('takes a word for a typo only when the edits are few for its length, and never the command itself', () => {
    expect(allowedEdits(3)).toBe(0);
    expect(allowedEdits(5)).toBe(1);
    expect(allowedEdits(10)).toBe(2);
    expect(closeTo('hjlp', 'hjlp', 'hjaelp', 'hjælp')).toBe(1);
    expect(closeTo('hjælp', 'hjaelp', 'hjaelp', 'hjælp')).toBeUndefined();
    expect(closeTo('hej', 'hej', 'hjaelp', 'hjælp')).toBeUndefined();
    expect(closeTo('afstemnig', 'afstemnig', 'afstemning', 'afstemning')).toBe(1);
  });

  it('PRODUCT §4: a word longer than a command by more than its edits is no typo of it, however long (its distance is not worked out)', () => {
    expect(closeTo('afstemningerne', 'afstemningerne', 'afstemning', 'afstemning')).toBeUndefined();
    expect(closeTo('afstemningen', 'afstemningen', 'afstemning', 'afstemning')).toBe(2);
    const huge = 'hjaelp'.padEnd(1_000_000, 'p');
    expect(closeTo(huge, huge, 'hjaelp', 'hjælp')).toBeUndefined();
  });
});
