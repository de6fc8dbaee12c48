import fc from 'fast-check';
import { relativeError } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { groupSummary } from './group-summary';

describe('groupSummary', () => {
  const x = [3.2, 4.1, 2.8, 3.9, 4.5, 3.3, 2.9, 4.0];

  it('matches R for n, mean, sd, se and the 95% t interval', () => {
    // checked in R 4.2.2: x <- c(3.2, 4.1, 2.8, 3.9, 4.5, 3.3, 2.9, 4.0)
    // mean(x) = 3.5874999999999999; sd(x) = 0.61976377988483877; sd(x)/sqrt(8) = 0.21911958574518814
    // t.test(x)$conf.int = 3.0693645135479635 4.1056354864520364
    const summary = groupSummary(x);
    expect(summary.n).toBe(8);
    expect(relativeError(summary.mean, 3.5874999999999999)).toBeLessThan(1e-15);
    expect(relativeError(summary.sd ?? Number.NaN, 0.61976377988483877)).toBeLessThan(1e-14);
    expect(relativeError(summary.se ?? Number.NaN, 0.21911958574518814)).toBeLessThan(1e-14);
    expect(relativeError(summary.ci?.lower ?? Number.NaN, 3.0693645135479635)).toBeLessThan(1e-13);
    expect(relativeError(summary.ci?.upper ?? Number.NaN, 4.1056354864520364)).toBeLessThan(1e-13);
  });

  it('honours another confidence level', () => {
    // checked in R 4.2.2: t.test(x, conf.level = 0.9)$conf.int = 3.1723607208909814 4.0026392791090188
    const { ci } = groupSummary(x, 0.9);
    expect(relativeError(ci?.lower ?? Number.NaN, 3.1723607208909814)).toBeLessThan(1e-13);
    expect(relativeError(ci?.upper ?? Number.NaN, 4.0026392791090188)).toBeLessThan(1e-13);
  });

  it('uses the t distribution with 1 df for two values (a very wide interval)', () => {
    // checked in R 4.2.2: t.test(c(4, 5))$conf.int = -1.8531023680873471 10.853102368087347
    const { ci } = groupSummary([4, 5]);
    expect(relativeError(ci?.lower ?? Number.NaN, -1.8531023680873471)).toBeLessThan(1e-13);
    expect(relativeError(ci?.upper ?? Number.NaN, 10.853102368087347)).toBeLessThan(1e-13);
  });

  it('gives a mean but no spread or interval for a single value', () => {
    expect(groupSummary([4])).toEqual({ n: 1, mean: 4, sd: null, se: null, ci: null });
  });

  it('rejects empty input, non-finite values and a bad confidence level', () => {
    expect(() => groupSummary([])).toThrow('groupSummary requires at least one value');
    expect(() => groupSummary([1, Number.NaN])).toThrow('groupSummary requires finite values');
    expect(() => groupSummary([1, 2], 1)).toThrow('groupSummary requires 0 < confidence < 1');
  });

  const sample = fc.array(fc.double({ min: 1, max: 5, noNaN: true }), { minLength: 2, maxLength: 60 });

  it('has an interval symmetric around the mean that contains it', () => {
    fc.assert(
      fc.property(sample, (values) => {
        const { mean, ci } = groupSummary(values);
        expect(ci).not.toBeNull();
        if (ci === null) return;
        expect(ci.lower).toBeLessThanOrEqual(mean);
        expect(ci.upper).toBeGreaterThanOrEqual(mean);
        expect(ci.upper - mean).toBeCloseTo(mean - ci.lower, 10);
      }),
      { seed: 20240620, numRuns: 200 },
    );
  });

  it('has a wider interval at a higher confidence level', () => {
    fc.assert(
      fc.property(sample, (values) => {
        const narrow = groupSummary(values, 0.9).ci;
        const wide = groupSummary(values, 0.99).ci;
        if (narrow === null || wide === null) throw new Error('expected intervals');
        expect(wide.upper - wide.lower).toBeGreaterThanOrEqual(narrow.upper - narrow.lower);
      }),
      { seed: 20240621, numRuns: 100 },
    );
  });
});
