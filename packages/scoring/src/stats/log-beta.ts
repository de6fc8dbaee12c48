import { gammaln } from 'simple-statistics';

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * The natural logarithm of the [beta function](https://dlmf.nist.gov/5.12),
 * ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b).
 *
 * Summing the three log-gammas directly cancels badly once an argument is large (for
 * a = 5e4, ln Γ is about 5e5, so absolute errors of 1e-10 appear in a result of
 * order 1). As in R's `lbeta`, large arguments are therefore taken through Stirling's
 * series with the log terms regrouped so that nothing large is subtracted, leaving the
 * small Stirling remainders δ(x) = ln Γ(x) - ((x - 1/2) ln x - x + ln √(2π)) to be summed.
 *
 * References:
 * * [DLMF 5.12 (beta function) and 5.11.1 (Stirling series)](https://dlmf.nist.gov/5.11)
 *
 * Cost: O(1).
 *
 * @param a first argument, > 0
 * @param b second argument, > 0
 * @returns ln B(a, b)
 * @throws {Error} if a or b is not a finite positive number
 * @example
 * logBeta(2, 3); // => Math.log(1 / 12) (up to rounding)
 */
export function logBeta(a: number, b: number): number {
  if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b))) {
    throw new Error('logBeta requires finite a > 0 and b > 0');
  }
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  const share = p / (p + q);
  if (p >= 10) {
    const remainder = stirlingRemainder(p) + stirlingRemainder(q) - stirlingRemainder(p + q);
    return -0.5 * Math.log(q) + HALF_LOG_2PI + remainder + (p - 0.5) * Math.log(share) + q * Math.log1p(-share);
  }
  if (q >= 10) {
    const remainder = stirlingRemainder(q) - stirlingRemainder(p + q);
    return gammaln(p) + remainder + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-share);
  }
  return gammaln(p) + gammaln(q) - gammaln(p + q);
}

/**
 * δ(x) = Σ B_{2k} / (2k (2k - 1) x^{2k-1}) for k = 1..7 (DLMF 5.11.1); for x >= 10 the
 * first omitted term is below 1e-16 relative.
 */
function stirlingRemainder(x: number): number {
  const inverse = 1 / x;
  const inverseSquared = inverse * inverse;
  return (
    inverse *
    (1 / 12 +
      inverseSquared *
        (-1 / 360 +
          inverseSquared *
            (1 / 1260 +
              inverseSquared *
                (-1 / 1680 + inverseSquared * (1 / 1188 + inverseSquared * (-691 / 360360 + inverseSquared / 156))))))
  );
}
