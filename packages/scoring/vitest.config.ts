import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    environment: 'node',
    // Pure functions without shared state: one module graph per worker instead of one per file (the files spend more
    // time starting than testing).
    isolate: false,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
