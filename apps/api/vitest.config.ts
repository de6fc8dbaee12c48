import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    environment: 'node',
    // One module graph per worker: importing the app anew for every file cost about 3 s a file. Every file still
    // starts its own app on its own database; the module-level caches in src/ are keyed by value, never by app.
    isolate: false,
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Each test file starts the real app on its own database (the embedded one takes about 2 s to start).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
