import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Each file starts its own embedded database (about 2 s); give slow machines room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
