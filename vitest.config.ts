import { defineConfig } from 'vitest/config';

// Each package and app is its own vitest project with its own environment (node or jsdom).
// The summary reporter prints the closing "N passed, N failed" line that CI reads.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
    reporters: ['default', './packages/testkit/src/summary-reporter.ts'],
  },
});
