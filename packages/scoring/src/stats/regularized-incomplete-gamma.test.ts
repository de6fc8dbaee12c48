import fc from 'fast-check';
import { relativeError } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { regularizedIncompleteGamma } from './regularized-incomplete-gamma';

describe('regularizedIncompleteGamma', () => {
  // checked in R 4.2.2: sprintf("%.17g", pgamma(x, a)) for the lower tail,
  // pgamma(x, a, lower.tail = FALSE) for the upper tail
  it.each([
    [3, 2, 'lower', 0.3233235838169366], // pgamma(2, 3)
    [0.5, 10, 'upper', 7.7442164310440858e-6], // pgamma(10, 0.5, lower.tail = FALSE)
    [5, 0.1, 'lower', 7.6678016861893133e-8], // pgamma(0.1, 5)
    [25, 30, 'lower', 0.84275797276160835], // pgamma(30, 25)
    [1, 1, 'lower', 0.63212055882855767], // pgamma(1, 1)
  ] as const)('a = %f, x = %f: %s tail matches R pgamma', (a, x, tail, expected) => {
    expect(relativeError(regularizedIncompleteGamma(a, x)[tail], expected)).toBeLessThan(1e-13);
  });

  it('handles the ends of the range', () => {
    expect(regularizedIncompleteGamma(2, 0)).toEqual({ lower: 0, upper: 1 });
    expect(regularizedIncompleteGamma(2, Number.POSITIVE_INFINITY)).toEqual({ lower: 1, upper: 0 });
  });

  it('rejects invalid arguments with plain messages', () => {
    expect(() => regularizedIncompleteGamma(0, 1)).toThrow('regularizedIncompleteGamma requires a finite a > 0');
    expect(() => regularizedIncompleteGamma(1, -1)).toThrow('regularizedIncompleteGamma requires x >= 0');
    expect(() => regularizedIncompleteGamma(1, Number.NaN)).toThrow('requires x >= 0');
  });

  it('equals 1 - e^-x for a = 1 (exponential distribution)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 50, noNaN: true }), (x) => {
        const { lower, upper } = regularizedIncompleteGamma(1, x);
        expect(upper).toBeCloseTo(Math.exp(-x), 14);
        expect(lower + upper).toBeCloseTo(1, 15);
      }),
      { seed: 20240614, numRuns: 200 },
    );
  });
});
