import { createTestDatabase, type TestDatabase } from '@socialsafety/testkit';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, type App, type BuildOptions } from '../src/app';
import { loadConfig, type AppConfig } from '../src/config';

export const fixtureWebDist = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'web');

/** The platform administrator every test app starts with (ADMIN_EMAIL / ADMIN_PASSWORD). */
export const ADMIN = { email: 'admin@example.test', password: 'admin-password-0123' };

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
  options: { now?: () => Date; logger?: BuildOptions['logger'] } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: database.dataDir,
    WEB_DIST: fixtureWebDist,
    LOG_LEVEL: 'silent',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
    ...env,
  });
  const app = await buildApp({ config, logger: options.logger ?? false, ...(options.now ? { now: options.now } : {}) });
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
