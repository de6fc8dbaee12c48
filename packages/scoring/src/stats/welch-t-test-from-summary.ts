import type { Interval } from './interval';
import { studentTQuantile } from './student-t-quantile';
import { studentTUpperTail } from './student-t-upper-tail';

/** What a two-sample comparison needs to know of a group: its size, mean and sample sd. */
export interface SampleMoments {
  n: number;
  mean: number;
  /** sample standard deviation (n - 1 denominator) */
  sd: number;
}

/** The outcome of a Welch two-sample t-test of a against b. */
export interface WelchTestResult {
  /** mean of a minus mean of b */
  difference: number;
  /** standard error of the difference, √(sd_a²/n_a + sd_b²/n_b) */
  standardError: number;
  /** difference / standardError */
  t: number;
  /** Welch-Satterthwaite degrees of freedom (usually not whole) */
  df: number;
  /** two-sided p-value */
  p: number;
  /** p < alpha */
  significant: boolean;
  /** (1 - alpha) confidence interval of the difference */
  ci: Interval;
}

/**
 * [Welch's unequal-variances t-test](https://en.wikipedia.org/wiki/Welch%27s_t-test) from
 * summary statistics: compares the means of two groups without assuming equal variances,
 * with the Welch-Satterthwaite degrees of freedom
 * df = (v_a + v_b)² / (v_a²/(n_a - 1) + v_b²/(n_b - 1)), v = sd²/n.
 * Working from (n, mean, sd) lets a group be compared with a published benchmark or with
 * last year's stored result, where the raw scores are not at hand. Matches R's
 * `t.test(a, b, var.equal = FALSE)`.
 *
 * References:
 * * Welch, B. L. (1947). The generalization of "Student's" problem when several different
 *   population variances are involved. Biometrika 34(1-2), 28-35. https://doi.org/10.1093/biomet/34.1-2.28
 * * scoring conventions, docs/instrument.md ("Comparison with the organisation")
 *
 * Cost: O(1) (one incomplete beta and one t quantile).
 *
 * @param a first group
 * @param b second group
 * @param alpha significance level, 0 < alpha < 1 (default 0.05)
 * @returns difference a - b, its standard error, t, df, two-sided p, significance, CI
 * @throws {Error} if a group has n < 2 (or not whole), a non-finite mean, a negative or
 *   non-finite sd, if both sds are 0 (no spread to test against), or alpha is not in (0, 1)
 * @example
 * welchTTestFromSummary({ n: 10, mean: 3.8, sd: 0.6 }, { n: 200, mean: 3.5, sd: 0.8 }).p;
 * // => 0.1588 (rounded)
 */
export function welchTTestFromSummary(a: SampleMoments, b: SampleMoments, alpha = 0.05): WelchTestResult {
  const test = welchTest(a, b, alpha);
  const margin = studentTQuantile(1 - alpha / 2, test.df) * test.standardError;
  return { ...test, ci: { lower: test.difference - margin, upper: test.difference + margin } };
}

/**
 * The same test without the confidence interval: the interval needs a t quantile at non-whole df (a root search),
 * which costs more than the p-value itself, and the results engine, testing every unit against its organisation,
 * publishes only the p-value and the flag. Same checks, same p, same flag as welchTTestFromSummary.
 *
 * Cost: O(1) (one incomplete beta).
 *
 * @throws {Error} as welchTTestFromSummary
 */
export function welchTTestFromSummaryWithoutInterval(
  a: SampleMoments,
  b: SampleMoments,
  alpha = 0.05,
): Omit<WelchTestResult, 'ci'> {
  return welchTest(a, b, alpha);
}

function welchTest(a: SampleMoments, b: SampleMoments, alpha: number): Omit<WelchTestResult, 'ci'> {
  checkMoments(a, 'a');
  checkMoments(b, 'b');
  if (!(alpha > 0 && alpha < 1)) {
    throw new Error('welchTTestFromSummary requires 0 < alpha < 1');
  }
  const varianceOfMeanA = (a.sd * a.sd) / a.n;
  const varianceOfMeanB = (b.sd * b.sd) / b.n;
  const varianceOfDifference = varianceOfMeanA + varianceOfMeanB;
  if (varianceOfDifference === 0) {
    throw new Error('welchTTestFromSummary requires some spread: both groups have sd 0');
  }
  const standardError = Math.sqrt(varianceOfDifference);
  const difference = a.mean - b.mean;
  const t = difference / standardError;
  const df =
    (varianceOfDifference * varianceOfDifference) /
    ((varianceOfMeanA * varianceOfMeanA) / (a.n - 1) + (varianceOfMeanB * varianceOfMeanB) / (b.n - 1));
  const p = 2 * studentTUpperTail(Math.abs(t), df);
  return { difference, standardError, t, df, p, significant: p < alpha };
}

function checkMoments(group: SampleMoments, name: string): void {
  if (!(Number.isInteger(group.n) && group.n >= 2)) {
    throw new Error(`welchTTestFromSummary requires n >= 2 in group ${name}, a whole number`);
  }
  if (!Number.isFinite(group.mean)) {
    throw new Error(`welchTTestFromSummary requires a finite mean in group ${name}`);
  }
  if (!(group.sd >= 0 && Number.isFinite(group.sd))) {
    throw new Error(`welchTTestFromSummary requires a finite sd >= 0 in group ${name}`);
  }
}
