/** Node's codes for a server that cannot be reached, or a connection that broke. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/**
 * SQLSTATEs of a server that is going away or not taking sessions: class 08 (connection exception), 57P01 admin
 * shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up or shutting down), 53300 too many connections.
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
/** What pg and pg-pool say when a connection could not be had or was lost; they set no code for these. */
const UNAVAILABLE_MESSAGE =
  /^(timeout exceeded when trying to connect|Connection terminated( unexpectedly| due to connection timeout)?|Client has encountered a connection error and is not queryable|Query read timeout|Cannot use a pool after calling end on the pool)$/;

/**
 * True when an error means the database could not be reached or did not answer in time (down, restarting, the pool
 * exhausted for DB_CONNECTION_TIMEOUT_MS): a temporary state the caller should retry, answered 503 rather than as a bug.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  if (error instanceof DatabaseBusy) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  if (UNAVAILABLE_MESSAGE.test(error.message)) return true;
  // Connecting to a name with several addresses (localhost: ::1 and 127.0.0.1) fails with one error per address.
  if (error instanceof AggregateError) return error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
  return isDatabaseUnavailable(error.cause, depth + 1);
}

/** Work that waited for its turn at the database longer than a pool connection may be waited for (DB_CONNECTION_TIMEOUT_MS). */
export class DatabaseBusy extends Error {
  constructor(waitedMs: number) {
    super(`waited ${waitedMs} ms for the database`);
    this.name = 'DatabaseBusy';
  }
}
