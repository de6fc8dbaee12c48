import type { GroupSummary } from './group-summary';
import { type WelchTestResult, welchTTestFromSummary } from './welch-t-test-from-summary';

/** The change of a scale between two measurements. */
export interface TrendDifference {
  /** current mean minus previous mean */
  difference: number;
  /** Welch test of the change; null when it cannot be tested (a group with n < 2, or no spread in either) */
  test: WelchTestResult | null;
  /** the change is significant at alpha; false when untested */
  significant: boolean;
}

/**
 * The trend of a scale between two measurements: the difference of the group means
 * (current - previous) with a [Welch t-test](https://en.wikipedia.org/wiki/Welch%27s_t-test),
 * from the stored group summaries (the earlier raw scores need not be kept). The two
 * measurements are treated as independent samples, since anonymous responses cannot be
 * paired across years.
 *
 * Where no test is possible (a group of one, or both groups without spread) the
 * difference is still reported but the test is null and the change is not flagged:
 * an untestable change is never presented as significant.
 *
 * References:
 * * Welch, B. L. (1947). Biometrika 34(1-2), 28-35. https://doi.org/10.1093/biomet/34.1-2.28
 * * scoring conventions, docs/instrument.md ("Trends")
 *
 * Cost: O(1).
 *
 * @param current summary of the later measurement (n, mean, sd)
 * @param previous summary of the earlier measurement (n, mean, sd)
 * @param alpha significance level (default 0.05)
 * @returns difference, Welch test (or null) and significance flag
 * @throws {Error} if a mean is not finite, or as {@link welchTTestFromSummary} for testable input
 * @example
 * trendDifference({ n: 40, mean: 3.9, sd: 0.7 }, { n: 35, mean: 3.5, sd: 0.8 }).significant; // => true
 */
export function trendDifference(
  current: Pick<GroupSummary, 'n' | 'mean' | 'sd'>,
  previous: Pick<GroupSummary, 'n' | 'mean' | 'sd'>,
  alpha = 0.05,
): TrendDifference {
  if (!(Number.isFinite(current.mean) && Number.isFinite(previous.mean))) {
    throw new Error('trendDifference requires finite means');
  }
  const difference = current.mean - previous.mean;
  if (current.sd === null || previous.sd === null || current.n < 2 || previous.n < 2) {
    return { difference, test: null, significant: false };
  }
  if (current.sd === 0 && previous.sd === 0) {
    return { difference, test: null, significant: false };
  }
  const test = welchTTestFromSummary(
    { n: current.n, mean: current.mean, sd: current.sd },
    { n: previous.n, mean: previous.mean, sd: previous.sd },
    alpha,
  );
  return { difference, test, significant: test.significant };
}
