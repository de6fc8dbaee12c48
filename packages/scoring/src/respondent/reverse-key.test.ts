import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reverseKey } from './reverse-key';

describe('reverseKey', () => {
  it('reverses on the 1-5 agreement scale as the scoring spec says: x\' = (1 + 5) - x', () => {
    expect(reverseKey(2, 1, 5)).toBe(4); // (1 + 5) - 2 = 4
    expect(reverseKey(1, 1, 5)).toBe(5); // (1 + 5) - 1 = 5
    expect(reverseKey(3, 1, 5)).toBe(3); // the midpoint stays: (1 + 5) - 3 = 3
  });

  it('uses the scale\'s own range on a 0-4 frequency scale', () => {
    expect(reverseKey(1, 0, 4)).toBe(3); // (0 + 4) - 1 = 3
  });

  it('gives the answer back when applied twice, and stays within the scale', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.nat(), (min, width, offset) => {
        const max = min + width;
        const value = min + (offset % (width + 1));
        const reversed = reverseKey(value, min, max);
        expect(reversed).toBeGreaterThanOrEqual(min);
        expect(reversed).toBeLessThanOrEqual(max);
        expect(reverseKey(reversed, min, max)).toBe(value);
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });
});
