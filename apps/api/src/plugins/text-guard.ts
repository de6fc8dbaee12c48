import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/errors';

// U+0000, and half of a UTF-16 surrogate pair on its own: valid in JSON, but PostgreSQL cannot store either in text.
// eslint-disable-next-line no-control-regex -- finding U+0000 is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string (or key) in `value` that cannot be stored, or null. */
function unstorableAt(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (typeof value !== 'object' || value === null || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableAt(value[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, child] of Object.entries(value)) {
    if (UNSTORABLE.test(key)) return `${path}.${key.replace(UNSTORABLE, '?')}`;
    const found = unstorableAt(child, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses, before validation, any request whose body, query or path parameters carry text PostgreSQL cannot store:
 * otherwise the insert fails deep inside a transaction and the person gets a 500 for what is their input.
 */
export default fp(
  async (app) => {
    app.addHook('preValidation', async (request: FastifyRequest) => {
      // Only the API stores what it is sent; /health and the web app's files ignore their query.
      if (!request.routeOptions.url?.startsWith('/api/')) return;
      const at =
        unstorableAt(request.params, 'params') ?? unstorableAt(request.query, 'query') ?? unstorableAt(request.body, 'body');
      if (at) {
        throw new AppError(
          400,
          'TEXT_INVALID',
          `Invalid request: ${at} contains a character that cannot be stored (U+0000, or half of a surrogate pair). Remove it and send again.`,
          { field: at },
        );
      }
    });
  },
  { name: 'text-guard', dependencies: ['errors'] },
);
