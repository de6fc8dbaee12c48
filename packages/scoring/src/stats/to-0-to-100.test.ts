import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { to0to100 } from './to-0-to-100';

describe('to0to100', () => {
  it('gives the values stated in the scoring spec (docs/instrument.md: 1 -> 0, 3 -> 50, 5 -> 100)', () => {
    expect(to0to100(1, 1, 5)).toBe(0);
    expect(to0to100(3, 1, 5)).toBe(50);
    expect(to0to100(5, 1, 5)).toBe(100);
  });

  it('works for other response scales (0-10 outcome: 7 -> 70)', () => {
    expect(to0to100(7, 0, 10)).toBe(70);
  });

  it('rejects min >= max, non-finite values and scores outside the scale', () => {
    expect(() => to0to100(3, 5, 5)).toThrow('to0to100 requires min < max');
    expect(() => to0to100(Number.NaN, 1, 5)).toThrow('to0to100 requires finite score, min and max');
    expect(() => to0to100(6, 1, 5)).toThrow('to0to100 requires min <= score <= max, got 6 on 1..5');
  });

  it('maps the scale monotonically into [0, 100]', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 5, noNaN: true }), fc.double({ min: 1, max: 5, noNaN: true }), (s1, s2) => {
        const [low, high] = s1 <= s2 ? [s1, s2] : [s2, s1];
        expect(to0to100(low, 1, 5)).toBeGreaterThanOrEqual(0);
        expect(to0to100(high, 1, 5)).toBeLessThanOrEqual(100);
        expect(to0to100(high, 1, 5)).toBeGreaterThanOrEqual(to0to100(low, 1, 5));
      }),
      { seed: 20240623, numRuns: 200 },
    );
  });
});
