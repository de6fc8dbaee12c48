import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // The tests run the real command in a child process, on an embedded database of its own (about 2-4 s each).
    testTimeout: 60_000,
  },
});
