import { regularizedIncompleteGamma } from './regularized-incomplete-gamma';

/**
 * The upper tail of the [standard normal distribution](https://en.wikipedia.org/wiki/Normal_distribution),
 * P(Z > z) = erfc(z / √2) / 2, computed as Q(1/2, z²/2) / 2 from the regularized
 * incomplete gamma function (DLMF 7.11.2 and 8.4.14) so that far tails keep their
 * relative precision (no 1 - Φ cancellation).
 *
 * References:
 * * [DLMF 7.11, error functions and incomplete gamma](https://dlmf.nist.gov/7.11)
 *
 * Cost: O(1) (a short series or continued fraction).
 *
 * @param z any number; ±Infinity allowed
 * @returns P(Z > z), in [0, 1]
 * @throws {Error} if z is NaN
 * @example
 * standardNormalUpperTail(1.959963984540054); // => 0.025 (up to rounding)
 */
export function standardNormalUpperTail(z: number): number {
  if (Number.isNaN(z)) {
    throw new Error('standardNormalUpperTail requires a number, got NaN');
  }
  const halfTail = regularizedIncompleteGamma(0.5, (z * z) / 2);
  return z >= 0 ? halfTail.upper / 2 : 1 - halfTail.upper / 2;
}
