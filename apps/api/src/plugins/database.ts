import fastifyPostgres from '@fastify/postgres';
import { createKysely, migrateToLatest, openConnection, type Database, type DatabaseConnection } from '@socialsafety/db';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../config';

declare module 'fastify' {
  interface FastifyInstance {
    /** Typed query builder over the same pool as `fastify.pg`. */
    db: Kysely<Database>;
    database: Pick<DatabaseConnection, 'kind' | 'location'>;
  }
}

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
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  if (UNAVAILABLE_MESSAGE.test(error.message)) return true;
  // Connecting to a name with several addresses (localhost: ::1 and 127.0.0.1) fails with one error per address.
  if (error instanceof AggregateError) return error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
  return isDatabaseUnavailable(error.cause, depth + 1);
}

export interface DatabasePluginOptions {
  config: AppConfig;
  /** Apply pending migrations before serving (start-up does; `pnpm migrate` does it without serving). */
  migrate: boolean;
}

/**
 * Opens the database (PostgreSQL, or the embedded PGlite), registers @fastify/postgres on it and a Kysely instance
 * over the same pool. @fastify/postgres owns the pool and ends it on close; the embedded server is stopped after.
 */
export default fp<DatabasePluginOptions>(
  async (app, { config, migrate }) => {
    const connection = await openConnection({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolMax: config.dbPoolMax,
      connectionTimeoutMs: config.dbConnectionTimeoutMs,
      queryTimeoutMs: config.dbQueryTimeoutMs,
    });
    // onClose hooks of one instance run last-registered first: registered before @fastify/postgres, this runs after
    // the pool has ended, so the embedded server never disappears under open connections.
    app.addHook('onClose', async () => {
      await connection.close();
      app.log.info({ poolEnded: app.pg.pool.ended }, 'database closed');
    });
    try {
      await app.register(fastifyPostgres, connection.poolConfig);
    } catch (error) {
      await connection.close();
      throw error;
    }
    const pool = app.pg.pool;
    // A lost server connection must not crash the process; the pool replaces the client and /health reports it.
    pool.on('error', (error) => app.log.warn({ err: error }, 'idle database connection failed'));
    // The pool listens for errors only on idle clients. A client lent to a request that is between two statements
    // (inside a transaction) when the server goes away (a restart ends every session with 57P01) would emit 'error'
    // with no listener, and Node ends the process. With this listener the next statement fails instead (503), and
    // the pool discards the broken client when it is released.
    pool.on('connect', (client) => {
      client.on('error', (error) => app.log.warn({ err: error }, 'database connection lost while in use'));
      // The embedded database has one session behind every connection the pool opens, and pg-pool replaces its
      // client after a failed pool.query: the new client would not know the named statements its predecessor
      // prepared, and preparing one again fails ("already exists") for every survey request after. Queued first, so
      // it runs before anything the new client is lent for.
      if (connection.kind === 'embedded') client.query('deallocate all').catch((error: unknown) => app.log.warn({ err: error }, 'could not reset prepared statements'));
    });
    const db = createKysely(pool);
    app.decorate('db', db);
    app.decorate('database', { kind: connection.kind, location: connection.location });

    if (migrate) {
      const applied = await migrateToLatest(db);
      if (applied.length > 0) app.log.info({ applied }, 'migrations applied');
    }
    app.log.info({ kind: connection.kind, location: connection.location }, 'database ready');
  },
  { name: 'database' },
);
