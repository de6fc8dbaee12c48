import { blockCount, type Block, type Partition } from './category-partition';

/*
 * Utility, not safety: how fine a unit's demographic cut should be.
 *
 * Units below a unit with a cut may only refine its blocks (demographic-cuts.ts). A very fine partition high up
 * (say the whole organisation's 7 age categories, "prefer not to say" included) therefore denies the cut to every team
 * where one of those categories holds 1 to k-1 people. So each unit also considers coarser partitions - merging its
 * smallest block into "other", step by step, never across the blocks of its own ancestor's cut - and keeps the one
 * that lets the most cells be published in its subtree: its own nonzero blocks, plus, for every published
 * descendant on which all its blocks are 0 or >= threshold, that descendant's nonzero blocks. Ties keep the finer
 * partition. Every candidate satisfies rule 3 (merging blocks of >= threshold keeps them >= threshold), so whichever
 * is chosen, the safety checks downstream are the same.
 *
 * Cost per unit: (number of blocks) candidates x (published descendants) x (categories).
 */

/** Successive coarsenings of `partition`, finest first; merges stay within the groups given by `groupOf`. */
export function coarsenings(
  partition: Partition,
  groupOf: (category: number) => number,
  counts: Float64Array,
  offset: number,
): Partition[] {
  const candidates: Partition[] = [partition];
  let current = [...partition];
  for (;;) {
    const nonzero = current.filter((block) => blockCount(counts, offset, block) > 0);
    if (nonzero.length <= 2) break;
    const groupSize = new Map<number, number>();
    for (const block of nonzero) groupSize.set(groupOf(block[0] as number), (groupSize.get(groupOf(block[0] as number)) ?? 0) + 1);
    const mergeable = nonzero.filter((block) => (groupSize.get(groupOf(block[0] as number)) ?? 0) >= 2);
    const smallest = pickSmallest(mergeable, counts, offset, () => true);
    if (smallest === undefined) break;
    const group = groupOf(smallest[0] as number);
    const partners = nonzero.filter((block) => block !== smallest && groupOf(block[0] as number) === group);
    // Merge into the group's existing "other" (a block of several categories) if there is one, else the next smallest.
    const target =
      pickSmallest(partners, counts, offset, (block) => block.length > 1) ?? pickSmallest(partners, counts, offset, () => true);
    if (target === undefined) break;
    const merged = [...smallest, ...target].sort((a, b) => a - b);
    current = current
      .filter((block) => block !== smallest && block !== target)
      .concat([merged])
      .sort((a, b) => (a[0] as number) - (b[0] as number));
    candidates.push(current);
  }
  return candidates;
}

function pickSmallest(
  blocks: readonly Block[],
  counts: Float64Array,
  offset: number,
  accept: (block: Block) => boolean,
): Block | undefined {
  let best: Block | undefined;
  let bestCount = Number.POSITIVE_INFINITY;
  for (const block of blocks) {
    if (!accept(block)) continue;
    const count = blockCount(counts, offset, block);
    if (count < bestCount || (count === bestCount && best !== undefined && (block[0] as number) < (best[0] as number))) {
      best = block;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Published cells the partition allows in the subtree (see the header).
 * @param descendants offsets of the published proper descendants' counts
 */
export function subtreeYield(
  partition: Partition,
  counts: Float64Array,
  offset: number,
  descendants: readonly number[],
  threshold: number,
): number {
  let total = cellsAt(partition, counts, offset, threshold);
  for (const at of descendants) total += cellsAt(partition, counts, at, threshold);
  return total;
}

/** The nonzero blocks of the partition in the group counted at `at`, or 0 when a block is in (0, threshold) or fewer than 2 are nonzero. */
function cellsAt(partition: Partition, counts: Float64Array, at: number, threshold: number): number {
  let cells = 0;
  for (const block of partition) {
    const count = blockCount(counts, at, block);
    if (count > 0 && count < threshold) return 0;
    if (count > 0) cells++;
  }
  return cells >= 2 ? cells : 0;
}

/** The candidate with the highest yield; the finest on ties. */
export function chooseCoarsening(
  candidates: readonly Partition[],
  counts: Float64Array,
  offset: number,
  descendants: readonly number[],
  threshold: number,
): Partition {
  let best = candidates[0] as Partition;
  let bestYield = -1;
  for (const candidate of candidates) {
    const cells = subtreeYield(candidate, counts, offset, descendants, threshold);
    if (cells > bestYield) {
      best = candidate;
      bestYield = cells;
    }
  }
  return best;
}
