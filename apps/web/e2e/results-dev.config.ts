import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * `vite --config e2e/results-dev.config.ts`: the console with hot reload against the server results-look.ts started
 * (its address read from /tmp/results-look.json), for working on the results pages.
 */
const { url } = JSON.parse(readFileSync(process.env.RESULTS_LOOK ?? '/tmp/results-look.json', 'utf8')) as { url: string };
const api = {
  target: url,
  // The API refuses writes from another origin; here the other origin is only this development proxy.
  configure: (proxy: { on(event: 'proxyReq', handler: (request: { removeHeader(name: string): void }) => void): void }) => {
    proxy.on('proxyReq', (request) => request.removeHeader('origin'));
  },
};

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  plugins: [svelte()],
  server: { port: 5199, strictPort: true, proxy: { '/api': api, '/health': api } },
});
