import { defineConfig } from 'vitest/config';

// Each package and app is its own vitest project with its own environment (node or jsdom).
// The summary reporter prints the closing "N passed, N failed" line that CI reads.
// Two workers: vitest's default leaves one of the two cores of a CI machine idle, and most test files wait on a
// database rather than compute (measured: 374 s on one worker, 280 s on two, embedded database).
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: ['packages/*', 'apps/*'],
    reporters: ['default', './packages/testkit/src/summary-reporter.ts'],
  },
});
