import type { FastifyRequest } from 'fastify';

/** Paths whose next segment is a survey token: the survey page and the survey API. */
const TOKEN_PATH = /^(\/s\/|\/api\/v1\/survey\/)[^/?#]*/i;

/**
 * The request URL as it may be logged: a survey token is a credential and, held together with the list of links,
 * names a person, so it is replaced by `[token]`. The path is percent-decoded first, so that an encoded variant of a
 * survey path (`/api/v1/%73urvey/…`) is recognised too; the query string is dropped from such URLs altogether.
 */
export function redactUrl(url: string): string {
  const [path = '', ...rest] = url.split('?');
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path;
  }
  const normalised = decoded.replace(/\/{2,}/g, '/');
  if (TOKEN_PATH.test(normalised)) return normalised.replace(TOKEN_PATH, '$1[token]');
  return rest.length > 0 ? `${path}?${rest.join('?')}` : path;
}

/** Fastify's request serializer with the URL redacted (the default one logs the URL as sent). */
export function requestSerializer(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
