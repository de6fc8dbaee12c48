import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineProject } from 'vitest/config';

// Component and unit tests in jsdom. Browser end-to-end tests live in e2e/ with their own config (vitest.e2e.config.ts).
export default defineProject({
  plugins: [svelte(), svelteTesting()],
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
  },
});
