import { relativeError } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { logBeta } from './log-beta';

describe('logBeta', () => {
  // checked in R 4.2.2: sprintf("%.17g", lbeta(a, b)); all three branches (both < 10, one >= 10, both >= 10)
  it.each([
    [0.5, 5e4, -4.8375216992804413], // lbeta(0.5, 5e4); scipy 1.17 betaln is off here by 3.5e-11, mpmath agrees with R
    [20, 30, -33.968820791977386], // lbeta(20, 30)
    [2, 3, -2.4849066497880004], // lbeta(2, 3) = log(1/12)
    [9.5, 10.5, -13.709925546998459], // lbeta(9.5, 10.5)
    [1e5, 2e5, -190958.88527911686], // lbeta(1e5, 2e5)
    [3, 15, -7.6207050868382602], // lbeta(3, 15)
  ])('ln B(%f, %f) matches R lbeta', (a, b, expected) => {
    expect(relativeError(logBeta(a, b), expected)).toBeLessThan(1e-14);
  });

  it('is accurate to rounding where the Stirling remainder matters most (both arguments at the switch point 10)', () => {
    // checked in R 4.2.2: lbeta(10, 10) = -13.736229227036555; mpmath (30 digits): -13.7362292270365548138
    expect(relativeError(logBeta(10, 10), -13.736229227036555)).toBeLessThan(1e-15);
  });

  it('is symmetric in its arguments', () => {
    expect(logBeta(3, 15)).toBe(logBeta(15, 3));
  });

  it('rejects non-positive arguments', () => {
    expect(() => logBeta(0, 1)).toThrow('logBeta requires finite a > 0 and b > 0');
    expect(() => logBeta(1, -2)).toThrow('logBeta requires finite a > 0 and b > 0');
  });
});
