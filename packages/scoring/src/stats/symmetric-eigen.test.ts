import fc from 'fast-check';
import { relativeError } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { correlationMatrix } from './correlation-matrix';
import { symmetricEigen } from './symmetric-eigen';

// 22 complete respondents x 5 items (the omega fixture of mcdonald-omega-total.test.ts without its 2 incomplete rows)
const rows = [
  [5, 5, 4, 5, 3], [2, 3, 1, 1, 4], [3, 2, 1, 2, 3], [3, 3, 2, 3, 3], [2, 4, 2, 3, 4], [3, 4, 3, 4, 4],
  [3, 3, 5, 2, 3], [3, 2, 3, 3, 2], [5, 5, 4, 4, 5], [3, 3, 3, 4, 3], [5, 4, 4, 5, 5], [5, 5, 4, 5, 5],
  [3, 3, 3, 3, 4], [5, 5, 4, 4, 5], [4, 4, 3, 4, 3], [2, 4, 3, 3, 4], [3, 4, 4, 2, 3], [3, 5, 3, 5, 5],
  [3, 5, 4, 3, 2], [3, 4, 4, 4, 3], [5, 4, 5, 5, 4], [2, 1, 2, 2, 2],
];

describe('correlationMatrix', () => {
  it('matches R cor()', () => {
    // checked in R 4.2.2: R <- cor(rows); R[1, ] and R[5, ]
    const r = correlationMatrix(rows);
    const row1 = [1, 0.55948123595833243, 0.62348123312017867, 0.72905284654957536, 0.45978398848426649];
    const row5 = [0.45978398848426649, 0.57136791090422467, 0.17228499399444314, 0.48251154857571737, 1];
    row1.forEach((expected, j) => expect(relativeError(r[0]?.[j] ?? Number.NaN, expected)).toBeLessThan(1e-14));
    row5.forEach((expected, j) => expect(relativeError(r[4]?.[j] ?? Number.NaN, expected)).toBeLessThan(1e-14));
  });

  it('is exactly symmetric with a unit diagonal', () => {
    const r = correlationMatrix(rows);
    r.forEach((row, i) => row.forEach((value, j) => expect(value).toBe(r[j]?.[i])));
    r.forEach((row, i) => expect(row[i]).toBe(1));
  });

  it('rejects constant columns, ragged rows and too few rows', () => {
    expect(() => correlationMatrix([[1, 2], [1, 3]])).toThrow('correlationMatrix requires every column to vary; column 0 is constant');
    expect(() => correlationMatrix([[1, 2], [1]])).toThrow('correlationMatrix requires rows of equal length');
    expect(() => correlationMatrix([[1, 2]])).toThrow('correlationMatrix requires at least 2 rows and 1 column');
  });
});

describe('symmetricEigen', () => {
  it('matches R eigen() on a correlation matrix', () => {
    // checked in R 4.2.2: e <- eigen(cor(rows), symmetric = TRUE)
    // e$values = 3.1573062617209673, 0.85138668517953919, 0.45471126516242022, 0.3276392222958765, 0.20895656564118714
    // e$vectors[, 1] = -0.48446694226039561, -0.47191616902705413, -0.41037703324800057, -0.4871345693764792, -0.36996961114212173
    const { values, vectors } = symmetricEigen(correlationMatrix(rows));
    const expectedValues = [3.1573062617209673, 0.85138668517953919, 0.45471126516242022, 0.3276392222958765, 0.20895656564118714];
    expectedValues.forEach((expected, i) => expect(relativeError(values[i] ?? Number.NaN, expected)).toBeLessThan(1e-13));
    // an eigenvector's sign is arbitrary; compare up to sign
    const expectedFirst = [-0.48446694226039561, -0.47191616902705413, -0.41037703324800057, -0.4871345693764792, -0.36996961114212173];
    const first = vectors[0] ?? [];
    const sign = Math.sign(first[0] ?? 0) * Math.sign(expectedFirst[0] ?? 0);
    expectedFirst.forEach((expected, i) => expect(sign * (first[i] ?? Number.NaN)).toBeCloseTo(expected, 13));
  });

  it('rejects non-square, non-symmetric and non-finite input', () => {
    expect(() => symmetricEigen([])).toThrow('symmetricEigen requires a non-empty square matrix of finite numbers');
    expect(() => symmetricEigen([[1, 2]])).toThrow('symmetricEigen requires a non-empty square matrix');
    expect(() => symmetricEigen([[1, 2], [3, 4]])).toThrow('symmetricEigen requires a symmetric matrix');
    expect(() => symmetricEigen([[1, Number.NaN], [Number.NaN, 1]])).toThrow('of finite numbers');
  });

  const symmetric = fc.integer({ min: 1, max: 8 }).chain((k) =>
    fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: k * k, maxLength: k * k }).map((cells) =>
      Array.from({ length: k }, (_, i) =>
        Array.from({ length: k }, (_, j) => (i <= j ? (cells[i * k + j] ?? 0) : (cells[j * k + i] ?? 0))),
      ),
    ),
  );

  it('satisfies A v = λ v with orthonormal v, decreasing λ, and trace = Σ λ', () => {
    fc.assert(
      fc.property(symmetric, (a) => {
        const { values, vectors } = symmetricEigen(a);
        const k = a.length;
        const scale = Math.max(1, ...a.flat().map(Math.abs));
        values.forEach((lambda, m) => {
          const v = vectors[m] ?? [];
          for (let i = 0; i < k; i++) {
            const av = (a[i] ?? []).reduce((sum, aij, j) => sum + aij * (v[j] ?? 0), 0);
            expect(Math.abs(av - lambda * (v[i] ?? 0))).toBeLessThan(1e-12 * scale * k);
          }
          vectors.forEach((w, n) => {
            const dot = v.reduce((sum, vi, i) => sum + vi * (w[i] ?? 0), 0);
            expect(dot).toBeCloseTo(m === n ? 1 : 0, 12);
          });
          if (m > 0) expect(lambda).toBeLessThanOrEqual(values[m - 1] ?? Number.NaN);
        });
        const trace = a.reduce((sum, row, i) => sum + (row[i] ?? 0), 0);
        expect(values.reduce((sum, lambda) => sum + lambda, 0)).toBeCloseTo(trace, 10);
      }),
      { seed: 20240701, numRuns: 200 },
    );
  });
});
