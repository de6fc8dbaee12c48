import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyIndicator, minimumAnswered } from './missing-data';

describe('minimumAnswered (half of the items, rounded up)', () => {
  it('needs 4 of 7, 3 of 6, 2 of 3 and 1 of 1 or 2', () => {
    expect(minimumAnswered(7)).toBe(4); // 7 / 2 = 3.5 -> 4
    expect(minimumAnswered(6)).toBe(3);
    expect(minimumAnswered(3)).toBe(2); // 1.5 -> 2
    expect(minimumAnswered(2)).toBe(1);
    expect(minimumAnswered(1)).toBe(1); // 0.5 -> 1
  });
});

describe('anyIndicator', () => {
  it('says yes on one yes, however much else is unknown', () => {
    expect(anyIndicator(1, 1, 7)).toBe(true);
  });

  it('says no only when at least half of the applicable parts are known', () => {
    expect(anyIndicator(0, 4, 7)).toBe(false); // 4 >= ceil(7 / 2) = 4
    expect(anyIndicator(0, 3, 7)).toBeNull(); // 3 < 4
    expect(anyIndicator(0, 1, 1)).toBe(false);
  });

  it('is unknown when nothing applies', () => {
    expect(anyIndicator(0, 0, 0)).toBeNull();
  });

  it('never says no when a part says yes, and is never unknown when every part is known', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 14 }), fc.nat(), fc.nat(), (applicable, a, b) => {
        const known = a % (applicable + 1);
        const yes = b % (known + 1);
        const value = anyIndicator(yes, known, applicable);
        if (yes > 0) expect(value).toBe(true);
        if (known === applicable) expect(value).not.toBeNull();
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });
});
