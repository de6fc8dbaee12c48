import { solveUpperTail } from './solve-upper-tail';
import { studentTDensity } from './student-t-density';
import { studentTUpperTail } from './student-t-upper-tail';

/**
 * The quantile function (inverse CDF) of
 * [Student's t distribution](https://en.wikipedia.org/wiki/Student%27s_t-distribution):
 * the t with P(T <= t) = p for df degrees of freedom (non-integer df allowed), e.g. the
 * critical value t_{0.975, n-1} of a 95 % confidence interval of a mean.
 *
 * The upper tail is inverted on the smaller side (p or 1 - p) by safeguarded Newton
 * iteration with the t density as derivative, to full double precision.
 *
 * References:
 * * [DLMF 8.17(ii)](https://dlmf.nist.gov/8.17#ii); R's `qt`
 *
 * Cost: O(log t) incomplete beta evaluations to bracket, then a handful of Newton steps.
 *
 * @param p probability, 0 < p < 1
 * @param df degrees of freedom, finite and > 0
 * @returns the p-quantile of t_df
 * @throws {Error} if p is not strictly between 0 and 1 or df is not a finite positive number
 * @example
 * studentTQuantile(0.975, 10); // => 2.228138851986 (up to rounding)
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) {
    throw new Error('studentTQuantile requires 0 < p < 1');
  }
  if (!(df > 0 && Number.isFinite(df))) {
    throw new Error('studentTQuantile requires a finite df > 0');
  }
  if (p === 0.5) return 0;
  const tail = p < 0.5 ? p : 1 - p;
  const t = solveUpperTail(
    tail,
    (x) => studentTUpperTail(x, df),
    (x) => studentTDensity(x, df),
  );
  return p < 0.5 ? -t : t;
}
