import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Security headers on every response, from helmet's middleware built ONCE at start-up. (@fastify/helmet builds a new
 * middleware per request, parsing the content security policy each time: about 5 % of the API's CPU per survey
 * submission, docs/performance.md.) Set in onRequest, so that error pages and 404s carry them too.
 */
export default fp<HelmetOptions>(
  async (app, options) => {
    const apply = helmet(options);
    app.addHook('onRequest', (request, reply, done) => {
      apply(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
    });
  },
  { name: 'security-headers' },
);
