import { regularizedIncompleteBetaWithComplement } from './regularized-incomplete-beta';

/**
 * The upper tail P(T > t) of [Student's t distribution](https://en.wikipedia.org/wiki/Student%27s_t-distribution)
 * with df degrees of freedom (non-integer df allowed). Twice the upper tail at |t| is
 * the two-sided p-value of a t statistic.
 *
 * Uses the incomplete beta relation P(T > |t|) = I_x(ν/2, 1/2) / 2 with x = ν / (ν + t²)
 * (DLMF 8.17(ii)); the complement 1 - x = t² / (ν + t²) is formed directly and handed
 * over, so that neither tail loses precision to cancellation, even for large ν.
 *
 * References:
 * * [DLMF 8.17(ii)](https://dlmf.nist.gov/8.17#ii);
 *   Abramowitz & Stegun 26.7.1 and 26.5.27
 *
 * Cost: one regularized incomplete beta evaluation.
 *
 * @param t point; ±Infinity allowed
 * @param df degrees of freedom, finite and > 0
 * @returns P(T > t), in [0, 1]
 * @throws {Error} if df is not a finite positive number or t is NaN
 * @example
 * studentTUpperTail(2.228138851986, 10); // => 0.025 (up to rounding)
 */
export function studentTUpperTail(t: number, df: number): number {
  if (!(df > 0 && Number.isFinite(df))) {
    throw new Error('studentTUpperTail requires a finite df > 0');
  }
  if (Number.isNaN(t)) {
    throw new Error('studentTUpperTail requires a number, got NaN');
  }
  const tailBeyondAbs = tailBeyond(Math.abs(t), df);
  return t >= 0 ? tailBeyondAbs : 1 - tailBeyondAbs;
}

/** P(T > a) for a >= 0: I_x(ν/2, 1/2) / 2 with x = ν / (ν + a²), its complement formed directly. */
function tailBeyond(a: number, df: number): number {
  if (a === Number.POSITIVE_INFINITY) return 0;
  const a2 = a * a;
  return 0.5 * regularizedIncompleteBetaWithComplement(df / (df + a2), a2 / (df + a2), df / 2, 0.5);
}
