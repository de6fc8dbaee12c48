import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentFavourable } from './percent-favourable';

describe('percentFavourable', () => {
  const scores = [3.75, 4, 4.25, 2.5, 3.99, 5, 4, 1.5];

  it('matches R, counting a score of exactly 4 as favourable', () => {
    // checked in R 4.2.2: s <- c(3.75, 4, 4.25, 2.5, 3.99, 5, 4, 1.5); mean(s >= 4) * 100 = 50
    expect(percentFavourable(scores)).toBe(50);
  });

  it('takes another threshold', () => {
    // checked in R 4.2.2: mean(s >= 3) * 100 = 75
    expect(percentFavourable(scores, 3)).toBe(75);
  });

  it('counts a scale mean of exactly 4 from seven items as favourable (no rounding below 4)', () => {
    // 28 / 7 is exactly 4 in IEEE arithmetic (division is correctly rounded and 4 is representable)
    expect(percentFavourable([[4, 4, 4, 4, 5, 3, 4].reduce((a, b) => a + b, 0) / 7])).toBe(100);
  });

  it('rejects empty or non-finite input', () => {
    expect(() => percentFavourable([])).toThrow('percentFavourable requires at least one score');
    expect(() => percentFavourable([Number.NaN])).toThrow('percentFavourable requires finite scores');
    expect(() => percentFavourable([4], Number.NaN)).toThrow('percentFavourable requires a finite threshold');
  });

  it('lies in [0, 100] and does not increase when the threshold rises', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 5, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 1, max: 5, noNaN: true }),
        fc.double({ min: 1, max: 5, noNaN: true }),
        (values, t1, t2) => {
          const [low, high] = t1 <= t2 ? [t1, t2] : [t2, t1];
          const atLow = percentFavourable(values, low);
          const atHigh = percentFavourable(values, high);
          expect(atLow).toBeGreaterThanOrEqual(0);
          expect(atLow).toBeLessThanOrEqual(100);
          expect(atHigh).toBeLessThanOrEqual(atLow);
        },
      ),
      { seed: 20240622, numRuns: 200 },
    );
  });
});
