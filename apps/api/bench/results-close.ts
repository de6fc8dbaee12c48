import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { BENCH_ADMIN, startApi } from './support/api-process';
import { writeResponses } from './support/bulk-responses';
import { call } from './support/survey-setup';
import { load, machine } from './support/load-report';
import { freePort, postgresAvailable, startPostgresCluster } from './support/postgres-cluster';

/**
 * Closing a measurement through the real API at 10k / 100k / 1M responses: what the close request costs in time and
 * in the API process's memory. Per size, a throwaway PostgreSQL 15 cluster (fsync on) and the API as its own process
 * (`src/server.ts`, as production runs it); through HTTP an organisation with a 1,000-unit tree of depth 4
 * (9 x 10 x 10), a measurement of the built-in questionnaire with 3 demographics, opened; the responses written
 * straight into `responses` (INSERT ... SELECT, see support/bulk-responses.ts); then `POST .../close`, timed. The API's
 * peak RSS is the kernel's high-water mark (VmHWM in /proc/<pid>/status) read after the close, beside its RSS
 * before it; the split of the close comes from the API's own "results published" log line.
 *
 * `pnpm --filter @socialsafety/api exec tsx bench/results-close.ts [10k] [100k] [1m]` (default: 10k 100k)
 */
const sizes = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['10k', '100k']).map((arg) => {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(arg);
  if (!match) throw new Error(`size '${arg}': use a number, or 10k, 100k, 1m`);
  return Math.round(Number(match[1]) * { '': 1, k: 1_000, m: 1_000_000 }[match[2]!.toLowerCase() as '' | 'k' | 'm']);
});

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A POST without a client-side time limit (fetch gives up on headers after 300 s; a close of 1M may take longer). */
function postWithoutLimit(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** VmRSS and VmHWM of a process, in MB. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

interface Split {
  responses: number;
  readMs: number;
  computeMs: number;
  auditMs: number;
  storeMs: number;
}

/** The API's own account of where the close went (a pino line per published set). */
function splitFromLog(logFile: string, measurementId: string): Split | null {
  for (const line of readFileSync(logFile, 'utf8').split('\n').reverse()) {
    if (!line.includes('"results published"') || !line.includes(measurementId)) continue;
    return JSON.parse(line) as Split;
  }
  return null;
}

async function run(count: number, work: string) {
  const cluster = await startPostgresCluster({ durable: true });
  const logFile = path.join(work, `api-${count}.log`);
  // A close of a large measurement runs long single statements (the shuffle of its responses): an operator raises
  // the per-query limit for it, as this does.
  const api = await startApi({ port: await freePort(), databaseUrl: cluster.url, logFile, env: { DB_QUERY_TIMEOUT_MS: '3600000' } });
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    const login = await call(api.url, 'POST', '/api/v1/auth/login', {}, BENCH_ADMIN);
    const cookie = login.res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const headers = { cookie, 'x-csrf-token': String(login.json.csrfToken) };
    const org = await call(api.url, 'POST', '/api/v1/organisations', headers, { name: `Close ${count}` });
    // 1 organisation, 9 divisions, 90 departments, 900 teams: 1,000 units, depth 4.
    const units: { code: string; name: string; parentCode: string | null }[] = [{ code: 'ORG', name: 'Organisation', parentCode: null }];
    for (let d = 0; d < 9; d++) {
      units.push({ code: `D${d}`, name: `Division ${d}`, parentCode: 'ORG' });
      for (let p = 0; p < 10; p++) {
        units.push({ code: `D${d}P${p}`, name: `Department ${d}.${p}`, parentCode: `D${d}` });
        for (let t = 0; t < 10; t++) units.push({ code: `D${d}P${p}T${t}`, name: `Team ${d}.${p}.${t}`, parentCode: `D${d}P${p}` });
      }
    }
    await call(api.url, 'PUT', `/api/v1/organisations/${org.json.id}/units`, headers, units);
    const created = await call(api.url, 'POST', `/api/v1/organisations/${org.json.id}/measurements`, headers, {
      title: 'Close',
      questionnaire: { key: 'social-safety', version: '1.0.0' },
      opensAt: day(-1),
      closesAt: day(30),
      demographics: ['age_band', 'tenure_band', 'gender'],
    });
    const id = String(created.json.id);
    await call(api.url, 'POST', `/api/v1/measurements/${id}/open`, headers);

    const frozen = await client.query<{ id: string; code: string }>('select id, code from measurement_units where measurement_id = $1', [id]);
    const version = await client.query<{ v: string }>('select questionnaire_version_id as v from measurements where id = $1', [id]);
    // Teams first (most respondents), then departments: people attached directly to a parent unit are few.
    const rank = (code: string) => (/T\d$/.test(code) ? 0 : /P\d$/.test(code) ? 1 : 2);
    const unitIds = frozen.rows
      .filter((u) => u.code !== 'ORG' && !/^D\d$/.test(u.code))
      .sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code))
      .map((u) => u.id);
    const writing = performance.now();
    await writeResponses(client, {
      measurementId: id,
      versionId: version.rows[0]!.v,
      unitIds,
      count,
      distinctAnswers: Math.min(count, 20_000),
      onBatch: (written) => process.stderr.write(`  ${written} responses written (${((performance.now() - writing) / 1000).toFixed(0)} s)\n`),
    });
    const written = (performance.now() - writing) / 1000;
    const size = await client.query<{ size: string }>("select pg_size_pretty(pg_total_relation_size('responses')) as size");

    const before = memoryOf(api.pid);
    const loadBefore = load();
    const started = performance.now();
    const closed = await postWithoutLimit(`${api.url}/api/v1/measurements/${id}/close`, headers);
    const seconds = (performance.now() - started) / 1000;
    if (closed.status !== 200) throw new Error(`close: ${closed.status} ${closed.body}`);
    const after = memoryOf(api.pid);
    const split = splitFromLog(logFile, id);
    const stored = await client.query<{ n: string }>("select (audit->>'responses') as n from measurement_results where measurement_id = $1", [id]);
    if (Number(stored.rows[0]?.n) !== count) throw new Error(`the stored set counts ${stored.rows[0]?.n} responses, not ${count}`);
    return { count, written, table: size.rows[0]!.size, seconds, before, after, split, loadBefore, loadAfter: load() };
  } finally {
    await client.end();
    await api.kill('SIGTERM');
    cluster.destroy();
  }
}

if (!postgresAvailable()) throw new Error('PostgreSQL 15 binaries not found (PGBIN)');
const work = mkdtempSync(path.join(os.tmpdir(), 'socialsafety-close-'));
const rows: string[] = [];
const s = (ms: number | undefined) => (ms === undefined ? '?' : (ms / 1000).toFixed(1));
try {
  process.stdout.write(`machine: ${machine()}; ${new Date().toISOString()}\n`);
  for (const count of sizes) {
    const r = await run(count, work);
    const other = r.split ? r.seconds * 1000 - r.split.readMs - r.split.computeMs - r.split.auditMs - r.split.storeMs : undefined;
    rows.push(
      `| ${r.count.toLocaleString('en')} | ${r.seconds.toFixed(1)} s | ${r.before.rss.toFixed(0)} MB | ${r.after.hwm.toFixed(0)} MB | ` +
        `${s(r.split?.readMs)} / ${s(r.split?.computeMs)} / ${s(r.split?.auditMs)} / ${s(r.split?.storeMs)} / ${s(other)} s | ${r.table} | ${r.loadBefore} -> ${r.loadAfter} |`,
    );
    process.stdout.write(`${r.count} responses written in ${r.written.toFixed(0)} s; closed in ${r.seconds.toFixed(1)} s\n`);
  }
  process.stdout.write(
    [
      '',
      '| responses | close (HTTP) | API RSS before | API peak RSS (VmHWM) | read / compute / audit / store / rest of the transaction | responses table | load (1, 5, 15 min) |',
      '|---|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
