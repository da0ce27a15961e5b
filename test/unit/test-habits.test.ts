/**
 * The test files share their worker's modules (vitest.config.ts, `isolate: false`), so a
 * test may not replace a module for the files after it: no `vi.mock`, and a spy on a
 * module's export is restored in the file that made it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.js';

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

const files = ['unit', 'integration'].flatMap((d) => testFiles(join(REPO_ROOT, 'test', d)));
// Spelled in pieces, so that this file does not name them itself.
const MOCK = new RegExp(['vi', '\\.(do)?', 'mock\\('].join(''));
const SPY = new RegExp(['vi', '\\.spyOn\\('].join(''));
const RESTORE = /restoreAllMocks\(|mockRestore\(/;

it('no test file replaces a module, and every spy is restored', () => {
  expect(files.length).toBeGreaterThan(50);
  const text = (f: string) => readFileSync(f, 'utf8');
  expect(files.filter((f) => MOCK.test(text(f))).map((f) => relative(REPO_ROOT, f))).toEqual([]);
  expect(files.filter((f) => SPY.test(text(f)) && !RESTORE.test(text(f))).map((f) => relative(REPO_ROOT, f))).toEqual([]);
});
