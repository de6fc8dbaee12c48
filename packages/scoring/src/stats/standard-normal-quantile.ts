import { solveUpperTail } from './solve-upper-tail';
import { standardNormalUpperTail } from './standard-normal-upper-tail';

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * The [standard normal quantile function](https://en.wikipedia.org/wiki/Normal_distribution#Quantile_function)
 * (probit): the z with P(Z <= z) = p. Used for the z of a confidence level, e.g. the
 * 1.959964 of a 95 % Wilson interval.
 *
 * simple-statistics' `probit` rests on an approximate inverse error function (off by
 * about 3e-3 at p = 0.975), too coarse for published intervals; this function inverts
 * the incomplete-gamma based upper tail by safeguarded Newton iteration to full double
 * precision. The search works on the smaller tail, so p close to 1 keeps its precision.
 *
 * References:
 * * [DLMF 7.17, inverse error functions](https://dlmf.nist.gov/7.17)
 *
 * Cost: a few dozen upper-tail evaluations at most.
 *
 * @param p probability, 0 < p < 1
 * @returns the p-quantile of N(0, 1)
 * @throws {Error} if p is not strictly between 0 and 1
 * @example
 * standardNormalQuantile(0.975); // => 1.959963984540054 (up to rounding)
 */
export function standardNormalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    throw new Error('standardNormalQuantile requires 0 < p < 1');
  }
  if (p === 0.5) return 0;
  const tail = p < 0.5 ? p : 1 - p;
  const z = solveUpperTail(tail, standardNormalUpperTail, (x) => INV_SQRT_2PI * Math.exp((-x * x) / 2));
  return p < 0.5 ? -z : z;
}
