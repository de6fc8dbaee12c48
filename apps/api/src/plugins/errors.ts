import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../lib/errors';
import type { ErrorBody } from '../lib/error-body';
import { isDatabaseUnavailable } from '../lib/database-errors';

/** Seconds a client should wait before retrying while the database is unavailable: a restart takes about this long. */
const RETRY_AFTER_SECONDS = 2;

function send(reply: FastifyReply, status: number, body: ErrorBody['error']) {
  return reply.status(status).type('application/json; charset=utf-8').send({ error: body });
}

/** Names the field a validation issue is about: "body.name", "query.depth", "params.id". */
function fieldOf(context: string | undefined, instancePath: string): string {
  const field = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return [context ?? 'request', field].filter(Boolean).join('.');
}

/**
 * The one error policy. Domain errors (AppError) and request validation errors become 4xx answers with a message a
 * person can act on; anything else is a bug: logged with the request id, answered with a 500 that reveals nothing.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      if (error instanceof AppError) {
        reply.headers(error.headers);
        return send(reply, error.statusCode, {
          code: error.code,
          message: error.message,
          ...(error.details === undefined ? {} : { details: error.details }),
        });
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const issues = error.validation.map((v) => ({
          field: fieldOf(error.validationContext, v.instancePath),
          message: v.message ?? 'is invalid',
        }));
        const first = issues[0];
        return send(reply, 400, {
          code: 'VALIDATION_FAILED',
          message: first ? `Invalid request: ${first.field} ${first.message}` : 'Invalid request',
          details: { issues },
        });
      }
      if (isResponseSerializationError(error)) {
        request.log.error({ err: error, cause: error.cause }, 'response did not match its schema');
        return send(reply, 500, { code: 'INTERNAL', message: 'Something went wrong on our side. It has been logged.' });
      }
      if (isDatabaseUnavailable(error)) {
        // Not a bug: a state that passes. A transaction that lost its connection is rolled back by the server (only one
        // cut off while committing may have been stored), and a submission retried with its submission id is stored
        // once either way, so the client is told to retry.
        request.log.warn({ err: error }, 'database unavailable');
        reply.header('retry-after', String(RETRY_AFTER_SECONDS));
        return send(reply, 503, {
          code: 'UNAVAILABLE',
          message: 'The service is temporarily unavailable. Please try again shortly.',
        });
      }
      const status = error.statusCode ?? 500;
      if (status >= 500) {
        request.log.error({ err: error }, 'request failed');
        const unavailable = status === 503;
        return send(reply, status, {
          code: unavailable ? 'UNAVAILABLE' : 'INTERNAL',
          message: unavailable
            ? 'The service is temporarily unavailable. Please try again shortly.'
            : 'Something went wrong on our side. It has been logged.',
        });
      }
      // Fastify's own 4xx errors (malformed JSON, body too large, unsupported media type, ...) keep their message:
      // it says what to fix.
      return send(reply, status, { code: error.code ?? 'BAD_REQUEST', message: error.message });
    });
  },
  { name: 'errors' },
);
