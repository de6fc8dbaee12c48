import { mean, sampleStandardDeviation } from 'simple-statistics';
import { type SampleMoments, type WelchTestResult, welchTTestFromSummary } from './welch-t-test-from-summary';

/**
 * [Welch's unequal-variances t-test](https://en.wikipedia.org/wiki/Welch%27s_t-test) of
 * group a against group b, each given as raw values or as summary statistics
 * (n, mean, sd) — so a unit's scores can be compared directly with the organisation's
 * scores or with a benchmark known only by its mean, sd and n. Two-sided, as R's
 * `t.test(a, b, var.equal = FALSE)`.
 *
 * References:
 * * Welch, B. L. (1947). Biometrika 34(1-2), 28-35. https://doi.org/10.1093/biomet/34.1-2.28
 * * scoring conventions, docs/instrument.md ("Comparison with the organisation")
 *
 * Cost: O(n_a + n_b) for raw values, O(1) for summaries.
 *
 * @param a first group: values, or { n, mean, sd }
 * @param b second group: values, or { n, mean, sd }
 * @param alpha significance level (default 0.05)
 * @returns difference a - b, its standard error, t, Welch-Satterthwaite df, two-sided p,
 *   whether p < alpha, and the (1 - alpha) CI of the difference
 * @throws {Error} if a group has fewer than 2 values or a non-finite value, if both groups
 *   are constant, or as {@link welchTTestFromSummary}
 * @example
 * welchTTest([3, 4, 5, 4, 4], [2, 3, 3, 2, 4, 3]).p; // => 0.0271 (rounded)
 */
export function welchTTest(
  a: readonly number[] | SampleMoments,
  b: readonly number[] | SampleMoments,
  alpha = 0.05,
): WelchTestResult {
  return welchTTestFromSummary(toMoments(a, 'a'), toMoments(b, 'b'), alpha);
}

function toMoments(group: readonly number[] | SampleMoments, name: string): SampleMoments {
  if (!isValueList(group)) return group;
  if (group.length < 2) {
    throw new Error(`welchTTest requires at least 2 values in group ${name}`);
  }
  if (!group.every(Number.isFinite)) {
    throw new Error(`welchTTest requires finite values in group ${name}`);
  }
  return { n: group.length, mean: mean(group), sd: sampleStandardDeviation(group) };
}

function isValueList(group: readonly number[] | SampleMoments): group is readonly number[] {
  return Array.isArray(group);
}
