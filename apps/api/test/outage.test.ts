import { openConnection, type DatabaseConnection } from '@socialsafety/db';
import { createTestDatabase, type TestDatabase } from '@socialsafety/testkit';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helper';
import { LONG_SESSIONS, makeLinks, submit, TestClock } from './measurement-fixtures';
import { DatabaseRelay } from './outage-proxy';
import { surveyWorld, VALID, type SurveyWorld } from './survey-fixtures';

/**
 * The database going away under a running app (a restart, a failover): requests get 503 with Retry-After, not a
 * 500 and not a hang, the process survives, and once the database is back the same requests succeed. The app talks
 * to the real database (PGlite, or PostgreSQL with DATABASE_URL) through a relay the test cuts.
 */
let upstream: TestDatabase;
let embedded: DatabaseConnection | undefined;
let relay: DatabaseRelay;
let t: TestApp;
let w: SurveyWorld;
let token: string;
const clock = new TestClock();

/** Lets the test cut the connection while a transaction of the route below is between two statements. */
let midTransaction: { reached: () => void; proceed: Promise<void> } | undefined;

beforeAll(async () => {
  upstream = await createTestDatabase();
  let url: URL;
  if (upstream.databaseUrl) {
    url = new URL(upstream.databaseUrl);
  } else {
    embedded = await openConnection({ dataDir: 'memory://', poolMax: 1, connectionTimeoutMs: 5_000, queryTimeoutMs: 30_000 });
    const c = embedded.poolConfig;
    url = new URL(`postgres://${c.user}:${c.password}@${c.host}:${c.port}/${c.database}`);
  }
  relay = new DatabaseRelay(url.hostname, Number(url.port));
  await relay.start();
  url.hostname = '127.0.0.1';
  url.port = String(relay.port);
  t = await startTestApp(
    (app) => {
      app.post('/api/v1/test/transaction', { config: { access: 'public' } }, async () => {
        await app.db.transaction().execute(async (trx) => {
          await sql`select 1`.execute(trx);
          midTransaction?.reached();
          await midTransaction?.proceed;
          await sql`select 1`.execute(trx);
        });
        return { done: true };
      });
    },
    // One connection: the embedded server must not interleave connections (see packages/db), and one connection is
    // also the hardest case, as every request then depends on the pool replacing it.
    { ...LONG_SESSIONS, DATABASE_URL: url.toString(), DB_POOL_MAX: '1', DB_CONNECTION_TIMEOUT_MS: '2000', SURVEY_LIMIT_PER_MINUTE: '100000' },
    { now: clock.now },
  );
  w = await surveyWorld(t.app, clock);
  token = (await makeLinks(t.app, w.admin, w.open, 'NORTH', 1, 'open'))[0]!;
});

afterAll(async () => {
  await relay?.restore();
  await t?.close();
  await embedded?.close();
  await upstream?.drop();
});

/** Retries while the pool reconnects; bounded by the test timeout, never timed. */
async function once(ok: () => Promise<boolean>) {
  while (!(await ok())) await new Promise((r) => setTimeout(r, 50));
}

describe('while the database is unreachable', () => {
  it('answers 503 with Retry-After instead of 500, and the same submission succeeds once it is back', async () => {
    const body = { submissionId: crypto.randomUUID(), answers: VALID(w.requiredItem) };
    await relay.cut();

    const submitted = await submit(t.app, token, body);
    expect(submitted.statusCode, submitted.body).toBe(503);
    expect(submitted.headers['retry-after']).toBe('2');
    expect(submitted.json()).toEqual({ error: { code: 'UNAVAILABLE', message: expect.stringMatching(/try again/) } });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/survey/${token}` })).statusCode).toBe(503);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: w.admin.headers })).statusCode).toBe(503);
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(503);

    await relay.restore();
    await once(async () => (await t.app.inject({ method: 'GET', url: '/health' })).statusCode === 200);
    const retried = await submit(t.app, token, body);
    expect(retried.statusCode, retried.body).toBe(201);
    expect((await submit(t.app, token, body)).statusCode).toBe(200);
  });

  it('fails a transaction that lost its connection between two statements with 503, and the process carries on', async () => {
    let reached!: () => void;
    const atFirstStatement = new Promise<void>((resolve) => (reached = resolve));
    let proceed!: () => void;
    midTransaction = { reached, proceed: new Promise<void>((resolve) => (proceed = resolve)) };

    const pending = t.app.inject({ method: 'POST', url: '/api/v1/test/transaction' });
    await atFirstStatement;
    // The connection is lent to the transaction and idle: without a listener on it, its 'error' would end Node.
    await relay.cut();
    await new Promise((r) => setTimeout(r, 100));
    proceed();
    const res = await pending;
    midTransaction = undefined;
    expect(res.statusCode, res.body).toBe(503);
    expect(res.json().error.code).toBe('UNAVAILABLE');

    await relay.restore();
    await once(async () => (await t.app.inject({ method: 'GET', url: '/health' })).statusCode === 200);
    const after = await t.app.inject({ method: 'POST', url: '/api/v1/test/transaction' });
    expect(after.statusCode, after.body).toBe(200);
  });
});
