import autocannon, { type Result } from 'autocannon';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startApi, startServerProcess, type ServerProcess } from './support/api-process';
import { fullAnswers } from './support/answers';
import { familyCpu, postmasterPid, processCpu } from './support/cpu';
import { failures, load, machine, table, type Row } from './support/load-report';
import { freePort, postgresAvailable, startPostgresCluster } from './support/postgres-cluster';
import { prepareSurvey } from './support/survey-setup';

/**
 * Submissions under load: `POST /api/v1/survey/:token/responses` on PostgreSQL 15, with an open link (one token,
 * every request a new submission id) and with personal links (one token per request, made beforehand), beside a
 * bare Fastify + pg single-row INSERT measured in the same run on the same cluster.
 * `pnpm --filter @socialsafety/api exec tsx bench/submissions.ts`; CONNECTIONS, SECONDS, FSYNC=off, MEASUREMENTS to change the load.
 */
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const SECONDS = Number(process.env.SECONDS ?? 15);
const DURABLE = process.env.FSYNC !== 'off';
// STATEMENTS=1: what PostgreSQL spent per statement in each run (pg_stat_statements), printed after it.
const STATEMENTS = Boolean(process.env.STATEMENTS);
// MEASUREMENTS=2: personal links of that many measurements, sent in turn, so that the measurement a personal link is
// for can rarely be guessed from the ones before it (services/recent-measurement.ts at its worst).
const MEASUREMENTS = Math.max(1, Number(process.env.MEASUREMENTS ?? 1));

if (!postgresAvailable()) {
  process.stdout.write('submissions: skipped, PostgreSQL 15 is not installed (apt-get install -y postgresql-15)\n');
  process.exit(0);
}

// Bodies are made beforehand so that the load generator, which shares the two cores, spends nothing on JSON.
const VARIANTS = 64;
const tails = Array.from({ length: VARIANTS }, (_, seed) => JSON.stringify({ language: 'nl', answers: fullAnswers(seed), demographics: {} }).slice(1));
let sequence = 0;
const nextBody = () => `{"submissionId":"${randomUUID()}",${tails[(sequence += 1) % VARIANTS]}`;

const logDir = mkdtempSync(path.join(os.tmpdir(), 'socialsafety-bench-'));
const cluster = await startPostgresCluster({
  durable: DURABLE,
  settings: STATEMENTS ? ['shared_preload_libraries=pg_stat_statements', 'track_io_timing=on', 'track_wal_io_timing=on'] : [],
});
const servers: ServerProcess[] = [];

function run(url: string, options: { seconds: number; body: () => string }): Promise<Result> {
  return autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: options.seconds,
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, body: options.body() }) }],
  });
}

async function sql<Row>(text: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    return (await client.query(text)).rows as Row[];
  } finally {
    await client.end();
  }
}

async function statements(): Promise<void> {
    const top = await sql<{ calls: string; rows: string; mean: number; total: number; query: string }>(
      `select calls, rows, mean_exec_time as mean, total_exec_time as total, left(regexp_replace(query, '\\s+', ' ', 'g'), 70) as query
       from pg_stat_statements order by total_exec_time desc limit 6`,
    );
    for (const s of top) process.stdout.write(`    ${s.calls} calls, ${s.rows} rows, mean ${s.mean.toFixed(2)} ms, total ${(s.total / 1000).toFixed(1)} s: ${s.query}\n`);
    const [wal] = await sql<{ wal_sync: string; wal_sync_time: number; wal_write: string }>('select wal_sync, wal_sync_time, wal_write from pg_stat_wal');
    if (wal) process.stdout.write(`    WAL: ${wal.wal_write} writes, ${wal.wal_sync} syncs, ${(wal.wal_sync_time / Number(wal.wal_sync || 1)).toFixed(2)} ms per sync\n`);
    // Using up a personal link should update its row in place (HOT): see migration 20261203000000.
    const [links] = await sql<{ updated: string; hot: string }>(
      "select n_tup_upd as updated, n_tup_hot_upd as hot from pg_stat_user_tables where relname = 'invitations'",
    );
    if (links) process.stdout.write(`    invitations so far: ${links.updated} rows updated, ${links.hot} of them in place (HOT)\n`);
}

async function count(table: string): Promise<number> {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    return Number((await client.query(`select count(*)::int as n from ${table}`)).rows[0].n);
  } finally {
    await client.end();
  }
}

try {
  const startedAt = new Date();
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  const version = (await client.query('show server_version')).rows[0].server_version as string;
  await client.end();

  const baseline = await startServerProcess({
    script: 'bench/baseline-server.ts',
    port: await freePort(),
    logFile: path.join(logDir, 'baseline.log'),
    env: { DATABASE_URL: cluster.url, DB_POOL_MAX: '10' },
  });
  servers.push(baseline);
  const api = await startApi({
    port: await freePort(),
    databaseUrl: cluster.url,
    logFile: path.join(logDir, 'api.log'),
    // PROFILE=1: a V8 CPU profile of the API process, for bench/profile-summary.ts.
    ...(process.env.PROFILE ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${logDir}`] } : {}),
  });
  servers.push(api);
  const survey = await prepareSurvey(api.url, 0);
  const baselineBody = () => `{${tails[(sequence += 1) % VARIANTS]!}`;
  const openUrl = `${api.url}/api/v1/survey/${survey.openToken}/responses`;

  process.stdout.write(`submissions: PostgreSQL ${version} (fsync ${DURABLE ? 'on' : 'off'}), ${CONNECTIONS} connections, ${SECONDS} s per run\n`);
  process.stdout.write(`machine: ${machine()}; load average before: ${load()}\n`);
  // Warm-up: JIT, pools and caches of both servers, not measured.
  await run(`${baseline.url}/responses`, { seconds: 3, body: baselineBody });
  await run(openUrl, { seconds: 3, body: nextBody });

  const rows: Row[] = [];
  const postmaster = postmasterPid(cluster.dataDir);
  // What the server process and PostgreSQL spent per request answered: steadier than req/s on a shared machine.
  const costed = async (label: string, server: ServerProcess, drive: () => Promise<Result>) => {
    if (STATEMENTS) await sql("select pg_stat_statements_reset(); select pg_stat_reset_shared('wal')");
    const before = { server: processCpu(server.pid), database: familyCpu(postmaster) };
    const result = await drive();
    const requests = Math.max(1, result.requests.total);
    const cpu = {
      server: ((processCpu(server.pid) - before.server) * 1000) / requests,
      database: ((familyCpu(postmaster) - before.database) * 1000) / requests,
    };
    rows.push({ label, result, cpu });
    process.stdout.write(
      `  ${label}: ${result.requests.average.toFixed(0)} req/s, p99 ${result.latency.p99} ms, CPU per request ${cpu.server.toFixed(2)} ms server + ${cpu.database.toFixed(2)} ms PostgreSQL\n`,
    );
    if (STATEMENTS) await statements();
    return result;
  };
  const measure = (label: string, server: ServerProcess, url: string, body: () => string) =>
    costed(label, server, () => run(url, { seconds: SECONDS, body }));
  if (STATEMENTS) await sql('create extension if not exists pg_stat_statements');
  const base1 = await measure('baseline: Fastify + pg INSERT', baseline, `${baseline.url}/responses`, baselineBody);
  const responsesBefore = await count('responses');
  const open = await measure('API, open link', api, openUrl, nextBody);
  const stored = (await count('responses')) - responsesBefore;

  // Personal links are single-use: make enough for the measured rate, with a margin.
  const needed = Math.ceil(open.requests.average * SECONDS * 1.6) + 1_000;
  const lists: string[][] = [];
  for (let m = 0; m < MEASUREMENTS; m += 1) lists.push((await prepareSurvey(api.url, Math.ceil(needed / MEASUREMENTS))).personalTokens);
  const personal = lists[0]!.flatMap((_, i) => lists.map((list) => list[i]!));
  let next = 0;
  const personalBody = () => nextBody();
  const personalLabel = MEASUREMENTS > 1 ? `API, personal links (${MEASUREMENTS} measurements in turn)` : 'API, personal links';
  await costed(personalLabel, api, () => new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: api.url,
        method: 'POST',
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (request) => {
              const token = personal[next];
              next += 1;
              if (token === undefined) instance.stop();
              return { ...request, path: `/api/v1/survey/${token ?? 'exhausted'}/responses`, body: personalBody() };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  }));
  const base2 = await measure('baseline again', baseline, `${baseline.url}/responses`, baselineBody);
  // Not a target: shows how much of the gap is the number of round trips rather than the work in them.
  await measure('baseline, 9 round trips', baseline, `${baseline.url}/responses/nine-round-trips`, baselineBody);

  // The faster baseline run is the reference: the ratio is then the less flattering one.
  const reference = base1.requests.average >= base2.requests.average ? base1 : base2;
  process.stdout.write(`\n${table(rows, reference)}\n\n`);
  process.stdout.write(`load average after: ${load()}; started ${startedAt.toISOString()}\n`);
  // Requests still in flight when a run stops are stored but not counted by autocannon: at most one per connection.
  const consistent = stored >= open['2xx'] && stored - open['2xx'] <= CONNECTIONS;
  process.stdout.write(`open link: ${open['2xx']} answered 2xx, ${stored} responses stored (${consistent ? 'consistent' : 'INCONSISTENT'})\n`);
  for (const { label, result } of rows.filter((r) => r.label.startsWith('API'))) {
    const ratio = result.requests.average / reference.requests.average;
    const verdict = [
      `ratio ${ratio.toFixed(2)} ${ratio >= 0.6 ? '>=' : '<'} 0.6`,
      `p99 ${result.latency.p99} ms ${result.latency.p99 < 100 ? '<' : '>='} 100`,
      `${failures(result)} errors`,
    ];
    const met = ratio >= 0.6 && result.latency.p99 < 100 && failures(result) === 0;
    process.stdout.write(`${label}: target ${met ? 'met' : 'MISSED'} (${verdict.join(', ')})\n`);
  }
  if (!consistent) process.exitCode = 1;
  process.stdout.write(`server logs: ${logDir}\n`);
} finally {
  for (const server of servers) await server.kill('SIGTERM');
  cluster.destroy();
}
