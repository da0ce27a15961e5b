import { defineConfig } from 'vitest/config';

/**
 * `npm test`: unit and integration tests. Test files share their worker's loaded modules
 * (`isolate: false`): loading botbuilder, teams-ai and the bot again for each of 75 files
 * was a third of the suite's time. No test relies on a module's state from another file;
 * the few that replace a module (`vi.mock`) run isolated, in their own project.
 * Two files at a time (this machine has two cores; vitest's default would be one).
 */
const ISOLATED = ['test/integration/vote-click.test.ts', 'test/unit/teams/cards/bind.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A name lookup beyond loopback fails at once, and fails the file (test/support/loopback-only.ts).
    setupFiles: ['test/support/loopback-only.ts'],
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          exclude: ISOLATED,
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'isolated', include: ISOLATED, isolate: true },
      },
    ],
  },
});
