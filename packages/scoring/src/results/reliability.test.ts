import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RespondentScores } from '../respondent';
import { cronbachAlpha, icc1, mcdonaldOmegaTotal } from '../stats';
import { alphaFromCovariance, icc1FromGroups, ItemMoments, omegaFromCovariance } from './reliability';

// The moment-based versions must give exactly what the matrix-based statistics give; those are checked against
// R (psych 2.2.9, stats) in packages/scoring/src/stats. This is the comparison, on fixed and on random data.

function momentsOf(rows: number[][]): ItemMoments {
  const p = rows[0]?.length ?? 0;
  const moments = new ItemMoments(Array.from({ length: p }, (_, i) => i));
  for (const row of rows) moments.add({ items: Float32Array.from(row) } as unknown as RespondentScores);
  return moments;
}

const example = [
  [4, 3, 4, 5],
  [2, 2, 3, 2],
  [5, 4, 4, 5],
  [3, 4, 2, 3],
  [1, 2, 2, 1],
  [4, 5, 5, 4],
  [3, 3, 4, 3],
  [2, 1, 2, 2],
];

describe('reliability from running sums', () => {
  it('gives the same alpha and omega as the matrix-based statistics', () => {
    const cov = momentsOf(example).covariance();
    expect(alphaFromCovariance(cov)).toBeCloseTo(cronbachAlpha(example), 12);
    expect(omegaFromCovariance(cov)).toBeCloseTo(mcdonaldOmegaTotal(example), 9);
  });

  it('skips incomplete rows, as alpha on complete cases does', () => {
    const moments = momentsOf(example);
    moments.add({ items: Float32Array.from([1, Number.NaN, 5, 5]) } as unknown as RespondentScores);
    expect(moments.count).toBe(example.length);
  });

  it('agrees with alpha on random answer matrices', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 40 }), (rows) => {
        let expected: number | null;
        try {
          expected = cronbachAlpha(rows);
        } catch {
          expected = null;
        }
        const actual = alphaFromCovariance(momentsOf(rows).covariance());
        if (expected === null) expect(actual === null || !Number.isFinite(actual)).toBe(true);
        else expect(actual).toBeCloseTo(expected, 9);
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('gives the same ICC(1) as the one-way ANOVA on raw scores', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.double({ min: 0, max: 100, noNaN: true })), { minLength: 6, maxLength: 60 }), (pairs) => {
        const groups = new Map<number, { n: number; sum: number; sumSq: number }>();
        for (const [group, score] of pairs) {
          const g = groups.get(group) ?? { n: 0, sum: 0, sumSq: 0 };
          groups.set(group, { n: g.n + 1, sum: g.sum + score, sumSq: g.sumSq + score * score });
        }
        let expected: number | null;
        try {
          expected = icc1(pairs.map((p) => p[1]), pairs.map((p) => p[0]));
        } catch {
          expected = null;
        }
        const actual = icc1FromGroups([...groups.values()]);
        if (expected === null) expect(actual).toBeNull();
        else expect(actual).toBeCloseTo(expected, 6);
      }),
      { numRuns: 200, seed: 12 },
    );
  });
});
