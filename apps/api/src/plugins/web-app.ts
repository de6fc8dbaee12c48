import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { errorBody } from '../lib/error-body';

const notBuiltPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>socialsafety</title></head>
<body><main><h1>socialsafety</h1><p>The web app has not been built yet. Run <code>pnpm start</code> (it builds it)
or <code>pnpm build</code>. The API is available under <a href="/docs">/docs</a>.</p></main></body></html>`;

/**
 * Serves the built web app at / with a single-page-app fallback: any GET for a page (not /api, not /docs, not a
 * file) answers index.html so that deep links work. API paths that do not exist get the JSON error shape.
 */
export default fp(
  async (app, { root }: { root: string }) => {
    const built = existsSync(path.join(root, 'index.html'));
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
      const isPage =
        request.method === 'GET' &&
        !url.startsWith('/api/') &&
        !url.startsWith('/docs') &&
        !path.extname(url) &&
        (request.headers.accept ?? '').includes('text/html');
      if (isPage) {
        if (built) return reply.header('cache-control', 'no-cache').sendFile('index.html');
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
