import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, resolved from this file's location (test/support/ → ../..). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The demo board the bot loads when BOARD_CONFIG is unset. */
export const DEMO_CONFIG_PATH = resolve(REPO_ROOT, 'config', 'demo.yaml');
