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

/** A URL as redactUrl gives it for a survey path. */
const REDACTED_SURVEY_PATH = /^(\/s\/|\/api\/v1\/survey\/)\[token\]/i;

/**
 * Fastify's request serializer with the URL redacted (the default one logs the URL as sent). A respondent's request
 * (the survey page and the survey API) is logged without the client's address and port: the product promises that
 * responses cannot be joined to people or IPs, and a log of who sent what when would be such a join, next to the
 * order in which responses are stored (docs/anonymity.md, rule 8).
 */
export function requestSerializer(request: FastifyRequest) {
  const url = redactUrl(request.url);
  if (REDACTED_SURVEY_PATH.test(url)) return { method: request.method, url, host: request.host };
  return {
    method: request.method,
    url,
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
