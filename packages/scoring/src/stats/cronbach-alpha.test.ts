import fc from 'fast-check';
import { relativeError } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { completeCases } from './complete-cases';
import { cronbachAlpha } from './cronbach-alpha';

// 12 respondents x 4 items on 1-5; respondent 10 skipped item 4
const items = [
  [4, 4, 5, 3],
  [3, 3, 4, 3],
  [5, 4, 5, 4],
  [2, 3, 2, 2],
  [4, 5, 4, 4],
  [3, 2, 3, 3],
  [4, 4, 4, 5],
  [1, 2, 2, 1],
  [5, 5, 4, 5],
  [3, 4, 3, null],
  [2, 2, 3, 2],
  [4, 3, 4, 4],
];

describe('cronbachAlpha', () => {
  it('matches psych::alpha on the complete cases', () => {
    // checked in R 4.2.2, psych 2.2.9: m <- the matrix above (NA for the skipped item);
    // psych::alpha(na.omit(m))$total$raw_alpha = 0.9343729694606886 (nrow(na.omit(m)) = 11)
    expect(relativeError(cronbachAlpha(items), 0.9343729694606886)).toBeLessThan(1e-14);
  });

  it('matches psych::alpha on the documented example', () => {
    // checked in R 4.2.2, psych 2.2.9:
    // psych::alpha(matrix(c(1,2,2, 2,3,3, 4,4,5, 3,3,3), ncol = 3, byrow = TRUE))$total$raw_alpha = 0.96183206106870223
    expect(relativeError(cronbachAlpha([[1, 2, 2], [2, 3, 3], [4, 4, 5], [3, 3, 3]]), 0.96183206106870223)).toBeLessThan(
      1e-14,
    );
  });

  it('treats NaN like null as missing', () => {
    const withNaN = items.map((row) => row.map((value) => value ?? Number.NaN));
    expect(cronbachAlpha(withNaN)).toBe(cronbachAlpha(items));
  });

  it('can be negative for items that do not hang together (a reverse-keyed item left unrecoded)', () => {
    // checked in R 4.2.2, psych 2.2.9: psych::alpha(cbind(c(1,2,3,4,5), c(2,1,4,3,5), c(5,4,3,2,1)),
    //   check.keys = FALSE)$total$raw_alpha = -3
    expect(
      relativeError(
        cronbachAlpha([
          [1, 2, 5],
          [2, 1, 4],
          [3, 4, 3],
          [4, 3, 2],
          [5, 5, 1],
        ]),
        -3,
      ),
    ).toBeLessThan(1e-14);
  });

  it('rejects too few items or rows, ragged rows and a constant sum score', () => {
    expect(() => cronbachAlpha([[1], [2]])).toThrow('cronbachAlpha requires at least 2 items');
    expect(() => cronbachAlpha([[1, 2], [3, null]])).toThrow('cronbachAlpha requires at least 2 complete rows');
    expect(() => cronbachAlpha([[1, 2], [3]])).toThrow('completeCases requires rows of equal length');
    expect(() => cronbachAlpha([[1, 3], [2, 2], [3, 1]])).toThrow('cronbachAlpha requires the sum score to vary');
  });

  const column = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 40 });

  it('is 1 for identical (duplicated) items', () => {
    fc.assert(
      fc.property(
        column.filter((values) => new Set(values).size > 1),
        fc.integer({ min: 2, max: 8 }),
        (values, k) => {
          const matrix = values.map((value) => Array.from({ length: k }, () => value));
          expect(cronbachAlpha(matrix)).toBeCloseTo(1, 12);
        },
      ),
      { seed: 20240629, numRuns: 200 },
    );
  });

  it('is at most 1 and does not depend on the order of respondents or items', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 30 }),
        (matrix) => {
          const sums = matrix.map((row) => row.reduce((total, value) => total + value, 0));
          fc.pre(new Set(sums).size > 1);
          const alpha = cronbachAlpha(matrix);
          expect(alpha).toBeLessThanOrEqual(1 + 1e-12);
          expect(cronbachAlpha([...matrix].reverse())).toBeCloseTo(alpha, 12);
          expect(cronbachAlpha(matrix.map((row) => [...row].reverse()))).toBeCloseTo(alpha, 12);
        },
      ),
      { seed: 20240630, numRuns: 200 },
    );
  });
});

describe('completeCases', () => {
  it('keeps only fully answered rows, as R na.omit does', () => {
    // R: nrow(na.omit(m)) = 11 for the 12 x 4 matrix above
    expect(completeCases(items)).toHaveLength(11);
    expect(completeCases([[1, 2], [3, null], [Number.NaN, 1], [4, 5]])).toEqual([
      [1, 2],
      [4, 5],
    ]);
  });
});
