import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, resolved from this file's location (test/support/ → ../..). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The demo board the bot loads when BOARD_CONFIG is unset. */
export const DEMO_CONFIG_PATH = resolve(REPO_ROOT, 'config', 'demo.yaml');

/**
 * The tasks feature's files (docs/architecture.md, the worked example): what removing the
 * feature deletes (scripts/removable-features.json, which the type check reads too). Its
 * migration is not among them: a database that ran it must still migrate.
 */
export const TASKS_FEATURE_FILES: readonly string[] = (
  JSON.parse(readFileSync(resolve(REPO_ROOT, 'scripts', 'removable-features.json'), 'utf8')) as Record<string, string[]>
).tasks!;
