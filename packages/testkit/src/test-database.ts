import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  /** postgres:// URL of a fresh, empty database, or undefined for the embedded database. */
  databaseUrl: string | undefined;
  /** Data folder for the embedded database (kept in memory: nothing to clean up). */
  dataDir: string;
  /** Which database the test runs against, for test names and logs. */
  kind: 'postgres' | 'embedded';
  /** Drops the database created for this test file (PostgreSQL only). */
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file, so files can run in parallel without sharing rows.
 *
 * With DATABASE_URL set (CI's PostgreSQL run) a new database is created on that server and dropped afterwards;
 * without it, the embedded PGlite runs in memory inside the test process.
 */
export async function createTestDatabase(env: NodeJS.ProcessEnv = process.env): Promise<TestDatabase> {
  const serverUrl = env.DATABASE_URL;
  if (!serverUrl) {
    return { databaseUrl: undefined, dataDir: 'memory://', kind: 'embedded', drop: async () => {} };
  }
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    dataDir: 'memory://',
    kind: 'postgres',
    drop: () => withAdmin(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
