/**
 * Issue 9, "removing its folder plus one registration line leaves a building bot": the
 * tasks feature's files and its one line in src/features.ts are deleted in a temporary
 * copy (scripts/check-feature-removal.sh), and what is left type-checks and starts.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { TASKS_FEATURE_FILES } from '../support/paths.js';

it('without the tasks feature (its files and its one line) the bot builds and starts', async () => {
  const { stdout } = await promisify(execFile)('bash', ['scripts/check-feature-removal.sh', 'tasks', ...TASKS_FEATURE_FILES], { timeout: 170_000 });
  expect(stdout).toContain('without tasks: src/ builds');
  expect(stdout).toContain('without tasks: the bot starts and answers /healthz');
}, 180_000);
