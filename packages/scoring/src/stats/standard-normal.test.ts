import fc from 'fast-check';
import { relativeError } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { standardNormalQuantile } from './standard-normal-quantile';
import { standardNormalUpperTail } from './standard-normal-upper-tail';

describe('standardNormalQuantile', () => {
  // checked in R 4.2.2: sprintf("%.17g", qnorm(p))
  it.each([
    [0.975, 1.9599639845400536], // qnorm(0.975)
    [1e-10, -6.3613409024040557], // qnorm(1e-10)
    [0.95, 1.6448536269514715], // qnorm(0.95)
    [0.3, -0.52440051270804067], // qnorm(0.3)
  ])('Φ⁻¹(%f) matches R qnorm', (p, expected) => {
    expect(relativeError(standardNormalQuantile(p), expected)).toBeLessThan(1e-14);
  });

  it('is 0 at p = 0.5', () => {
    expect(standardNormalQuantile(0.5)).toBe(0);
  });

  it('rejects p outside (0, 1)', () => {
    expect(() => standardNormalQuantile(0)).toThrow('standardNormalQuantile requires 0 < p < 1');
    expect(() => standardNormalQuantile(1)).toThrow('standardNormalQuantile requires 0 < p < 1');
  });

  it('inverts the upper tail', () => {
    // far out (p = 1e-300, z = 37) the tail's relative error is ~ z² · ulp(z), so allow 1e-11
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 0.5, noNaN: true }), (p) => {
        const z = standardNormalQuantile(p);
        expect(relativeError(standardNormalUpperTail(-z), p)).toBeLessThan(1e-11);
      }),
      { seed: 20240615, numRuns: 300 },
    );
  });
});

describe('standardNormalUpperTail', () => {
  // checked in R 4.2.2: sprintf("%.17g", pnorm(z, lower.tail = FALSE))
  it.each([
    [8, 6.2209605742717849e-16], // pnorm(-8) = pnorm(8, lower.tail = FALSE)
    [1.5, 0.066807201268858071], // pnorm(1.5, lower.tail = FALSE)
    [-1.5, 0.93319279873114191], // pnorm(-1.5, lower.tail = FALSE)
  ])('P(Z > %f) matches R pnorm', (z, expected) => {
    expect(relativeError(standardNormalUpperTail(z), expected)).toBeLessThan(1e-14);
  });

  it('underflows to 0 far out, as R pnorm(40, lower.tail = FALSE) does', () => {
    expect(standardNormalUpperTail(40)).toBe(0);
    expect(standardNormalUpperTail(Number.POSITIVE_INFINITY)).toBe(0);
    expect(standardNormalUpperTail(Number.NEGATIVE_INFINITY)).toBe(1);
  });

  it('rejects NaN', () => {
    expect(() => standardNormalUpperTail(Number.NaN)).toThrow('standardNormalUpperTail requires a number, got NaN');
  });
});
