import { createTestDatabase, type TestDatabase } from '@socialsafety/testkit';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, type App } from '../src/app';
import { loadConfig, type AppConfig } from '../src/config';

export const fixtureWebDist = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'web');

export interface TestApp {
  app: App;
  config: AppConfig;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real application on a database of its own (embedded PGlite in memory, or a fresh PostgreSQL database when
 * DATABASE_URL is set), migrated, ready for `app.inject()`. `extend` may add routes before the app is ready.
 */
export async function startTestApp(
  extend?: (app: App) => void | Promise<void>,
  env: Record<string, string> = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: database.dataDir,
    WEB_DIST: fixtureWebDist,
    LOG_LEVEL: 'silent',
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
    ...env,
  });
  const app = await buildApp({ config, logger: false });
  await extend?.(app);
  await app.ready();
  return {
    app,
    config,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
