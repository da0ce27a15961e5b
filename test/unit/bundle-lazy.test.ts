/**
 * The bundle's stand-ins for the Recognizers-Text suites (scripts/lib/lazy-recognizers.mjs,
 * issue 9 and 12: a start reads and parses 5.5 MB less). botbuilder-dialogs still loads with
 * its culture codes, and a prompt's recognizer still works: the real package is loaded from
 * node_modules when it is first used, not before.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, expect, it } from 'vitest';
import { lazyRecognizers } from '../../scripts/lib/lazy-recognizers.mjs';
import { REPO_ROOT as ROOT } from '../support/paths.js';

// In the project (dist/ is ignored), so that the bundle finds node_modules as dist/bundle/ does.
const OUT = join(ROOT, 'dist', 'test-lazy-recognizers');

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

it('botbuilder-dialogs loads without the recognizers, and a recognizer loads them when used', async () => {
  mkdirSync(OUT, { recursive: true });
  await build({
    stdin: {
      resolveDir: ROOT,
      sourcefile: 'entry.mjs',
      contents: `
        import { PromptCultureModels, recognizeChoices } from 'botbuilder-dialogs';
        const loaded = () => Object.keys(require.cache).filter((f) => f.includes('recognizers-text-')).length;
        const before = loaded();
        const found = recognizeChoices('the second one', ['rød', 'blå']);
        console.log(JSON.stringify({ before, after: loaded(), danishOf: PromptCultureModels.mapToNearestLanguage('nl'), choice: found[0]?.resolution?.value }));
      `,
    },
    outfile: join(OUT, 'entry.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    plugins: [lazyRecognizers(ROOT)],
    logLevel: 'error',
  });
  const run = spawnSync(process.execPath, [join(OUT, 'entry.mjs')], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const result = JSON.parse(run.stdout) as { before: number; after: number; danishOf: string; choice: string };
  expect(result.before).toBe(0);
  expect(result.after).toBeGreaterThan(0);
  expect(result.danishOf).toBe('nl-nl');
  expect(result.choice).toBe('blå');
});
