import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: the real server process serving the built app, driven in Debian's Chromium.
// Run with `pnpm test:e2e` (builds the web app first when it is stale).
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ['default', '../../packages/testkit/src/summary-reporter.ts'],
  },
});
