import { studentTUpperTail } from './student-t-upper-tail';

/**
 * The cumulative distribution function P(T <= t) of
 * [Student's t distribution](https://en.wikipedia.org/wiki/Student%27s_t-distribution)
 * with df degrees of freedom (non-integer df allowed), by symmetry from the upper tail:
 * P(T <= t) = P(T > -t).
 *
 * References:
 * * [DLMF 8.17(ii)](https://dlmf.nist.gov/8.17#ii)
 *
 * Cost: one regularized incomplete beta evaluation.
 *
 * @param t point; ±Infinity allowed
 * @param df degrees of freedom, finite and > 0
 * @returns P(T <= t), in [0, 1]
 * @throws {Error} if df is not a finite positive number or t is NaN
 * @example
 * studentTCdf(2.228138851986, 10); // => 0.975 (up to rounding)
 */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0 && Number.isFinite(df))) {
    throw new Error('studentTCdf requires a finite df > 0');
  }
  if (Number.isNaN(t)) {
    throw new Error('studentTCdf requires a number, got NaN');
  }
  return studentTUpperTail(-t, df);
}
