/*
 * Rule 3 within one unit: which blocks of categories a demographic cut publishes.
 *
 * A partition is a list of blocks; a block is a sorted list of category indices. Every block of a chosen partition
 * counts 0 or >= threshold, and all nonzero blocks are published, so the remainder against the unit's total is 0.
 * Blocks counting 0 stay hidden (rule 1); they are derivable as 0 anyway, which rule 2 allows ("empty").
 */

export type Block = readonly number[];
export type Partition = readonly Block[];

export function blockCount(counts: Float64Array, offset: number, block: Block): number {
  let sum = 0;
  for (const category of block) sum += counts[offset + category] as number;
  return sum;
}

function byFirstCategory(a: Block, b: Block): number {
  return (a[0] as number) - (b[0] as number);
}

function mergeBlocks(blocks: readonly Block[]): Block {
  return blocks.flat().sort((a, b) => a - b);
}

/**
 * Rule 3 merging: blocks below threshold merge into one "other" block. If "other" is then nonzero but still below
 * threshold, the smallest block at or above threshold joins it too (ties: the earliest category) - rule 2's "suppress
 * further, smallest first", applied to categories - which always lifts "other" to >= threshold. With no block at or
 * above threshold the result is a single block (the whole unit), i.e. no usable cut.
 *
 * @param blocks starting blocks (singleton categories, or the blocks of a finer tier), disjoint
 * @param counts subtree counts, read at offset + category
 */
export function mergeSmallBlocks(blocks: readonly Block[], counts: Float64Array, offset: number, threshold: number): Partition {
  const large: Block[] = [];
  const small: Block[] = [];
  let smallSum = 0;
  for (const block of blocks) {
    const count = blockCount(counts, offset, block);
    if (count >= threshold) large.push(block);
    else {
      small.push(block);
      smallSum += count;
    }
  }
  if (small.length === 0) return [...large].sort(byFirstCategory);
  if (smallSum === 0 || smallSum >= threshold) return [...large, mergeBlocks(small)].sort(byFirstCategory);
  if (large.length === 0) return [mergeBlocks(small)];

  let smallest = 0;
  for (let i = 1; i < large.length; i++) {
    const count = blockCount(counts, offset, large[i] as Block);
    const best = blockCount(counts, offset, large[smallest] as Block);
    if (count < best || (count === best && (large[i]?.[0] as number) < (large[smallest]?.[0] as number))) smallest = i;
  }
  const rescued = large.splice(smallest, 1);
  return [...large, mergeBlocks([...small, ...rescued])].sort(byFirstCategory);
}

/**
 * The partition of a unit whose nearest ancestor with a cut of this demographic uses `ancestor`.
 *
 * The unit's partition must refine the ancestor's (README.md, "Why atoms"): every ancestor block is kept whole or
 * split further, never merged with another. So each ancestor block must count 0 or >= threshold in this unit, else
 * the unit gets no cut; blocks that are large enough are split by rule 3 merging of the unit's own starting blocks
 * inside them.
 *
 * @param own the unit's starting blocks; each lies inside one ancestor block
 * @returns the partition, or null when the unit cannot have the cut
 */
export function refineWithin(
  ancestor: Partition,
  own: readonly Block[],
  counts: Float64Array,
  offset: number,
  threshold: number,
): Partition | null {
  // Most rejections are decided by the ancestor's block counts alone: check them before allocating anything.
  for (const block of ancestor) {
    const count = blockCount(counts, offset, block);
    if (count > 0 && count < threshold) return null;
  }
  const owner = ownerOf(ancestor);
  const inside: Block[][] = ancestor.map(() => []);
  for (const block of own) {
    const index = owner[block[0] as number] ?? -1;
    if (index < 0 || block.some((category) => owner[category] !== index)) {
      throw new Error('category partition: a starting block straddles two ancestor blocks');
    }
    inside[index]?.push(block);
  }
  const result: Block[] = [];
  for (let index = 0; index < ancestor.length; index++) {
    const block = ancestor[index] as Block;
    if (blockCount(counts, offset, block) === 0) result.push(block);
    else result.push(...mergeSmallBlocks(inside[index] ?? [], counts, offset, threshold));
  }
  return result.sort(byFirstCategory);
}

const owners = new WeakMap<Partition, Int32Array>();

/** category -> index of the block holding it (cached: a partition is consulted by every unit below it). */
export function ownerOf(partition: Partition): Int32Array {
  let owner = owners.get(partition);
  if (owner === undefined) {
    let width = 0;
    for (const block of partition) for (const category of block) width = Math.max(width, category + 1);
    owner = new Int32Array(width).fill(-1);
    const table = owner;
    partition.forEach((block, index) => {
      for (const category of block) table[category] = index;
    });
    owners.set(partition, owner);
  }
  return owner;
}

/** A cut is only worth publishing (and only treated as a cut) with at least two nonzero blocks. */
export function nonzeroBlocks(partition: Partition, counts: Float64Array, offset: number): number {
  let nonzero = 0;
  for (const block of partition) if (blockCount(counts, offset, block) > 0) nonzero++;
  return nonzero;
}
