import { gammaln } from 'simple-statistics';

/**
 * The probability density of [Student's t distribution](https://en.wikipedia.org/wiki/Student%27s_t-distribution)
 * with df degrees of freedom:
 * f(t) = Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) · (1 + t²/ν)^(-(ν+1)/2).
 * Non-integer df is allowed (the Welch-Satterthwaite df is rarely whole).
 *
 * References:
 * * [DLMF 8.17(ii), and Student's t](https://dlmf.nist.gov/8.17#ii)
 *
 * Cost: O(1).
 *
 * @param t point
 * @param df degrees of freedom, finite and > 0
 * @returns the density at t
 * @throws {Error} if df is not a finite positive number or t is NaN
 * @example
 * studentTDensity(0, 1); // => 1 / Math.PI (up to rounding)
 */
export function studentTDensity(t: number, df: number): number {
  if (!(df > 0 && Number.isFinite(df))) {
    throw new Error('studentTDensity requires a finite df > 0');
  }
  if (Number.isNaN(t)) {
    throw new Error('studentTDensity requires a number, got NaN');
  }
  const logNormalisation = gammaln((df + 1) / 2) - gammaln(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logNormalisation - ((df + 1) / 2) * Math.log1p((t * t) / df));
}
