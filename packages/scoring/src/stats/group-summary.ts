import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { Interval } from './interval';
import { studentTQuantile } from './student-t-quantile';

/** The published figures of one group on one scale (or item). */
export interface GroupSummary {
  /** number of values */
  n: number;
  mean: number;
  /** sample standard deviation (n - 1 denominator); null when n < 2 */
  sd: number | null;
  /** standard error of the mean, sd / √n; null when n < 2 */
  se: number | null;
  /** confidence interval of the mean from the t distribution with n - 1 df; null when n < 2 */
  ci: Interval | null;
}

/**
 * The group summary of a sample: n, [mean](https://en.wikipedia.org/wiki/Arithmetic_mean),
 * [sample standard deviation](https://en.wikipedia.org/wiki/Standard_deviation#Corrected_sample_standard_deviation),
 * [standard error](https://en.wikipedia.org/wiki/Standard_error) and the
 * [t confidence interval of the mean](https://en.wikipedia.org/wiki/Student%27s_t-distribution#Confidence_intervals),
 * mean ± t_{(1+c)/2, n-1} · sd / √n, as R's `t.test(x)$conf.int` reports it.
 * A single value has a mean but no spread: sd, se and ci are then null.
 *
 * References:
 * * scoring conventions, docs/instrument.md ("Group figures");
 *   [NIST e-Handbook 7.2.2.1](https://www.itl.nist.gov/div898/handbook/prc/section2/prc221.htm)
 *
 * Cost: O(n).
 *
 * @param values the scores of the group (missing values already removed)
 * @param confidence level of the interval, 0 < confidence < 1 (default 0.95)
 * @returns n, mean, sd, se and ci
 * @throws {Error} if values is empty, holds a non-finite number, or confidence is not in (0, 1)
 * @example
 * groupSummary([1, 2, 3, 4, 5]);
 * // => { n: 5, mean: 3, sd: 1.5811388300841898, se: 0.7071067811865476,
 * //      ci: { lower: 1.0367568385224, upper: 4.9632431614776 } } (up to rounding)
 */
export function groupSummary(values: readonly number[], confidence = 0.95): GroupSummary {
  if (values.length === 0) {
    throw new Error('groupSummary requires at least one value');
  }
  if (!values.every(Number.isFinite)) {
    throw new Error('groupSummary requires finite values');
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new Error('groupSummary requires 0 < confidence < 1');
  }
  const n = values.length;
  const average = mean(values);
  if (n < 2) {
    return { n, mean: average, sd: null, se: null, ci: null };
  }
  const sd = sampleStandardDeviation(values);
  const se = sd / Math.sqrt(n);
  const margin = studentTQuantile((1 + confidence) / 2, n - 1) * se;
  return { n, mean: average, sd, se, ci: { lower: average - margin, upper: average + margin } };
}
