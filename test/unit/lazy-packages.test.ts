/**
 * The bundle's stand-ins for rarely used packages (scripts/lib/lazy-packages.mjs, issues 9
 * and 12: a start reads and parses 7 MB less). botbuilder-dialogs still loads with its
 * culture codes, and a prompt's recognizer still works; the connector's MSAL credentials
 * still work. Each real package is loaded from node_modules when it is first used, not before.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, expect, it } from 'vitest';
import { lazyPackages } from '../../scripts/lib/lazy-packages.mjs';
import { REPO_ROOT as ROOT } from '../support/paths.js';

// In the project (dist/ is ignored), so that the bundle finds node_modules as dist/bundle/ does.
const OUT = join(ROOT, 'dist', 'test-lazy-packages');

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

it('botbuilder-dialogs and the connector load without them, and each loads when it is used', async () => {
  mkdirSync(OUT, { recursive: true });
  await build({
    stdin: {
      resolveDir: ROOT,
      sourcefile: 'entry.mjs',
      contents: `
        import { PromptCultureModels, recognizeChoices } from 'botbuilder-dialogs';
        import { MsalAppCredentials } from 'botframework-connector';
        const loaded = (name) => Object.keys(require.cache).filter((f) => f.includes(name)).length;
        const before = { recognizers: loaded('recognizers-text-'), msal: loaded('msal-node') };
        const found = recognizeChoices('the second one', ['rød', 'blå']);
        const credentials = new MsalAppCredentials('00000000-0000-0000-0000-000000000001', 'secret', 'https://login.microsoftonline.com/botframework.com');
        console.log(JSON.stringify({
          before,
          after: { recognizers: loaded('recognizers-text-'), msal: loaded('msal-node') },
          dutch: PromptCultureModels.mapToNearestLanguage('nl'),
          choice: found[0]?.resolution?.value,
          msalClient: credentials.clientApplication?.constructor?.name,
        }));
      `,
    },
    outfile: join(OUT, 'entry.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    plugins: [lazyPackages(ROOT)],
    logLevel: 'error',
  });
  // As `npm start` runs it: on Node 22, a dependency's use of `punycode` would otherwise warn.
  const run = spawnSync(process.execPath, ['--disable-warning=DEP0040', join(OUT, 'entry.mjs')], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const result = JSON.parse(run.stdout) as Record<string, unknown>;
  expect(result).toMatchObject({ before: { recognizers: 0, msal: 0 }, dutch: 'nl-nl', choice: 'blå', msalClient: 'ConfidentialClientApplication' });
  const after = result.after as { recognizers: number; msal: number };
  expect(after.recognizers).toBeGreaterThan(0);
  expect(after.msal).toBeGreaterThan(0);
});
