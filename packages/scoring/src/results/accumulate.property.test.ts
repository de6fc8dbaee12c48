import { socialSafety_1_0_0 } from '@socialsafety/instrument';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScoringPlan } from '../respondent';
import { smallDefinition } from '../respondent/test-support/small-definition';
import { accumulate, cutDimensions } from './accumulate';
import { metricsOf } from './metrics';
import { referenceSums } from './testing/reference-sums';
import { seeded, syntheticResponses, syntheticTree } from './testing/synthetic';
import { indexTree } from './tree-index';

describe('accumulate (shared rows, one pass per respondent)', () => {
  it.each([
    ['the built-in questionnaire', socialSafety_1_0_0, ['age_band', 'gender', 'tenure_band']],
    ['the small questionnaire', smallDefinition(), smallDefinition().demographics.map((d) => d.id)],
  ])('sums exactly what the plain per-metric tables sum, on %s', (_, definition, demographicIds) => {
    const plan = createScoringPlan(definition);
    const metrics = metricsOf(definition, plan);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 3 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.subarray(demographicIds),
        (fanOut, count, seed, skipRate, cut) => {
          const units = syntheticTree(fanOut);
          const tree = indexTree(units);
          const dimensions = cutDimensions(definition, plan, cut);
          const responses = syntheticResponses(definition, units, count, seeded(seed), { skipRate, behaviourRate: 0.4 });
          const acc = accumulate(plan, metrics, dimensions, tree, responses);
          const expected = referenceSums(plan, metrics, dimensions, tree, responses);
          const { unitWidth, cutWidth, offset } = acc.layout;

          expect(acc.count).toBe(count);
          metrics.forEach((metric, m) => {
            const at = offset[m] as number;
            const unitRows = tree.ids.map((_, u) => [...acc.units.subarray(u * unitWidth + at, u * unitWidth + at + metric.stride)]);
            const expectedRows = tree.ids.map((_, u) => [...(expected.units[m] as Float64Array).subarray(u * metric.stride, (u + 1) * metric.stride)]);
            expect(unitRows, metric.key).toEqual(expectedRows);
            const tables = expected.cuts[m];
            if (!tables) return;
            dimensions.forEach((dimension, d) => {
              const rows = tree.ids.length * dimension.categories.length;
              const table = acc.cuts[d] as Float64Array;
              const got = Array.from({ length: rows }, (_, row) => [...table.subarray(row * cutWidth + at, row * cutWidth + at + metric.stride)]);
              const want = Array.from({ length: rows }, (_, row) => [...(tables[d] as Float64Array).subarray(row * metric.stride, (row + 1) * metric.stride)]);
              expect(got, `${metric.key} by ${dimension.id}`).toEqual(want);
            });
          });
        },
      ),
      { seed: 20261215, numRuns: 40 },
    );
  });
});
