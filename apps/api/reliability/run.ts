import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApi } from '../bench/support/api-process';
import { freePort, postgresAvailable, startPostgresCluster } from '../bench/support/postgres-cluster';
import { killedApi, restartedDatabase, steadyLoad, type Context } from './scenarios';
import type { Check } from './verify';

/**
 * `pnpm reliability`: the API as a real process on a throwaway PostgreSQL 15 cluster (fsync on), under an open-loop
 * load of respondents who retry like the web app, through (a) a steady load, (b) a SIGKILL of the API and (c) a
 * restart of PostgreSQL. Prints every check and ends with `Reliability: N passed, N failed`; exits 1 on a failure.
 * RELIABILITY_RATE sets the submissions per second (default 50); RELIABILITY_ONLY=a,c runs some scenarios only.
 */
const RATE = Number(process.env.RELIABILITY_RATE ?? 50);
const ONLY = process.env.RELIABILITY_ONLY?.split(',');

if (!postgresAvailable()) {
  process.stderr.write('reliability: PostgreSQL 15 is needed (apt-get install -y postgresql-15)\n');
  process.exit(1);
}

const logDir = mkdtempSync(path.join(os.tmpdir(), 'socialsafety-reliability-'));
const cluster = await startPostgresCluster({ durable: true });
const port = await freePort();
const ctx: Context = {
  cluster,
  port,
  logDir,
  rate: RATE,
  api: await startApi({ port, databaseUrl: cluster.url, logFile: path.join(logDir, 'api.log') }),
};

let passed = 0;
let failed = 0;
const scenarios = (
  [
    ['a', '(a) steady load', () => steadyLoad(ctx)],
    ['b', '(b) API killed with SIGKILL and restarted', () => killedApi(ctx)],
    ['c', '(c) PostgreSQL restarted', () => restartedDatabase(ctx)],
  ] satisfies [string, string, () => Promise<Check[]>][]
).filter(([key]) => !ONLY || ONLY.includes(key));
try {
  for (const [, title, scenario] of scenarios) {
    process.stdout.write(`\n${title}\n`);
    let checks: Check[];
    try {
      checks = await scenario();
    } catch (error) {
      checks = [{ name: 'scenario ran to the end', ok: false, detail: error instanceof Error ? error.message : String(error) }];
    }
    for (const check of checks) {
      if (check.ok) passed += 1;
      else failed += 1;
      process.stdout.write(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}\n`);
    }
  }
} finally {
  await ctx.api.kill('SIGTERM');
  cluster.destroy();
}
process.stdout.write(`\nAPI log: ${path.join(logDir, 'api.log')}\nReliability: ${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
