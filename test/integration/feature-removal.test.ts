/**
 * Issue 9, "removing its folder plus one registration line leaves a building bot": the
 * tasks feature's files and its one line in src/features.ts are deleted in a temporary
 * copy (scripts/check-feature-removal.sh), and what is left bundles and starts.
 *
 * That it type-checks is checked by `npm test`'s type check (scripts/typecheck.mjs checks
 * the project, then src/ without each feature of scripts/removable-features.json, from the
 * project's result): so this test passes --no-typecheck. Run alone, the script checks it too.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

it('without the tasks feature (its files and its one line) the bot bundles and starts', async () => {
  const { stdout } = await promisify(execFile)('bash', ['scripts/check-feature-removal.sh', '--no-typecheck', 'tasks'], { timeout: 170_000 });
  expect(stdout).toContain('without tasks: src/ bundles');
  expect(stdout).toContain('without tasks: the bot starts and answers /healthz');
}, 180_000);
