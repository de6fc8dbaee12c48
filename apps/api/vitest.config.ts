import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Each test file starts the real app on its own database (the embedded one takes about 2 s to start).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
