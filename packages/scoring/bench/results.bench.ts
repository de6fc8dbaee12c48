/*
 * Results at close: score every response, sum over the unit tree and demographic categories, and apply disclosure
 * control per family, for 10k and 100k responses (and 1M with `-- 1m`) on a 1,000-unit tree of depth 4 with 3
 * demographic cuts, using the built-in questionnaire (107 questions, 24 scales). Prints time and peak memory; the
 * figures are recorded in docs/performance.md. Asserts nothing.
 *
 * Run: pnpm --filter @socialsafety/scoring exec tsx bench/results.bench.ts [-- 1m]
 */
import { socialSafety_1_0_0 } from '@socialsafety/instrument';
import { auditPublishedResults, computeMeasurementResults } from '../src/results';
import { seeded, syntheticResponseSource, syntheticTree } from '../src/results/testing/synthetic';

const sizes = [10_000, 100_000, ...(process.argv.includes('1m') ? [1_000_000] : [])];
const units = syntheticTree([9, 10, 10]); // 1 + 9 + 90 + 900 = 1,000 units, depth 4
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

for (const size of sizes) {
  // Responses reach the scoring engine as a stream (from the database, in batches). A pool of 20,000 generated
  // respondents is cycled with fresh unit assignments, so the stream is as varied as scoring needs without
  // holding a million objects in memory or timing the generator.
  const random = seeded(size);
  const next = syntheticResponseSource(socialSafety_1_0_0, units, random, { skipRate: 0.03, behaviourRate: 0.15 });
  // Through JSON, as the database hands answers over (jsonb is parsed with JSON.parse).
  const pool = Array.from({ length: Math.min(size, 20_000) }, () => JSON.parse(JSON.stringify(next())) as ReturnType<typeof next>);
  const unitIds = units.map((u) => u.id);
  const assigned = Array.from({ length: size }, (_, i) => (i < pool.length ? (pool[i]?.unitId as string) : (unitIds[Math.floor(random() * unitIds.length)] as string)));
  const responses = {
    *[Symbol.iterator]() {
      for (let i = 0; i < size; i++) {
        const from = pool[i % pool.length] as (typeof pool)[number];
        yield { unitId: assigned[i] as string, answers: from.answers, demographics: from.demographics };
      }
    },
  };
  globalThis.gc?.();
  const before = process.memoryUsage();
  let peak = before.rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const started = performance.now();
  const results = computeMeasurementResults({
    definition: socialSafety_1_0_0,
    units,
    responses,
    k: 5,
    kSensitive: 10,
    demographicIds: ['age_band', 'gender', 'tenure_band'],
  });
  const computed = performance.now();
  peak = Math.max(peak, process.memoryUsage.rss());
  clearInterval(sampler);
  const published = results.units.filter((u) => !('hidden' in u.responses)).length;
  console.log(
    `${size.toLocaleString('en')} responses: score + suppress ${((computed - started) / 1000).toFixed(2)} s, ` +
      `peak RSS ${mb(peak)} (heap before ${mb(before.heapUsed)}), ${published} of ${units.length} units published`,
  );
  if (size === 100_000) {
    const auditStarted = performance.now();
    const audit = auditPublishedResults(results);
    console.log(
      `  independent audit: ${((performance.now() - auditStarted) / 1000).toFixed(1)} s, ${audit.families} families, ` +
        `${audit.cells} cells, ${audit.leaks.length} leaks, search ${audit.complete ? 'complete' : 'partial'}`,
    );
  }
}
