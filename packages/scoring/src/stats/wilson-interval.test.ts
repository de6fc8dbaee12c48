import fc from 'fast-check';
import { relativeError } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilson-interval';

describe('wilsonInterval', () => {
  // checked in R 4.2.2: sprintf("%.17g", prop.test(x, n, correct = FALSE)$conf.int)
  // (the Wilson score interval without continuity correction)
  it.each([
    [3, 20, 0.95, 0.052368745896216609, 0.36041886474075691],
    [0, 10, 0.95, 0, 0.27753279986288915],
    [17, 100, 0.95, 0.1089356611405993, 0.25548004767601118],
    [20, 20, 0.95, 0.83887484194718065, 1],
    [7, 13, 0.9, 0.32481955895892467, 0.73885222692501029], // conf.level = 0.9
    [1, 1, 0.95, 0.2065493143772375, 1],
  ])('%i / %i at %f matches R prop.test', (successes, n, confidence, lower, upper) => {
    const interval = wilsonInterval(successes, n, confidence);
    expect(lower === 0 ? interval.lower : relativeError(interval.lower, lower)).toBeLessThan(1e-13);
    expect(relativeError(interval.upper, upper)).toBeLessThan(1e-13);
  });

  it('reproduces the check values of docs/instrument.md in percent, rounded to 0.1', () => {
    const percent = (successes: number, n: number) => {
      const { lower, upper } = wilsonInterval(successes, n);
      return [Math.round(lower * 1000) / 10, Math.round(upper * 1000) / 10];
    };
    expect(percent(3, 20)).toEqual([5.2, 36.0]);
    expect(percent(0, 10)).toEqual([0, 27.8]);
    expect(percent(17, 100)).toEqual([10.9, 25.5]);
  });

  it('rejects bad counts and confidence levels', () => {
    expect(() => wilsonInterval(0, 0)).toThrow('wilsonInterval requires n > 0');
    expect(() => wilsonInterval(1, 2.5)).toThrow('wilsonInterval requires n > 0, a whole number');
    expect(() => wilsonInterval(5, 4)).toThrow('wilsonInterval requires 0 <= successes <= n');
    expect(() => wilsonInterval(-1, 4)).toThrow('wilsonInterval requires 0 <= successes <= n');
    expect(() => wilsonInterval(1, 4, 0)).toThrow('wilsonInterval requires 0 < confidence < 1');
  });

  const counts = fc
    .integer({ min: 1, max: 5000 })
    .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

  it('lies within [0, 1] and contains the observed proportion', () => {
    fc.assert(
      fc.property(counts, fc.double({ min: 0.5, max: 0.999, noNaN: true }), ([successes, n], confidence) => {
        const { lower, upper } = wilsonInterval(successes, n, confidence);
        const proportion = successes / n;
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(upper).toBeLessThanOrEqual(1);
        expect(lower).toBeLessThanOrEqual(proportion);
        expect(upper).toBeGreaterThanOrEqual(proportion);
      }),
      { seed: 20240624, numRuns: 300 },
    );
  });

  it('mirrors under swapping successes and failures', () => {
    fc.assert(
      fc.property(counts, ([successes, n]) => {
        const interval = wilsonInterval(successes, n);
        const mirrored = wilsonInterval(n - successes, n);
        expect(interval.lower).toBeCloseTo(1 - mirrored.upper, 12);
        expect(interval.upper).toBeCloseTo(1 - mirrored.lower, 12);
      }),
      { seed: 20240625, numRuns: 200 },
    );
  });
});
