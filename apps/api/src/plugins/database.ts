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
