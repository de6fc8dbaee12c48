import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';
import pg, { type PoolConfig } from 'pg';

export type DatabaseKind = 'postgres' | 'embedded';

export interface ConnectionOptions {
  /** A postgres:// URL. When absent, an embedded PostgreSQL (PGlite) is started in this process. */
  databaseUrl?: string | undefined;
  /** Where the embedded database keeps its files; `memory://` keeps nothing. */
  dataDir: string;
  /** Upper bound of pooled connections. */
  poolMax: number;
  /** How long to wait for a free connection before failing the request. */
  connectionTimeoutMs: number;
  /** Longest a single query may run before the client gives up on it. */
  queryTimeoutMs: number;
}

export interface DatabaseConnection {
  kind: DatabaseKind;
  /** Pool settings for pg (and so for @fastify/postgres and Kysely): one code path for both databases. */
  poolConfig: PoolConfig;
  /** Where the data lives, for logs and /health; never contains a password. */
  location: string;
  /** Stops the embedded server (no-op for PostgreSQL). Call after every pool on it has ended. */
  close(): Promise<void>;
}

/**
 * Opens the one kind of connection the product uses: a pg pool configuration.
 *
 * Embedded PGlite is served in-process over the PostgreSQL wire protocol (pglite-socket) so that pg, @fastify/postgres
 * and Kysely run exactly the code they run against a PostgreSQL server. Timeouts are always set: PGlite serialises
 * connections, so a query outside an open transaction would otherwise wait forever.
 */
export async function openConnection(options: ConnectionOptions): Promise<DatabaseConnection> {
  const timeouts: PoolConfig = {
    types: calendarDatesAsText,
    max: options.poolMax,
    connectionTimeoutMillis: options.connectionTimeoutMs,
    query_timeout: options.queryTimeoutMs,
    idleTimeoutMillis: 30_000,
    application_name: 'socialsafety',
  };
  if (options.databaseUrl) {
    return {
      kind: 'postgres',
      poolConfig: { ...timeouts, connectionString: options.databaseUrl },
      location: redactUrl(options.databaseUrl),
      close: async () => {},
    };
  }
  return openEmbedded(options, timeouts);
}

const DATE_OID = 1082;

/** See openEmbedded: the embedded database is used through one connection. */
export const EMBEDDED_POOL_MAX = 1;

/**
 * pg turns a `date` into a Date at local midnight, which names another day in any time zone west of the server's.
 * Dates here are calendar days (opening and closing days, the day of a response), so they stay 'YYYY-MM-DD' text.
 * Per pool, not via pg's global type registry, so nothing else in the process changes.
 */
export const calendarDatesAsText: NonNullable<PoolConfig['types']> = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID ? (value: string) => value : pg.types.getTypeParser(oid, format)) as NonNullable<PoolConfig['types']>['getTypeParser'],
};

async function openEmbedded(options: ConnectionOptions, timeouts: PoolConfig): Promise<DatabaseConnection> {
  const inMemory = options.dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(options.dataDir, { recursive: true });
  const pglite = inMemory ? await newInMemory() : await PGlite.create({ dataDir: options.dataDir });
  // maxConnections defaults to 1 in pglite-socket; the pool may open up to poolMax (+1 for a health probe).
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: options.poolMax + 2 });
  await server.start();
  const [host, port] = splitHostPort(server.getServerConn());
  let closed = false;
  return {
    kind: 'embedded',
    // ONE pooled connection, whatever poolMax says. pglite-socket 0.2.17 queues single protocol messages, not whole
    // Parse/Bind/Execute/Sync cycles, so statements of two connections outside a transaction interleave: one
    // connection's Bind lands on the other's Parse (wrong rows, or "portal does not exist"), checked with five
    // simultaneous survey submissions. PGlite runs one query at a time anyway; one connection costs nothing.
    poolConfig: {
      ...timeouts,
      max: EMBEDDED_POOL_MAX,
      host,
      port,
      user: 'postgres',
      database: 'postgres',
      password: 'postgres',
      // Every connection reaches the same PGlite session, and pg-pool replaces its client after a failed
      // pool.query: the new client does not know the named statements its predecessor prepared, and preparing one
      // again would fail ("already exists") for every later request. Awaited before the client is lent out.
      onConnect: async (client) => {
        await client.query('deallocate all');
      },
    },
    location: inMemory ? 'memory' : options.dataDir,
    close: async () => {
      if (closed) return;
      closed = true;
      await server.stop();
      await pglite.close();
    },
  };
}

/** A copy of a freshly created cluster, taken once per process: see newInMemory. */
let freshCluster: Promise<File | Blob> | undefined;

/**
 * An empty in-memory database (tests start dozens in one process). Creating a cluster runs PGlite's initdb, about 3 s;
 * loading a copy of a fresh one takes about 1 s. The copy is taken before anything is written, so every database
 * starts as empty as the first.
 */
async function newInMemory(): Promise<PGlite> {
  if (!freshCluster) {
    const first = PGlite.create({ dataDir: 'memory://' });
    freshCluster = first.then((db) => db.dumpDataDir('none'));
    // A failed copy is retried by the next caller rather than remembered.
    freshCluster.catch(() => (freshCluster = undefined));
    await freshCluster.catch(() => undefined);
    return first;
  }
  return PGlite.create({ dataDir: 'memory://', loadDataDir: await freshCluster });
}

function splitHostPort(conn: string): [string, number] {
  const at = conn.lastIndexOf(':');
  return [conn.slice(0, at), Number(conn.slice(at + 1))];
}

/** Drops the password from a connection URL so it can be logged. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (unparseable URL)';
  }
}
