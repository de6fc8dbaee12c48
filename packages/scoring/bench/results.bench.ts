/*
 * Results at close: score every response, sum over the unit tree and demographic categories, and apply disclosure
 * control per family, for 10k and 100k responses (and 1M with `1m`) on a 1,000-unit tree of depth 4 with 3
 * demographic cuts, using the built-in questionnaire (142 items, 24 scales).
 *
 * Each size runs in a fresh Node process, because the API computes a measurement's results once, with cold code
 * (the first run), and a process that already scored a smaller measurement would flatter the next. The later runs
 * of the same size show the warm figure. Answers pass through JSON with their keys in the order PostgreSQL's jsonb
 * returns them (by length, then bytewise), as the API reads them. Prints wall and CPU time, the whole process's
 * peak RSS (getrusage, so it includes this benchmark's own response pool) and the load average around each size:
 * other work on the machine slows every figure. Asserts nothing. Figures are recorded in docs/performance.md.
 *
 * Run: pnpm --filter @socialsafety/scoring exec tsx bench/results.bench.ts [1m] [noaudit]
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { socialSafety_1_0_0, type Answers } from '@socialsafety/instrument';
import { answerOrder } from '../src/respondent';
import {
  auditPublishedResults,
  computeMeasurementResults,
  type ListedMeasurementResponse,
  type MeasurementResponse,
  type PublishedResults,
} from '../src/results';
import { seeded, syntheticResponseSource, syntheticTree } from '../src/results/testing/synthetic';

const sizeArgument = process.argv.indexOf('--size');
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
type Form = 'objects' | 'lists';

if (sizeArgument < 0) {
  const sizes = [10_000, 100_000, ...(process.argv.includes('1m') ? [1_000_000] : [])];
  for (const size of sizes) {
    for (const form of ['objects', 'lists'] as const) {
      console.log(`load average before ${size.toLocaleString('en')} (${form}): ${load()}`);
      const child = spawnSync(
        process.execPath,
        [...process.execArgv, fileURLToPath(import.meta.url), '--size', String(size), '--form', form, ...process.argv.slice(2)],
        { stdio: 'inherit' },
      );
      if (child.status !== 0) process.exit(child.status ?? 1);
    }
  }
  console.log(`load average after: ${load()}`);
} else {
  const form = process.argv[process.argv.indexOf('--form') + 1] === 'lists' ? 'lists' : 'objects';
  measure(Number(process.argv[sizeArgument + 1]), form);
}

/** Keys in PostgreSQL jsonb order: shorter keys first, then bytewise. */
function jsonbOrder(answers: Answers): Answers {
  const keys = Object.keys(answers).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, answers[key]])) as Answers;
}

function measure(size: number, form: Form): void {
  const units = syntheticTree([9, 10, 10]); // 1 + 9 + 90 + 900 = 1,000 units, depth 4
  // Responses reach the scoring engine as a stream. A pool of 20,000 generated respondents is cycled with fresh unit
  // assignments, so the stream is as varied as scoring needs without holding a million objects in memory or timing
  // the generator.
  const random = seeded(size);
  const next = syntheticResponseSource(socialSafety_1_0_0, units, random, { skipRate: 0.03, behaviourRate: 0.15 });
  // As the database hands answers over: jsonb objects (keys in jsonb order), or lists in answer order with nulls
  // (ListedMeasurementResponse, what `jsonb_agg(answers -> id ORDER BY n)` over answerOrder() returns).
  const order = answerOrder(socialSafety_1_0_0);
  const pool = Array.from({ length: Math.min(size, 20_000) }, () => {
    const { unitId, answers, demographics } = next();
    const stored = form === 'lists' ? { answerList: order.map((id) => answers[id] ?? null), demographics } : { answers: jsonbOrder(answers), demographics };
    return { unitId, ...(JSON.parse(JSON.stringify(stored)) as Omit<MeasurementResponse, 'unitId'> | Omit<ListedMeasurementResponse, 'unitId'>) };
  });
  const unitIds = units.map((u) => u.id);
  const assigned = Array.from({ length: size }, (_, i) => (i < pool.length ? (pool[i]?.unitId as string) : (unitIds[Math.floor(random() * unitIds.length)] as string)));
  const responses: Iterable<MeasurementResponse | ListedMeasurementResponse> = {
    *[Symbol.iterator]() {
      for (let i = 0; i < size; i++) {
        const from = pool[i % pool.length] as (typeof pool)[number];
        yield { ...from, unitId: assigned[i] as string };
      }
    },
  };
  const rssBefore = process.memoryUsage.rss();
  const runs = size >= 1_000_000 ? 1 : 3;
  const times: string[] = [];
  let firstPeak = 0;
  let published = 0;
  let last: PublishedResults | null = null;
  for (let run = 0; run < runs; run++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const results = computeMeasurementResults({
      definition: socialSafety_1_0_0,
      units,
      responses,
      k: 5,
      kSensitive: 10,
      demographicIds: ['age_band', 'gender', 'tenure_band'],
    });
    const wall = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    times.push(`${wall.toFixed(2)} s (CPU ${((used.user + used.system) / 1e6).toFixed(2)} s)`);
    // The first run is the one a closing measurement pays for; later runs add their own garbage to the peak.
    if (run === 0) firstPeak = process.resourceUsage().maxRSS * 1024;
    published = results.units.filter((u) => !('hidden' in u.responses)).length;
    // Only the last result set is kept (for the audit): an earlier one would add to the next run's memory.
    if (run === runs - 1) last = results;
  }
  console.log(
    `${size.toLocaleString('en')} responses (answers as ${form}): score + suppress ${times.join(', then ')}; ` +
      `peak RSS ${mb(firstPeak)} in the first run (${mb(rssBefore)} before computing); ${published} of ${units.length} units published`,
  );
  if (size === 100_000 && form === 'objects' && !process.argv.includes('noaudit')) {
    const auditStarted = performance.now();
    const audit = auditPublishedResults(last as PublishedResults);
    console.log(
      `  independent audit: ${((performance.now() - auditStarted) / 1000).toFixed(1)} s, ${audit.families} families, ` +
        `${audit.cells} cells, ${audit.leaks.length} leaks, search ${audit.complete ? 'complete' : 'partial'}`,
    );
  }
}
