/**
 * The project explains itself (issue 13): no file of the repository points at files outside it.
 * Every tracked file (and every new file not ignored) is searched for a path that climbs
 * out of the repository into a sibling folder of specifications.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Built from parts so that this file does not match itself.
const OUTSIDE = new RegExp(['\\.\\.', '/shared'].join('') + '|' + ['/work', '/shared'].join(''));

describe('the repository stands on its own', () => {
  it('no file points outside the repository', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f && !f.endsWith('.png') && !f.endsWith('.sqlite') && !f.endsWith('.db'));
    const offenders = files.filter((f) => {
      try {
        return OUTSIDE.test(readFileSync(join(ROOT, f), 'utf8'));
      } catch {
        return false; // deleted in the work tree
      }
    });
    expect(offenders).toEqual([]);
  });

  it('docs/ holds the rules, the architecture, the playground and the deployment guide', () => {
    const docs = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'docs'], { cwd: ROOT, encoding: 'utf8' });
    for (const name of ['docs/rules.md', 'docs/architecture.md', 'docs/playground.md', 'docs/deploy.md']) expect(docs).toContain(name);
  });
});
