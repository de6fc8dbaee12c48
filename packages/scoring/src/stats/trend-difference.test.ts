import { relativeError } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { groupSummary } from './group-summary';
import { trendDifference } from './trend-difference';

describe('trendDifference', () => {
  // R oracle: exact <- function(n, m, s) as.vector(scale(rnorm(n))) * s + m (a sample with exactly
  // that mean and sd), then t.test(current, previous, var.equal = FALSE); R 4.2.2, set.seed(1)

  it('reports a significant rise', () => {
    // R: t.test(exact(40, 3.9, 0.7), exact(35, 3.5, 0.8)): statistic 2.2890535340772056,
    // df 68.149664060262324, p.value 0.025180559109022949, conf.int 0.051316222121467386 0.74868377787853257
    // scipy 1.17.1 ttest_ind_from_stats(3.9, 0.7, 40, 3.5, 0.8, 35, equal_var=False): pvalue 0.025180559109023008
    const trend = trendDifference({ n: 40, mean: 3.9, sd: 0.7 }, { n: 35, mean: 3.5, sd: 0.8 });
    expect(trend.difference).toBeCloseTo(0.4, 14);
    expect(trend.significant).toBe(true);
    expect(relativeError(trend.test?.t ?? Number.NaN, 2.2890535340772056)).toBeLessThan(1e-13);
    expect(relativeError(trend.test?.df ?? Number.NaN, 68.149664060262324)).toBeLessThan(1e-13);
    expect(relativeError(trend.test?.p ?? Number.NaN, 0.025180559109022949)).toBeLessThan(1e-12);
    expect(relativeError(trend.test?.ci.lower ?? Number.NaN, 0.051316222121467386)).toBeLessThan(1e-11);
  });

  it('reports a non-significant change as not significant', () => {
    // R: t.test(exact(12, 3.6, 0.9), exact(15, 3.4, 0.7)): statistic 0.63192914365114905,
    // df 20.458428806080054, p.value 0.53443179638334537
    const trend = trendDifference({ n: 12, mean: 3.6, sd: 0.9 }, { n: 15, mean: 3.4, sd: 0.7 });
    expect(trend.significant).toBe(false);
    expect(relativeError(trend.test?.p ?? Number.NaN, 0.53443179638334537)).toBeLessThan(1e-12);
  });

  it('takes group summaries directly', () => {
    // checked in R 4.2.2: t.test(c(3.2, 4.1, 2.8, 3.9, 4.5, 3.3, 2.9, 4.0),
    //   c(2.5, 3.1, 2.2, 3.8, 2.9, 2.4, 3.0, 2.7, 3.3, 2.6, 2.8))$p.value = 0.013708223639603426
    const current = groupSummary([3.2, 4.1, 2.8, 3.9, 4.5, 3.3, 2.9, 4.0]);
    const previous = groupSummary([2.5, 3.1, 2.2, 3.8, 2.9, 2.4, 3.0, 2.7, 3.3, 2.6, 2.8]);
    expect(relativeError(trendDifference(current, previous).test?.p ?? Number.NaN, 0.013708223639603426)).toBeLessThan(
      1e-12,
    );
  });

  it('reports the difference but no test when a group has one respondent', () => {
    const trend = trendDifference(groupSummary([4]), groupSummary([3, 3.5, 2.5]));
    expect(trend).toEqual({ difference: 1, test: null, significant: false });
  });

  it('reports the difference but no test when neither group varies', () => {
    expect(trendDifference({ n: 5, mean: 4, sd: 0 }, { n: 6, mean: 3, sd: 0 })).toEqual({
      difference: 1,
      test: null,
      significant: false,
    });
  });

  it('rejects non-finite means', () => {
    expect(() => trendDifference({ n: 5, mean: Number.NaN, sd: 1 }, { n: 5, mean: 3, sd: 1 })).toThrow(
      'trendDifference requires finite means',
    );
  });
});
