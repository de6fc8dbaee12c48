import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/** In `vite dev`, answers /s/<token> with the survey page, as the API does for the built app. */
const surveyPageInDev: Plugin = {
  name: 'survey-page-in-dev',
  configureServer(server) {
    server.middlewares.use((request, _response, next) => {
      if (request.url && /^\/s(\/|$)/.test(request.url) && (request.headers.accept ?? '').includes('text/html')) request.url = '/survey.html';
      next();
    });
  },
};

export default defineConfig({
  plugins: [svelte(), surveyPageInDev],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: {
      // Two pages: the console (index.html) and the survey (survey.html, served at /s/<token>). The survey is its own
      // entry so that none of the console's code is downloaded by someone answering on a phone.
      input: { index: page('index.html'), survey: page('survey.html') },
      treeshake: {
        // The survey imports a few functions from @socialsafety/instrument, whose index also re-exports the zod
        // schemas. Building a schema has no effect besides its value, and the instrument's modules only declare
        // things, so what nobody uses is left out (about 45 kB gzipped of zod otherwise).
        manualPureFunctions: ['z'],
        moduleSideEffects: [{ test: /[\\/]packages[\\/]instrument[\\/]src[\\/]/, sideEffects: false }],
      },
    },
  },
  // `pnpm --filter @socialsafety/web dev` serves the app with hot reload and forwards API calls to a running API.
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/health': 'http://127.0.0.1:3000',
      '/docs': 'http://127.0.0.1:3000',
    },
  },
});
