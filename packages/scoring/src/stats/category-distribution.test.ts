import { describe, expect, it } from 'vitest';
import { categoryDistribution } from './category-distribution';

describe('categoryDistribution', () => {
  it('matches R table() and prop.table(), empty categories included', () => {
    // checked in R 4.2.2: x <- c(4, 5, 3, 4, 2, 4, 5, 1, 4, 3, 4, 5)
    // table(factor(x, levels = 1:5)) = 1 1 2 5 3; prop.table(...) =
    // 0.083333333333333329 0.083333333333333329 0.16666666666666666 0.41666666666666669 0.25
    const result = categoryDistribution([4, 5, 3, 4, 2, 4, 5, 1, 4, 3, 4, 5], [1, 2, 3, 4, 5]);
    expect(result.n).toBe(12);
    expect(result.shares.map((share) => share.count)).toEqual([1, 1, 2, 5, 3]);
    expect(result.shares.map((share) => share.proportion)).toEqual([
      0.083333333333333329, 0.083333333333333329, 0.16666666666666666, 0.41666666666666669, 0.25,
    ]);
  });

  it('keeps the order of the categories and reports unchosen ones as 0', () => {
    const result = categoryDistribution([1, 1], [5, 4, 3, 2, 1]);
    expect(result.shares.map((share) => share.category)).toEqual([5, 4, 3, 2, 1]);
    expect(result.shares.map((share) => share.count)).toEqual([0, 0, 0, 0, 2]);
  });

  it('rejects answers outside the categories, repeated categories and empty input', () => {
    expect(() => categoryDistribution([1, 6], [1, 2, 3, 4, 5])).toThrow(
      'categoryDistribution got 6, which is not one of the categories',
    );
    expect(() => categoryDistribution([1], [1, 1])).toThrow('categoryDistribution requires distinct categories');
    expect(() => categoryDistribution([], [1, 2])).toThrow('categoryDistribution requires at least one value');
    expect(() => categoryDistribution([1], [])).toThrow('categoryDistribution requires at least one category');
  });
});
