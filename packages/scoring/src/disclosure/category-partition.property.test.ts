import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSmallBlocks, refineWithin, type Block, type Partition } from './category-partition';

/** refineWithin as rule 3 states it: each ancestor block counting 0 stays whole, the others merge their own blocks. */
function referenceRefineWithin(ancestor: Partition, own: readonly Block[], counts: Float64Array, threshold: number): Partition | null {
  const count = (block: Block) => block.reduce((sum, c) => sum + (counts[c] as number), 0);
  if (ancestor.some((block) => count(block) > 0 && count(block) < threshold)) return null;
  const result = ancestor.flatMap((block) =>
    count(block) === 0 ? [block] : mergeSmallBlocks(own.filter((o) => block.includes(o[0] as number)), counts, 0, threshold),
  );
  return result.sort((a, b) => (a[0] as number) - (b[0] as number));
}

/** Splits categories 0..width-1 into consecutive-or-not blocks by a label per category. */
function partitionOf(labels: readonly number[]): Block[] {
  const blocks = new Map<number, number[]>();
  labels.forEach((label, category) => blocks.set(label, [...(blocks.get(label) ?? []), category]));
  return [...blocks.values()].sort((a, b) => (a[0] as number) - (b[0] as number));
}

const case_ = fc
  .integer({ min: 1, max: 8 })
  .chain((width) =>
    fc.record({
      ancestorLabels: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: width, maxLength: width }),
      ownLabels: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: width, maxLength: width }),
      counts: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 5, max: 40 })), {
        minLength: width,
        maxLength: width,
      }),
      threshold: fc.integer({ min: 5, max: 12 }),
    }),
  );

describe('refineWithin', () => {
  it('decides exactly as rule 3 merging applied inside each ancestor block', () => {
    fc.assert(
      fc.property(case_, ({ ancestorLabels, ownLabels, counts, threshold }) => {
        const ancestor = partitionOf(ancestorLabels);
        // Own blocks lie inside ancestor blocks: label them by (ancestor block, own label).
        const own = partitionOf(ownLabels.map((label, c) => (ancestorLabels[c] as number) * 10 + label));
        const table = Float64Array.from(counts);
        expect(refineWithin(ancestor, own, table, 0, threshold)).toEqual(referenceRefineWithin(ancestor, own, table, threshold));
      }),
      { seed: 20261217, numRuns: 3000 },
    );
  });

  it('refuses starting blocks that straddle two ancestor blocks', () => {
    expect(() => refineWithin([[0], [1]], [[0, 1]], Float64Array.from([6, 6]), 0, 5)).toThrow('straddles');
  });
});
