import { createKysely, migrateToLatest, openConnection, type Database } from '@socialsafety/db';
import type { Kysely } from 'kysely';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Opens the database the API uses, from the same variables (DATABASE_URL, or DATA_DIR for the embedded one), and
 * brings it up to date, so that the first command on a fresh installation works.
 */
export async function openDatabase(env: NodeJS.ProcessEnv = process.env): Promise<{ db: Kysely<Database>; close(): Promise<void> }> {
  const from = env.INIT_CWD ?? process.cwd();
  const dataDir = env.DATA_DIR || path.join(repositoryRoot, '.data', 'pglite');
  const connection = await openConnection({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: dataDir.startsWith('memory://') ? dataDir : path.resolve(from, dataDir),
    poolMax: 1,
    connectionTimeoutMs: 10_000,
    queryTimeoutMs: 60_000,
  });
  const db = createKysely(new pg.Pool(connection.poolConfig));
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    await connection.close();
    throw error;
  }
  return {
    db,
    close: async () => {
      await db.destroy();
      await connection.close();
    },
  };
}
