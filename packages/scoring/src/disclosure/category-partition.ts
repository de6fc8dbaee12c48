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

function ascending(a: number, b: number): number {
  return a - b;
}

function mergeBlocks(blocks: readonly Block[]): Block {
  const merged: number[] = [];
  for (const block of blocks) for (const category of block) merged.push(category);
  return merged.sort(ascending);
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
  for (const block of own) {
    const index = owner[block[0] as number] ?? -1;
    let straddles = index < 0;
    for (const category of block) if (owner[category] !== index) straddles = true;
    if (straddles) throw new Error('category partition: a starting block straddles two ancestor blocks');
  }
  const result: Block[] = [];
  for (let index = 0; index < ancestor.length; index++) {
    const block = ancestor[index] as Block;
    if (blockCount(counts, offset, block) === 0) result.push(block);
    else pushMergedWithin(result, own, owner, index, counts, offset, threshold);
  }
  return result.sort(byFirstCategory);
}

/**
 * mergeSmallBlocks of the starting blocks inside one ancestor block, pushed onto `result` (unsorted: the caller
 * sorts). The same decisions as mergeSmallBlocks, without building the intermediate lists: this runs for every unit
 * of every family the results engine solves.
 */
function pushMergedWithin(
  result: Block[],
  own: readonly Block[],
  owner: Int32Array,
  index: number,
  counts: Float64Array,
  offset: number,
  threshold: number,
): void {
  let small = 0;
  let smallSum = 0;
  let large = 0;
  let rescue = -1;
  let rescueCount = 0;
  for (let j = 0; j < own.length; j++) {
    const block = own[j] as Block;
    if (owner[block[0] as number] !== index) continue;
    const count = blockCount(counts, offset, block);
    if (count < threshold) {
      small++;
      smallSum += count;
      continue;
    }
    large++;
    if (rescue < 0 || count < rescueCount || (count === rescueCount && (block[0] as number) < (own[rescue]?.[0] as number))) {
      rescue = j;
      rescueCount = count;
    }
  }
  // Rule 3 as in mergeSmallBlocks: the small blocks become "other"; a nonzero "other" below threshold takes in the
  // smallest large block, unless there is none.
  const keepOther = small > 0;
  const takesRescue = keepOther && smallSum !== 0 && smallSum < threshold && large > 0;
  const merged: number[] = [];
  for (let j = 0; j < own.length; j++) {
    const block = own[j] as Block;
    if (owner[block[0] as number] !== index) continue;
    const isSmall = blockCount(counts, offset, block) < threshold;
    if (isSmall || (takesRescue && j === rescue)) for (const category of block) merged.push(category);
    else result.push(block);
  }
  if (keepOther) result.push(merged.sort(ascending));
}

const owners = new WeakMap<Partition, Int32Array>();
// Units are visited siblings together, so most lookups ask for the partition asked for last.
let lastPartition: Partition | null = null;
let lastOwner: Int32Array = new Int32Array(0);

/** category -> index of the block holding it (cached: a partition is consulted by every unit below it). */
export function ownerOf(partition: Partition): Int32Array {
  if (partition === lastPartition) return lastOwner;
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
  lastPartition = partition;
  lastOwner = owner;
  return owner;
}

/** A cut is only worth publishing (and only treated as a cut) with at least two nonzero blocks. */
export function nonzeroBlocks(partition: Partition, counts: Float64Array, offset: number): number {
  let nonzero = 0;
  for (const block of partition) if (blockCount(counts, offset, block) > 0) nonzero++;
  return nonzero;
}
