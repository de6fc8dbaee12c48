import fc from 'fast-check';
import { relativeError } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { regularizedIncompleteBeta } from './regularized-incomplete-beta';

describe('regularizedIncompleteBeta', () => {
  // checked in R 4.2.2: sprintf("%.17g", pbeta(x, a, b))
  it.each([
    [0.3, 2.5, 4, 0.35219758590676714], // pbeta(0.3, 2.5, 4)
    [0.9, 0.5, 0.5, 0.79516723530086664], // pbeta(0.9, 0.5, 0.5)
    [0.999, 200, 3, 0.99883343684688342], // pbeta(0.999, 200, 3)
    [0.49, 1e4, 1e4, 0.0023370593301101643], // pbeta(0.49, 1e4, 1e4)
    [0.5, 2, 3, 0.6875], // pbeta(0.5, 2, 3)
    [1e-5, 0.3, 7, 0.062220212947538753], // pbeta(1e-5, 0.3, 7)
  ])('I_%f(%f, %f) matches R pbeta', (x, a, b, expected) => {
    expect(relativeError(regularizedIncompleteBeta(x, a, b), expected)).toBeLessThan(1e-12);
  });

  it('is 0 at x = 0 and 1 at x = 1', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  it('rejects invalid arguments with plain messages', () => {
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow('regularizedIncompleteBeta requires finite a > 0 and b > 0');
    expect(() => regularizedIncompleteBeta(0.5, 1, Number.POSITIVE_INFINITY)).toThrow('requires finite a > 0');
    expect(() => regularizedIncompleteBeta(1.5, 1, 1)).toThrow('regularizedIncompleteBeta requires 0 <= x <= 1');
    expect(() => regularizedIncompleteBeta(Number.NaN, 1, 1)).toThrow('requires 0 <= x <= 1');
  });

  const shape = fc.double({ min: 0.05, max: 500, noNaN: true });
  const point = fc.double({ min: 0, max: 1, noNaN: true });

  it('satisfies the reflection I_x(a, b) + I_{1-x}(b, a) = 1 (DLMF 8.17.4)', () => {
    // dyadic x, so that 1 - x is exact and the identity can hold to rounding
    const dyadic = fc.integer({ min: 0, max: 2 ** 30 }).map((k) => k / 2 ** 30);
    fc.assert(
      fc.property(dyadic, shape, shape, (x, a, b) => {
        const sum = regularizedIncompleteBeta(x, a, b) + regularizedIncompleteBeta(1 - x, b, a);
        expect(sum).toBeCloseTo(1, 12);
      }),
      { seed: 20240611, numRuns: 300 },
    );
  });

  it('is a distribution function: within [0, 1] and non-decreasing in x', () => {
    fc.assert(
      fc.property(point, point, shape, shape, (x1, x2, a, b) => {
        const [low, high] = x1 <= x2 ? [x1, x2] : [x2, x1];
        const atLow = regularizedIncompleteBeta(low, a, b);
        const atHigh = regularizedIncompleteBeta(high, a, b);
        expect(atLow).toBeGreaterThanOrEqual(0);
        expect(atHigh).toBeLessThanOrEqual(1);
        expect(atHigh).toBeGreaterThanOrEqual(atLow - 1e-14);
      }),
      { seed: 20240612, numRuns: 300 },
    );
  });

  it('equals x^a for b = 1 (DLMF 8.17.1 with B(x; a, 1) = x^a / a)', () => {
    fc.assert(
      fc.property(point, fc.double({ min: 0.1, max: 50, noNaN: true }), (x, a) => {
        expect(regularizedIncompleteBeta(x, a, 1)).toBeCloseTo(x ** a, 12);
      }),
      { seed: 20240613, numRuns: 200 },
    );
  });
});
