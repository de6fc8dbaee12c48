import type { Interval } from './interval';
import { standardNormalQuantile } from './standard-normal-quantile';

// The normal quantile is a root search, and intervals are computed for thousands of groups at the same confidence:
// keep the last one.
let lastConfidence = Number.NaN;
let lastQuantile = Number.NaN;
function quantileFor(confidence: number): number {
  if (confidence !== lastConfidence) {
    lastQuantile = standardNormalQuantile((1 + confidence) / 2);
    lastConfidence = confidence;
  }
  return lastQuantile;
}

/**
 * The [Wilson score interval](https://en.wikipedia.org/wiki/Binomial_proportion_confidence_interval#Wilson_score_interval)
 * for a binomial proportion: the set of p for which the score test of p̂ = successes / n
 * does not reject, at the given confidence. Unlike the Wald interval it stays inside
 * [0, 1] and has sensible coverage for small n and for p̂ = 0 or 1, which is why the
 * prevalence of unwanted behaviour is reported with it.
 * Bounds: (p̂ + z²/2n ± z √(p̂(1-p̂)/n + z²/4n²)) / (1 + z²/n), z = Φ⁻¹((1 + confidence)/2);
 * the same as R's `prop.test(x, n, correct = FALSE)$conf.int`.
 *
 * References:
 * * Wilson, E. B. (1927). Probable inference, the law of succession, and statistical
 *   inference. JASA 22(158), 209-212. https://doi.org/10.1080/01621459.1927.10502953
 * * scoring conventions, docs/instrument.md ("Prevalence")
 *
 * Cost: O(1) (one normal quantile).
 *
 * @param successes number of respondents with the property, 0 <= successes <= n, whole
 * @param n number of respondents, whole and > 0
 * @param confidence level, 0 < confidence < 1 (default 0.95)
 * @returns the interval as proportions in [0, 1]
 * @throws {Error} if n is not a positive whole number, successes is not a whole number in
 *   [0, n], or confidence is not in (0, 1)
 * @example
 * wilsonInterval(3, 20); // => { lower: 0.05236, upper: 0.36042 } (rounded)
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): Interval {
  if (!(Number.isInteger(n) && n > 0)) {
    throw new Error('wilsonInterval requires n > 0, a whole number');
  }
  if (!(Number.isInteger(successes) && successes >= 0 && successes <= n)) {
    throw new Error('wilsonInterval requires 0 <= successes <= n, a whole number');
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new Error('wilsonInterval requires 0 < confidence < 1');
  }
  const z = quantileFor(confidence);
  const z2 = z * z;
  const proportion = successes / n;
  const denominator = 1 + z2 / n;
  const centre = (proportion + z2 / (2 * n)) / denominator;
  const halfWidth = (z * Math.sqrt((proportion * (1 - proportion)) / n + z2 / (4 * n * n))) / denominator;
  // at 0 or n successes a bound is exactly 0 or 1; rounding must not push it outside
  return {
    lower: successes === 0 ? 0 : Math.max(0, centre - halfWidth),
    upper: successes === n ? 1 : Math.min(1, centre + halfWidth),
  };
}
