import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineProject } from 'vitest/config';

// Component and unit tests in jsdom. Browser end-to-end tests live in e2e/ with their own config (vitest.e2e.config.ts).
export default defineProject({
  plugins: [svelte(), svelteTesting()],
  test: {
    environment: 'jsdom',
    // One jsdom and one module graph per worker instead of per file: starting them cost more than the tests.
    // Components are unmounted after every test (svelteTesting's cleanup); survey sessions are disposed by the tests.
    isolate: false,
    include: ['src/**/*.test.ts'],
  },
});
