import { createTestDatabase } from '@socialsafety/testkit';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';

/**
 * Times the import of a 10,000-unit tree through the API (CSV, whole-tree replace), then a re-import with a rename
 * and an addition. Runs on a fresh embedded database, or on a fresh database on the server at DATABASE_URL.
 * `pnpm --filter @socialsafety/api exec tsx bench/unit-import.ts`
 */
const UNITS = Number(process.env.UNITS ?? 10_000);
const admin = { email: 'bench@example.test', password: 'bench-password-123' };

const database = await createTestDatabase();
const config = loadConfig({
  DATA_DIR: database.dataDir,
  LOG_LEVEL: 'silent',
  ADMIN_EMAIL: admin.email,
  ADMIN_PASSWORD: admin.password,
  ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
});
const app = await buildApp({ config, logger: false });
try {
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: admin });
  const cookie = `socialsafety_session=${login.cookies.find((c) => c.name === 'socialsafety_session')?.value}`;
  const headers = { cookie, 'x-csrf-token': login.json().csrfToken as string };
  const org = await app.inject({ method: 'POST', url: '/api/v1/organisations', headers, payload: { name: 'Bench' } });
  const url = `/api/v1/organisations/${org.json().id}/units`;

  const lines = ['code;name;parent_code', 'U0;Unit 0;'];
  for (let i = 1; i < UNITS; i += 1) lines.push(`U${i};Unit ${i};U${Math.floor((i - 1) / 10)}`);
  const time = async (label: string) => {
    const started = performance.now();
    const res = await app.inject({ method: 'PUT', url, headers: { ...headers, 'content-type': 'text/csv' }, payload: lines.join('\n') });
    const ms = performance.now() - started;
    process.stdout.write(`${label}: ${res.statusCode} ${res.body} in ${ms.toFixed(0)} ms\n`);
  };
  process.stdout.write(`database: ${database.kind}, ${UNITS} units\n`);
  await time('first import');
  lines[5_001] = 'U5000;Renamed;U1';
  lines.push('NEW;New unit;U0');
  await time('re-import (1 renamed and moved, 1 new)');
  const started = performance.now();
  const tree = await app.inject({ method: 'GET', url, headers });
  process.stdout.write(`GET tree: ${tree.statusCode}, ${(tree.body.length / 1024).toFixed(0)} KiB in ${(performance.now() - started).toFixed(0)} ms\n`);
} finally {
  await app.close();
  await database.drop();
}
