import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: the real server process serving the built app, driven in Debian's Chromium.
// Run with `pnpm test:e2e` (builds the web app first when it is stale).
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    // A test is a whole user journey, and two files share the two cores: in a CI run of 2026-12-02 both journeys of
    // the organisations file took 60 s, at the old limit. A hang still fails, after three minutes.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Each file starts its own server on its own database and its own browser: two files at a time take the e2e run
    // from about 6.5 to 3.5 minutes on the 2-core CI machine (longest test 69 s against its 300 s limit).
    fileParallelism: true,
    maxWorkers: 2,
    reporters: ['default', '../../packages/testkit/src/summary-reporter.ts'],
  },
});
