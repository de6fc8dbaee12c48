import fc from 'fast-check';
import { relativeError } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { welchTTest } from './welch-t-test';
import { welchTTestFromSummary } from './welch-t-test-from-summary';

const a = [3.2, 4.1, 2.8, 3.9, 4.5, 3.3, 2.9, 4.0];
const b = [2.5, 3.1, 2.2, 3.8, 2.9, 2.4, 3.0, 2.7, 3.3, 2.6, 2.8];

describe('welchTTest', () => {
  it('matches R t.test(a, b, var.equal = FALSE)', () => {
    // checked in R 4.2.2: r <- t.test(a, b, var.equal = FALSE) with a, b as above
    // statistic 2.8787597300086234; parameter (df) 12.15190507605193; p.value 0.013708223639603426
    // conf.int 0.18119994753006377 1.3028909615608457; stderr 0.25776567832676744; mean(a) - mean(b) 0.74204545454545467
    const result = welchTTest(a, b);
    expect(relativeError(result.difference, 0.74204545454545467)).toBeLessThan(1e-14);
    expect(relativeError(result.standardError, 0.25776567832676744)).toBeLessThan(1e-14);
    expect(relativeError(result.t, 2.8787597300086234)).toBeLessThan(1e-13);
    expect(relativeError(result.df, 12.15190507605193)).toBeLessThan(1e-13);
    expect(relativeError(result.p, 0.013708223639603426)).toBeLessThan(1e-12);
    expect(relativeError(result.ci.lower, 0.18119994753006377)).toBeLessThan(1e-12);
    expect(relativeError(result.ci.upper, 1.3028909615608457)).toBeLessThan(1e-12);
    expect(result.significant).toBe(true);
  });

  it('gives the (1 - alpha) interval for another alpha', () => {
    // checked in R 4.2.2: t.test(a, b, var.equal = FALSE, conf.level = 0.99)$conf.int
    // = -0.043521908886241495 1.5276128179771511; p = 0.0137 is then not significant
    const result = welchTTest(a, b, 0.01);
    expect(relativeError(result.ci.lower, -0.043521908886241495)).toBeLessThan(1e-11);
    expect(relativeError(result.ci.upper, 1.5276128179771511)).toBeLessThan(1e-12);
    expect(result.significant).toBe(false);
  });

  it('reports a non-significant difference as such', () => {
    // checked in R 4.2.2: t.test(c(3.1, 3.4, 2.9, 3.6, 3.3, 3.0, 3.5), c(3.2, 3.0, 3.6, 3.4, 2.8, 3.5, 3.1, 3.3, 2.9))
    // statistic 0.42281313806535042, df 13.280453475229843, p.value 0.67919762202715694
    const result = welchTTest([3.1, 3.4, 2.9, 3.6, 3.3, 3.0, 3.5], [3.2, 3.0, 3.6, 3.4, 2.8, 3.5, 3.1, 3.3, 2.9]);
    expect(relativeError(result.t, 0.42281313806535042)).toBeLessThan(1e-12);
    expect(relativeError(result.df, 13.280453475229843)).toBeLessThan(1e-12);
    expect(relativeError(result.p, 0.67919762202715694)).toBeLessThan(1e-12);
    expect(result.significant).toBe(false);
  });

  it('accepts a group as summary statistics (e.g. a benchmark) next to raw values', () => {
    // checked in R 4.2.2: mean(b) = 2.8454545454545452, sd(b) = 0.45025245443781053; same test as above
    const result = welchTTest(a, { n: 11, mean: 2.8454545454545452, sd: 0.45025245443781053 });
    expect(relativeError(result.t, 2.8787597300086234)).toBeLessThan(1e-12);
    expect(relativeError(result.p, 0.013708223639603426)).toBeLessThan(1e-11);
  });

  it('rejects groups of fewer than 2 values or with non-finite values', () => {
    expect(() => welchTTest([1], b)).toThrow('welchTTest requires at least 2 values in group a');
    expect(() => welchTTest(a, [1, Number.NaN])).toThrow('welchTTest requires finite values in group b');
    expect(() => welchTTest([2, 2], [3, 3])).toThrow('welchTTestFromSummary requires some spread: both groups have sd 0');
  });
});

describe('welchTTestFromSummary', () => {
  // The R oracle for summary statistics: exact <- function(n, m, s) as.vector(scale(rnorm(n))) * s + m
  // builds a sample with exactly that mean and sd, which t.test(var.equal = FALSE) then tests (R 4.2.2, set.seed(1)).

  it('compares a group with a benchmark given as mean / sd / n', () => {
    // R: t.test(exact(10, 3.8, 0.6), exact(200, 3.5, 0.8)): statistic 1.5152288168283152,
    // df 10.667299234221163, p.value 0.15877016687807691, conf.int -0.13743679733914732 0.73743679733914691
    // scipy 1.17.1: stats.ttest_ind_from_stats(3.8, 0.6, 10, 3.5, 0.8, 200, equal_var=False)
    // gives statistic 1.5152288168283152, pvalue 0.15877016687807693
    const result = welchTTestFromSummary({ n: 10, mean: 3.8, sd: 0.6 }, { n: 200, mean: 3.5, sd: 0.8 });
    expect(relativeError(result.t, 1.5152288168283152)).toBeLessThan(1e-13);
    expect(relativeError(result.df, 10.667299234221163)).toBeLessThan(1e-13);
    expect(relativeError(result.p, 0.15877016687807691)).toBeLessThan(1e-12);
    expect(relativeError(result.ci.lower, -0.13743679733914732)).toBeLessThan(1e-12);
    expect(relativeError(result.ci.upper, 0.73743679733914691)).toBeLessThan(1e-12);
    expect(result.significant).toBe(false);
  });

  it('handles one group without spread (df = n - 1 of the other)', () => {
    // R: t.test(exact(8, 3.0, 0.5), rep(4, 30)): statistic -5.6568542494923797, df 7.0000000000000009,
    // p.value 0.00076898154901078428
    const result = welchTTestFromSummary({ n: 8, mean: 3, sd: 0.5 }, { n: 30, mean: 4, sd: 0 });
    expect(relativeError(result.t, -5.6568542494923797)).toBeLessThan(1e-13);
    expect(relativeError(result.df, 7.0000000000000009)).toBeLessThan(1e-13);
    expect(relativeError(result.p, 0.00076898154901078428)).toBeLessThan(1e-11);
    expect(result.significant).toBe(true);
  });

  it('rejects invalid summaries and alpha', () => {
    const ok = { n: 5, mean: 3, sd: 1 };
    expect(() => welchTTestFromSummary({ n: 1, mean: 3, sd: 1 }, ok)).toThrow(
      'welchTTestFromSummary requires n >= 2 in group a',
    );
    expect(() => welchTTestFromSummary(ok, { n: 5, mean: Number.NaN, sd: 1 })).toThrow(
      'welchTTestFromSummary requires a finite mean in group b',
    );
    expect(() => welchTTestFromSummary(ok, { n: 5, mean: 3, sd: -1 })).toThrow(
      'welchTTestFromSummary requires a finite sd >= 0 in group b',
    );
    expect(() => welchTTestFromSummary(ok, ok, 0)).toThrow('welchTTestFromSummary requires 0 < alpha < 1');
  });

  const moments = fc.record({
    n: fc.integer({ min: 2, max: 500 }),
    mean: fc.double({ min: 1, max: 5, noNaN: true }),
    sd: fc.double({ min: 0.05, max: 2, noNaN: true }),
  });

  it('is antisymmetric in its groups and p lies in [0, 1]', () => {
    fc.assert(
      fc.property(moments, moments, (x, y) => {
        const forward = welchTTestFromSummary(x, y);
        const backward = welchTTestFromSummary(y, x);
        expect(backward.t).toBeCloseTo(-forward.t, 10);
        expect(backward.df).toBeCloseTo(forward.df, 8);
        expect(backward.p).toBeCloseTo(forward.p, 12);
        // p underflows to 0 for |t| in the hundreds, as R's pt does
        expect(forward.p).toBeGreaterThanOrEqual(0);
        expect(forward.p).toBeLessThanOrEqual(1);
      }),
      { seed: 20240626, numRuns: 200 },
    );
  });

  it('flags significance exactly when the confidence interval excludes 0', () => {
    fc.assert(
      fc.property(moments, moments, (x, y) => {
        const result = welchTTestFromSummary(x, y);
        const excludesZero = result.ci.lower > 0 || result.ci.upper < 0;
        // away from the boundary p = alpha, where rounding may decide either way
        if (Math.abs(result.p - 0.05) > 1e-9) expect(result.significant).toBe(excludesZero);
      }),
      { seed: 20240627, numRuns: 300 },
    );
  });

  it('has Welch-Satterthwaite df between min(n) - 1 and n_a + n_b - 2', () => {
    fc.assert(
      fc.property(moments, moments, (x, y) => {
        const { df } = welchTTestFromSummary(x, y);
        expect(df).toBeGreaterThanOrEqual(Math.min(x.n, y.n) - 1 - 1e-9);
        expect(df).toBeLessThanOrEqual(x.n + y.n - 2 + 1e-9);
      }),
      { seed: 20240628, numRuns: 300 },
    );
  });
});
