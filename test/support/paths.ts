import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, resolved from this file's location (test/support/ → ../..). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The demo board the bot loads when BOARD_CONFIG is unset. */
export const DEMO_CONFIG_PATH = resolve(REPO_ROOT, 'config', 'demo.yaml');

/**
 * The tasks feature's files (docs/architecture.md, the worked example): what removing the
 * feature deletes. Its migration is not among them: a database that ran it must still migrate.
 */
export const TASKS_FEATURE_FILES: readonly string[] = [
  'src/domain/tasks.ts',
  'src/store/ports/tasks.ts',
  'src/store/kysely/tasks.ts',
  'src/usecases/tasks.ts',
  'src/teams/tasks/index.ts',
  'src/i18n/da/tasks.ts',
  'src/i18n/en/tasks.ts',
];
