// Pure statistics of the scoring engine: distributions, group figures, reliability,
// comparisons and bands. No I/O; every function is checked against R or scipy in its test.

export { regularizedIncompleteBeta } from './regularized-incomplete-beta';
export { regularizedIncompleteGamma, type IncompleteGamma } from './regularized-incomplete-gamma';
export { logBeta } from './log-beta';
export { standardNormalUpperTail } from './standard-normal-upper-tail';
export { standardNormalQuantile } from './standard-normal-quantile';
export { studentTDensity } from './student-t-density';
export { studentTUpperTail } from './student-t-upper-tail';
export { studentTCdf } from './student-t-cdf';
export { studentTQuantile } from './student-t-quantile';

export type { Interval } from './interval';
export { groupSummary, type GroupSummary } from './group-summary';
export { categoryDistribution, type CategoryDistribution, type CategoryShare } from './category-distribution';
export { percentFavourable } from './percent-favourable';
export { to0to100 } from './to-0-to-100';
export { wilsonInterval } from './wilson-interval';

export {
  welchTTestFromSummary,
  welchTTestFromSummaryWithoutInterval,
  type SampleMoments,
  type WelchTestResult,
} from './welch-t-test-from-summary';
export { welchTTest } from './welch-t-test';
export { trendDifference, type TrendDifference } from './trend-difference';

export { completeCases, type ItemMatrix } from './complete-cases';
export { cronbachAlpha } from './cronbach-alpha';
export { correlationMatrix } from './correlation-matrix';
export { symmetricEigen, type SymmetricEigen } from './symmetric-eigen';
export { oneFactorMinres, type OneFactorModel } from './one-factor-minres';
export { mcdonaldOmegaTotal } from './mcdonald-omega-total';
export { icc1 } from './icc1';

export { benchmarkBand, type BenchmarkBand, type BenchmarkPercentiles } from './benchmark-band';
