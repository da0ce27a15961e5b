import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the bot behind the Microsoft 365 Agents Playground, driven in headless
 * Debian Chromium (scripts/e2e-prereqs.sh installs it). Slow and stateful: one file at a
 * time, one fork, the tests of a file in order, long timeouts, no retries.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    sequence: { concurrent: false, shuffle: false },
    retry: 0,
  },
});
