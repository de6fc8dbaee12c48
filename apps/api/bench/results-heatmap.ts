import { findResponseScale, itemsInOrder, socialSafety_1_0_0, type Answers } from '@socialsafety/instrument';
import { createTestDatabase } from '@socialsafety/testkit';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { seededRandom } from '../src/demo/random';

/**
 * Issue 8's target: the heatmap endpoint at p95 < 50 ms for a 200-unit measurement with 50,000 responses. Builds the
 * measurement through the API (organisation, 200-unit tree, open), writes the responses straight into `responses`
 * (as the survey service would), closes it through the API (which computes, audits and stores the published set:
 * timed too), then requests the heatmap over real HTTP, one request at a time, with varying roots and metrics.
 * Embedded database by default; DATABASE_URL=postgres://… for PostgreSQL.
 * `pnpm --filter @socialsafety/api exec tsx bench/results-heatmap.ts [responses] [requests]`
 */
const RESPONSES = Number(process.argv[2] ?? 50_000);
const REQUESTS = Number(process.argv[3] ?? 400);
const UNITS = 200;
const admin = { email: 'bench@example.test', password: 'bench-password-123' };


const scaled = itemsInOrder(socialSafety_1_0_0).flatMap((item) =>
  !item.condition && 'responseScaleId' in item
    ? [{ id: item.id, values: findResponseScale(socialSafety_1_0_0, item.responseScaleId)!.options.map((o) => o.value), behaviour: item.behaviour !== undefined }]
    : [],
);

function answers(rng: () => number, unitEffect: number): Answers {
  const out: Record<string, number> = {};
  for (const item of scaled) {
    if (item.behaviour) {
      out[item.id] = rng() < 0.85 ? 0 : 1 + Math.floor(rng() * (item.values.length - 1));
      continue;
    }
    const position = Math.min(item.values.length - 1, Math.max(0, Math.round((rng() + unitEffect) * (item.values.length - 1))));
    out[item.id] = item.values[position]!;
  }
  return out;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

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
  const org = (await app.inject({ method: 'POST', url: '/api/v1/organisations', headers, payload: { name: 'Bench' } })).json().id as string;
  await app.inject({ method: 'POST', url: `/api/v1/organisations/${org}/grants`, headers, payload: { email: admin.email, role: 'org_admin' } });

  // 1 organisation, 9 divisions, 190 teams: 200 units, depth 3.
  const lines = ['code;name;parent_code', 'ORG;Organisation;'];
  for (let d = 0; d < 9; d++) lines.push(`D${d};Division ${d};ORG`);
  for (let t = 0; t < UNITS - 10; t++) lines.push(`T${t};Team ${t};D${t % 9}`);
  await app.inject({ method: 'PUT', url: `/api/v1/organisations/${org}/units`, headers: { ...headers, 'content-type': 'text/csv' }, payload: lines.join('\n') });
  const today = new Date().toISOString().slice(0, 10);
  const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const created = await app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${org}/measurements`,
    headers,
    payload: { title: 'Bench', questionnaire: { key: 'social-safety', version: '1.0.0' }, opensAt: today, closesAt: later, demographics: ['age_band', 'tenure_band', 'gender'] },
  });
  const id = created.json().id as string;
  await app.inject({ method: 'POST', url: `/api/v1/measurements/${id}/open`, headers });
  const teams = (await app.db.selectFrom('measurement_units').select(['id', 'code']).where('measurement_id', '=', id).execute()).filter((u) => u.code.startsWith('T'));
  const version = await app.db.selectFrom('measurements').select('questionnaire_version_id').where('id', '=', id).executeTakeFirstOrThrow();

  const source = seededRandom(42);
  const rng = () => source.next();
  const effects = teams.map(() => (rng() - 0.5) * 0.4);
  // Team sizes vary: a few large teams, many small ones (some below k, so suppression has work to do).
  const weights = teams.map(() => rng() ** 3);
  const total = weights.reduce((a, b) => a + b, 0);
  let written = 0;
  const started = performance.now();
  while (written < RESPONSES) {
    const batch = [];
    for (let i = 0; i < 1000 && written < RESPONSES; i++, written++) {
      let pick = rng() * total;
      let team = 0;
      while (team < teams.length - 1 && (pick -= weights[team]!) > 0) team++;
      batch.push({
        measurement_id: id,
        measurement_unit_id: teams[team]!.id,
        questionnaire_version_id: version.questionnaire_version_id,
        language: 'nl',
        answers: JSON.stringify(answers(rng, effects[team]!)),
        demographics: JSON.stringify({ age_band: 1 + Math.floor(rng() * 4), tenure_band: 1 + Math.floor(rng() * 4), gender: 1 + Math.floor(rng() * 3) }),
        submission_hash: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('hex'),
        submitted_on: today,
      });
    }
    await app.db.insertInto('responses').values(batch).execute();
  }
  process.stdout.write(`database: ${database.kind}; ${RESPONSES} responses written in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

  const closeStarted = performance.now();
  const closed = await app.inject({ method: 'POST', url: `/api/v1/measurements/${id}/close`, headers });
  if (closed.statusCode !== 200) throw new Error(`close: ${closed.statusCode} ${closed.body}`);
  process.stdout.write(`close (score, suppress, audit, store): ${((performance.now() - closeStarted) / 1000).toFixed(1)} s\n`);

  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const divisions = (await app.db.selectFrom('measurement_units').select('id').where('measurement_id', '=', id).where('code', 'like', 'D%').execute()).map((u) => u.id);
  const metrics = ['mean', 'favourable', 'vsOrganisation', 'vsBenchmark'];
  const urlOf = (i: number) =>
    i % 2 === 0
      ? `${base}/api/v1/measurements/${id}/results/heatmap?depth=2&metric=${metrics[i % 4]}&lang=nl`
      : `${base}/api/v1/measurements/${id}/results/heatmap?root=${divisions[i % divisions.length]}&depth=1&metric=${metrics[i % 4]}&lang=en`;
  let bytes = 0;
  for (let i = 0; i < 20; i++) await (await fetch(urlOf(i), { headers: { cookie } })).text();
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    const res = await fetch(urlOf(i), { headers: { cookie } });
    const body = await res.text();
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`heatmap: ${res.status} ${body}`);
    if (i === 0) bytes = body.length;
  }
  times.sort((a, b) => a - b);
  process.stdout.write(
    `heatmap (200 units x ${((await (await fetch(urlOf(0), { headers: { cookie } })).json()) as { columns: unknown[] }).columns.length} scales, full tree ${bytes} bytes), ${REQUESTS} sequential requests: ` +
      `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms\n`,
  );
  process.stdout.write(`machine: ${os.cpus().length} cores ${os.cpus()[0]?.model ?? ''}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, node ${process.version}\n`);
} finally {
  await app.close();
  await database.drop();
}
