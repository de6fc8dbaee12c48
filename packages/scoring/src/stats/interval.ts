/** A closed interval [lower, upper], e.g. a confidence interval. */
export interface Interval {
  lower: number;
  upper: number;
}
