import { defineConfig } from 'vitest/config';

/**
 * `npm test` (scripts/test.mjs runs it): unit and integration tests. Test files share their
 * worker's loaded modules (`isolate: false`): loading botbuilder, teams-ai and the bot again
 * for each of 79 files was a third of the suite's time. So no test relies on a module's state
 * from another file, and none replaces a module (`vi.mock` would reach the other files of its
 * worker): a test that needs to watch a function spies on it (`vi.spyOn` on the module's
 * namespace) and restores it (test/unit/test-habits.test.ts checks this).
 * Two files at a time (this machine has two cores; vitest's default would be one).
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A name lookup beyond loopback fails at once, and fails the file (test/support/loopback-only.ts).
    setupFiles: ['test/support/loopback-only.ts'],
    // Vacuums the PostgreSQL server's catalogs before and after the run (test/support/pg-vacuum.ts).
    globalSetup: ['test/support/pg-vacuum.ts'],
    maxWorkers: 2,
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    isolate: false,
  },
});
