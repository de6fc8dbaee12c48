import { createKysely, migrateToLatest, openConnection } from '@socialsafety/db';
import pg from 'pg';
import { ConfigError, loadConfig } from './config';

/** `pnpm migrate`: applies pending migrations to the configured database and exits. */
async function main(): Promise<void> {
  const config = loadConfig();
  const connection = await openConnection({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: 1,
    connectionTimeoutMs: config.dbConnectionTimeoutMs,
    queryTimeoutMs: config.dbQueryTimeoutMs,
  });
  const db = createKysely(new pg.Pool(connection.poolConfig));
  try {
    const applied = await migrateToLatest(db);
    process.stdout.write(
      applied.length ? `applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}\n` : 'database is up to date\n',
    );
  } finally {
    await db.destroy();
    await connection.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`socialsafety migrate: ${message}\n`);
  process.exit(1);
});
