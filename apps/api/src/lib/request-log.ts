import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** The route that stores a response. */
const SUBMISSION_ROUTE = '/api/v1/survey/:token/responses';

/**
 * A submission answered with success stored a response (201) or was the retry of one (200). Its log line would give
 * the moment each response was stored, in the order the responses table keeps them until the measurement closes:
 * enough, with the database, to give each response its time of day. Refusals (4xx) and failures (5xx) store nothing
 * and are logged as every other request.
 */
const storedSubmission = (request: FastifyRequest, reply: FastifyReply): boolean =>
  reply.statusCode < 300 && request.method === 'POST' && request.routeOptions.url === SUBMISSION_ROUTE;

/**
 * One log line per request, written when it is answered, with the request (its URL redacted by the request
 * serializer) and the outcome together. Fastify's default writes a second line on arrival: a survey submission spent
 * 3-4 % of its CPU on request logging (docs/performance.md). Errors, 404s and stream failures log as Fastify does.
 * A survey submission that succeeded is not logged at all (storedSubmission).
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (!error && storedSubmission(request, reply)) return;
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
