/** Count and share of one answer category. */
export interface CategoryShare {
  category: number;
  count: number;
  /** count / n, in [0, 1] */
  proportion: number;
}

/** How the answers of a group spread over the answer categories. */
export interface CategoryDistribution {
  /** number of answers */
  n: number;
  /** one entry per category, in the order the categories were given (empty ones included) */
  shares: CategoryShare[];
}

/**
 * The [frequency distribution](https://en.wikipedia.org/wiki/Frequency_distribution) of
 * answers over a fixed list of answer categories (e.g. 1..5 of an agreement scale):
 * count and proportion per category, including categories nobody chose, so that every
 * group's distribution has the same shape.
 *
 * An answer outside the categories is a data error upstream (a missing "don't know"
 * should already have been removed), so it throws rather than being dropped silently.
 *
 * References:
 * * scoring conventions, docs/instrument.md ("distribution over the 5 answer categories")
 *
 * Cost: O(n + c) for n answers and c categories.
 *
 * @param values the answers of the group
 * @param categories the answer categories, distinct
 * @returns n and per category its count and proportion
 * @throws {Error} if values or categories is empty, categories repeat, or an answer is not a category
 * @example
 * categoryDistribution([1, 2, 2, 5], [1, 2, 3, 4, 5]).shares[1]; // => { category: 2, count: 2, proportion: 0.5 }
 */
export function categoryDistribution(
  values: readonly number[],
  categories: readonly number[],
): CategoryDistribution {
  if (categories.length === 0) {
    throw new Error('categoryDistribution requires at least one category');
  }
  if (values.length === 0) {
    throw new Error('categoryDistribution requires at least one value');
  }
  const counts = new Map<number, number>();
  for (const category of categories) {
    if (counts.has(category)) {
      throw new Error(`categoryDistribution requires distinct categories, ${category} repeats`);
    }
    counts.set(category, 0);
  }
  for (const value of values) {
    const count = counts.get(value);
    if (count === undefined) {
      throw new Error(`categoryDistribution got ${value}, which is not one of the categories`);
    }
    counts.set(value, count + 1);
  }
  const n = values.length;
  const shares = categories.map((category) => {
    const count = counts.get(category) ?? 0;
    return { category, count, proportion: count / n };
  });
  return { n, shares };
}
