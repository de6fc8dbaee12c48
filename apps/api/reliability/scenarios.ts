import path from 'node:path';
import { startApi, type ServerProcess } from '../bench/support/api-process';
import type { PostgresCluster } from '../bench/support/postgres-cluster';
import { prepareSurvey, type SurveyFixture } from '../bench/support/survey-setup';
import { outcomes, resend, runLoad, type Submission } from './respondents';
import { verifyStored, type Check } from './verify';

export interface Context {
  cluster: PostgresCluster;
  api: ServerProcess;
  port: number;
  logDir: string;
  /** New submissions per second. */
  rate: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Half of the respondents use the open link, half a personal link of their own. */
function alternating(fixture: SurveyFixture) {
  let i = 0;
  return () => {
    i += 1;
    if (i % 2 === 0) return { token: fixture.openToken, personal: false };
    const token = fixture.personalTokens[i >> 1];
    if (token === undefined) throw new Error('not enough personal links prepared');
    return { token, personal: true };
  };
}

async function prepared(ctx: Context, seconds: number) {
  return prepareSurvey(ctx.api.url, Math.ceil((ctx.rate * seconds) / 2) + 10);
}

function latencies(submissions: Submission[]) {
  const ms = submissions.flatMap((s) => s.attempts.map((a) => a.endedAt - a.startedAt)).sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0;
  return `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${ms.at(-1) ?? 0} ms`;
}

const summary = (counts: object) => JSON.stringify(counts).replaceAll('"', '');

/** (a) The target rate for 30 s: every attempt a 201, every 201 exactly one stored response. */
export async function steadyLoad(ctx: Context, seconds = 30): Promise<Check[]> {
  const fixture = await prepared(ctx, seconds);
  const submissions = await runLoad({ baseUrl: ctx.api.url, rate: ctx.rate, seconds, nextLink: alternating(fixture) });
  const counts = outcomes(submissions);
  return [
    {
      name: `${ctx.rate}/s for ${seconds} s answered 201 at the first attempt`,
      ok: counts['201'] === submissions.length && Object.keys(counts).length === 1,
      detail: `${submissions.length} submissions; attempts ${summary(counts)}; ${latencies(submissions)}`,
    },
    ...(await verifyStored(ctx.cluster.url, fixture.measurementId, submissions)),
  ];
}

/** (b) SIGKILL of the API mid-load, restarted on the same port; respondents retry with the same submission id. */
export async function killedApi(ctx: Context, seconds = 20, killAfterSeconds = 6): Promise<Check[]> {
  const fixture = await prepared(ctx, seconds);
  const load = runLoad({ baseUrl: ctx.api.url, rate: ctx.rate, seconds, nextLink: alternating(fixture) });
  await sleep(killAfterSeconds * 1000);
  const killedAt = Date.now();
  await ctx.api.kill('SIGKILL');
  ctx.api = await startApi({ port: ctx.port, databaseUrl: ctx.cluster.url, logFile: path.join(ctx.logDir, 'api.log') });
  const backAt = Date.now();
  const submissions = await load;
  const around = outcomes(submissions, killedAt, backAt);
  const retriedAfterKill = submissions.filter((s) => s.attempts.some((a) => a.outcome === 'network' || a.outcome === 'timeout'));
  const answeredAsRetry = retriedAfterKill.filter((s) => s.attempts.at(-1)?.outcome === '200').length;
  const counts = outcomes(submissions);
  // The retries that matter most, of submissions whose connection the kill cut, and a sample of all the others.
  const again = await resend(ctx.api.url, [...retriedAfterKill, ...submissions.filter((_, i) => i % 20 === 0)].filter((s) => s.receipt !== undefined));
  return [
    {
      name: 'the API came back and every respondent was acknowledged',
      ok: submissions.every((s) => s.receipt !== undefined) && !counts['500'] && !counts['other-5xx'] && !counts['other-4xx'],
      detail:
        `restart took ${((backAt - killedAt) / 1000).toFixed(1)} s; attempts while down ${summary(around)}; ` +
        `${retriedAfterKill.length} submissions retried after a lost connection, ${answeredAsRetry} of them answered 200 ` +
        `(stored before the kill); all attempts ${summary(counts)}`,
    },
    {
      name: 'sent again with the same submission id, an acknowledged submission is answered 200 with its receipt',
      ok: again.sameReceipt === again.sent,
      detail: `${again.sameReceipt} of ${again.sent} answered 200 with the same receipt`,
    },
    ...(await verifyStored(ctx.cluster.url, fixture.measurementId, submissions)),
  ];
}

/** (c) PostgreSQL stopped (fast shutdown) mid-load and started again after `downSeconds`. */
export async function restartedDatabase(ctx: Context, seconds = 24, stopAfterSeconds = 6, downSeconds = 4): Promise<Check[]> {
  const fixture = await prepared(ctx, seconds);
  const load = runLoad({ baseUrl: ctx.api.url, rate: ctx.rate, seconds, nextLink: alternating(fixture) });
  await sleep(stopAfterSeconds * 1000);
  const stopping = Date.now();
  await ctx.cluster.stop();
  // Between "down" and "starting" no session can exist: every attempt must be a 503.
  const downAt = Date.now();
  await sleep(downSeconds * 1000);
  const startingAt = Date.now();
  await ctx.cluster.start();
  const upAt = Date.now();
  const submissions = await load;
  const attempts = submissions.flatMap((s) => s.attempts);
  const during = attempts.filter((a) => a.startedAt >= downAt && a.startedAt < startingAt);
  const slowest = Math.max(0, ...during.map((a) => a.endedAt - a.startedAt));
  const firstSuccess = Math.min(...attempts.filter((a) => a.startedAt >= upAt && (a.outcome === '201' || a.outcome === '200')).map((a) => a.endedAt));
  const recoverySeconds = (firstSuccess - upAt) / 1000;
  const failingLate = attempts.filter((a) => a.startedAt >= upAt + 5_000 && a.outcome !== '201' && a.outcome !== '200').length;
  const counts = outcomes(submissions);
  const duringCounts = outcomes(submissions, downAt, startingAt);
  const transitions = `stop took ${downAt - stopping} ms (attempts ${summary(outcomes(submissions, stopping, downAt))}), start ${upAt - startingAt} ms`;
  return [
    {
      name: 'while the database is down the API answers 503, quickly, and never 500',
      ok: (duringCounts['503'] ?? 0) > 0 && Object.keys(duringCounts).every((o) => o === '503') && slowest < 5_000 && !counts['500'],
      detail: `attempts while down (${downSeconds} s) ${summary(duringCounts)}, slowest answer ${slowest} ms; ${transitions}; all attempts ${summary(counts)}`,
    },
    {
      name: 'the API recovers within 5 s of the database being back',
      ok: Number.isFinite(recoverySeconds) && recoverySeconds <= 5 && failingLate === 0,
      detail: `first success ${Number.isFinite(recoverySeconds) ? recoverySeconds.toFixed(2) + ' s' : 'never'} after start; ${failingLate} failures later than 5 s`,
    },
    ...(await verifyStored(ctx.cluster.url, fixture.measurementId, submissions)),
  ];
}
