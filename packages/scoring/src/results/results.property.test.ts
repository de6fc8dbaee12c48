import { socialSafety_1_0_0 } from '@socialsafety/instrument';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditPublishedResults } from './audit-results';
import { computeMeasurementResults } from './compute';
import { seeded, syntheticResponses, syntheticTree } from './testing/synthetic';
import type { Figure, PublishedResults } from './types';

function publishedFigures(results: PublishedResults): { figure: Figure; threshold: number }[] {
  const sensitive = new Map(results.metrics.map((m) => [m.key, m.sensitive]));
  const out: { figure: Figure; threshold: number }[] = [];
  for (const unit of results.units) {
    for (const [key, figure] of Object.entries(unit.metrics)) {
      const threshold = sensitive.get(key) ? results.kSensitive : results.k;
      if (!('hidden' in figure)) out.push({ figure, threshold });
      for (const cut of Object.values(unit.cuts[key] ?? {})) {
        if ('hidden' in cut) continue;
        for (const cell of cut.cells) if (!('hidden' in cell.figure)) out.push({ figure: cell.figure, threshold });
      }
    }
  }
  return out;
}

describe('published result sets on random organisations', () => {
  it('never publish a figure below its threshold, and the independent auditor finds no leak', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 160 }),
        fc.integer({ min: 5, max: 8 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        (fanOut, count, k, extra, seed, skipRate) => {
          const units = syntheticTree(fanOut);
          const responses = syntheticResponses(socialSafety_1_0_0, units, count, seeded(seed), { skipRate, behaviourRate: 0.3 });
          const results = computeMeasurementResults({
            definition: socialSafety_1_0_0,
            units,
            responses,
            k,
            kSensitive: k + extra,
            demographicIds: ['age_band', 'gender'],
          });
          for (const { figure, threshold } of publishedFigures(results)) expect(figure.n).toBeGreaterThanOrEqual(threshold);
          const audit = auditPublishedResults(results);
          expect(audit.leaks).toEqual([]);
        },
      ),
      { numRuns: 25, seed: 4711 },
    );
  }, 120_000);
});
