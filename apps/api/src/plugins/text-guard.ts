import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/errors';

// U+0000, and half of a UTF-16 surrogate pair on its own: valid in JSON, but PostgreSQL cannot store either in text.
// eslint-disable-next-line no-control-regex -- finding U+0000 is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path (outermost segment last) to the first string or key in `value` that cannot be stored, or null. The path
 * is built only on the way back from a find: every survey submission is walked, and almost none carries one.
 */
function unstorableAt(value: unknown, depth = 0): string[] | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? [] : null;
  if (typeof value !== 'object' || value === null || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableAt(value[i], depth + 1);
      if (found) return [...found, String(i)];
    }
    return null;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (UNSTORABLE.test(key)) return [key.replace(UNSTORABLE, '?')];
    const found = unstorableAt((value as Record<string, unknown>)[key], depth + 1);
    if (found) return [...found, key];
  }
  return null;
}

function located(root: string, value: unknown): string | null {
  const found = unstorableAt(value);
  return found ? [root, ...found.reverse()].join('.') : null;
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
        located('params', request.params) ?? located('query', request.query) ?? located('body', request.body);
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
