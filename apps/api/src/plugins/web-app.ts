import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { errorBody } from '../lib/error-body';

const notBuiltPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>socialsafety</title></head>
<body><main><h1>socialsafety</h1><p>The web app has not been built yet. Run <code>pnpm start</code> (it builds it)
or <code>pnpm build</code>. The API is available under <a href="/docs">/docs</a>.</p></main></body></html>`;

/** Survey links (`/s/<token>`) open the survey's own page, which loads none of the console's code. */
const isSurveyPath = (url: string) => /^\/+s(\/|$)/.test(url);

/**
 * Serves the built web app at / with a single-page-app fallback: any GET for a page (not /api, not /docs, not a
 * file) answers index.html so that deep links work, and survey.html under /s/. API paths that do not exist get the
 * JSON error shape.
 */
export default fp(
  async (app, { root }: { root: string }) => {
    const built = existsSync(path.join(root, 'index.html'));
    // A build from before the survey page existed still serves the console everywhere.
    const surveyBuilt = existsSync(path.join(root, 'survey.html'));
    if (built) {
      await app.register(fastifyStatic, {
        root,
        wildcard: false,
        index: ['index.html'],
        // Hashed asset names never change content, so browsers may keep them; index.html must always be fresh.
        setHeaders: (res, filePath) => {
          res.header(
            'cache-control',
            filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      });
    } else {
      app.log.warn({ root }, 'web app not built; serving a placeholder at /');
    }

    app.setNotFoundHandler((request, reply) => {
      const url = request.url.split('?')[0] ?? '/';
      // A link copied from the end of a sentence ("…/s/abc.") still opens the survey page, which says what is wrong.
      const isPage =
        request.method === 'GET' &&
        !url.startsWith('/api/') &&
        !url.startsWith('/docs') &&
        (!path.extname(url) || isSurveyPath(url)) &&
        (request.headers.accept ?? '').includes('text/html');
      if (isPage) {
        if (built) {
          const file = surveyBuilt && isSurveyPath(url) ? 'survey.html' : 'index.html';
          return reply.header('cache-control', 'no-cache').sendFile(file);
        }
        return reply.type('text/html; charset=utf-8').send(notBuiltPage);
      }
      const body: typeof errorBody._output = {
        error: { code: 'NOT_FOUND', message: `No route for ${request.method} ${url}` },
      };
      return reply.status(404).send(body);
    });
  },
  { name: 'web-app' },
);
