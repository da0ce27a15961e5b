/**
 * One feature, one place (issue 9): the tasks feature, the worked example of
 * docs/architecture.md, is at most 8 source files, and nothing outside them imports them
 * but src/features.ts, so removing them and their one line there leaves a building bot
 * (scripts/typecheck.mjs type-checks exactly that in `npm test`'s type check, and
 * test/integration/feature-removal.test.ts bundles and starts it). Its migration stays: a
 * database that ran it must still migrate.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TASKS_FEATURE_FILES } from '../support/paths.js';

/** The files that are the feature (the migration is history: it stays when the feature goes). */
const REMOVABLE = TASKS_FEATURE_FILES;
const MIGRATION = 'src/store/migrations/0007-tasks.ts';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}
const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)]
    .map((m) => m[1]!)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts'));

describe('the tasks feature (docs/architecture.md, the worked example)', () => {
  it('is at most 8 source files, its migration included', () => {
    const mine = files('src').filter((f) => f.startsWith('src/teams/tasks/') || /\/tasks\.ts$/.test(f) || f === MIGRATION);
    expect(mine.sort()).toEqual([...REMOVABLE, MIGRATION].sort());
    expect(mine.length).toBeLessThanOrEqual(8);
  });

  it('is imported, outside its own files, by src/features.ts alone, in its one registration line', () => {
    const importers = files('src')
      .filter((f) => !REMOVABLE.includes(f))
      .filter((f) => importsOf(f).some((target) => REMOVABLE.includes(target)));
    expect(importers).toEqual(['src/features.ts']);
    const lines = readFileSync('src/features.ts', 'utf8').split('\n').filter((l) => /\btasks\b/.test(l));
    expect(lines).toEqual(["  (await import('./teams/tasks/index.js')).tasks,"]);
  });
});
