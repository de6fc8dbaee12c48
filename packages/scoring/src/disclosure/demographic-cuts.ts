import {
  blockCount,
  mergeSmallBlocks,
  nonzeroBlocks,
  ownerOf,
  refineWithin,
  type Block,
  type Partition,
} from './category-partition';
import { frontierOf } from './frontier';
import { chooseCoarsening, coarsenings } from './partition-choice';
import type { IndexedDemographic, IndexedTree } from './tree';

/*
 * Rule 3 across the tree: in which published units one demographic's cut is available, and with which blocks.
 *
 * Within a unit, blocks are 0 or >= threshold and sum to the unit (category-partition.ts). Across units, the same
 * block published in a unit and in units below it can be differenced: unit x B minus the units below x B. The
 * solver keeps two conditions (README.md proves they suffice, for every combination of cells of any tier and any
 * demographic):
 *   1. refinement: a unit's partition refines the partition of its nearest ancestor with the cut, so every
 *      ancestor block is a union of the unit's blocks and the differencing happens block by block;
 *   2. block atoms: for every unit with the cut and every block B, unit x B minus (cut frontier x B) is 0 or
 *      >= threshold, where the cut frontier is the maximal descendants having the cut.
 * Ancestors take priority, as for units: a failing block atom is repaired by withdrawing the cut from the smallest
 * frontier unit that holds a nonzero part of that atom (ties by id). Withdrawing cuts keeps condition 1 (refinement
 * is transitive) and only adds to the ancestor's atoms; with every cut below withdrawn the atom is the unit's own
 * block (0 or >= threshold), so the repair always succeeds and, as with units, one top-down pass is a fixed point.
 */

function subtreeBlock(demographic: IndexedDemographic, unit: number, block: Block): number {
  return blockCount(demographic.subtree, unit * demographic.categories.length, block);
}

/** Per block of `blocks`: the unit's count minus its cut frontier's counts. */
function blockAtoms(
  demographic: IndexedDemographic,
  unit: number,
  frontier: readonly number[],
  blocks: Partition,
): number[] {
  return blocks.map((block) => {
    let atom = subtreeBlock(demographic, unit, block);
    for (const member of frontier) atom -= subtreeBlock(demographic, member, block);
    return atom;
  });
}

/**
 * @param published units published in this tier; a cut is only ever available on a published unit
 * @param startBlocks the finest blocks a unit may publish (null: no cut possible there)
 * @returns per unit, the partition of its available cut, or null
 */
export function solveCuts(
  tree: IndexedTree,
  demographic: IndexedDemographic,
  published: Uint8Array,
  startBlocks: (unit: number) => readonly Block[] | null,
  threshold: number,
): (Partition | null)[] {
  const n = tree.ids.length;
  const width = demographic.categories.length;
  const partitions: (Partition | null)[] = new Array<Partition | null>(n).fill(null);
  const nearest = new Int32Array(n).fill(-1);

  // Pass 1, top-down: the partition each published unit can have under its nearest ancestor's cut.
  for (const unit of tree.topDown) {
    const parent = tree.parent[unit] as number;
    if (parent >= 0) nearest[unit] = partitions[parent] !== null ? parent : (nearest[parent] as number);
    const start = published[unit] === 1 ? startBlocks(unit) : null;
    if (start === null) continue;
    const offset = unit * width;
    const ancestor = nearest[unit] as number;
    const natural =
      ancestor < 0
        ? mergeSmallBlocks(start, demographic.subtree, offset, threshold)
        : refineWithin(partitions[ancestor] as Partition, start, demographic.subtree, offset, threshold);
    if (natural === null || nonzeroBlocks(natural, demographic.subtree, offset) < 2) continue;
    const above = ancestor < 0 ? null : (partitions[ancestor] as Partition);
    partitions[unit] = choosePartition(tree, demographic, published, unit, natural, above, threshold);
  }

  // Pass 2, top-down: repair block atoms by withdrawing cuts below. Atoms come from frontier counts accumulated once;
  // withdrawing a cut below a unit only changes that unit's atoms (its ancestors' frontiers stop at the unit), so
  // the accumulated counts stay right for every unit not yet visited.
  const hasCut = Uint8Array.from(partitions, (partition) => (partition === null ? 0 : 1));
  const covered = frontierCounts(tree, demographic, partitions);
  for (const unit of tree.topDown) {
    const blocks = partitions[unit];
    if (blocks === null || blocks === undefined) continue;
    let fails = false;
    for (const block of blocks) {
      const atom = subtreeBlock(demographic, unit, block) - blockCount(covered, unit * width, block);
      if (atom > 0 && atom < threshold) fails = true;
    }
    if (!fails) continue;
    const atoms = blocks.map((block) => subtreeBlock(demographic, unit, block) - blockCount(covered, unit * width, block));
    repairBlockAtoms(tree, demographic, unit, blocks, atoms, hasCut, partitions, threshold);
  }
  assertCuts(tree, demographic, published, partitions, threshold);
  return partitions;
}

/** Withdraws cuts from the unit's cut frontier, smallest first, until every block atom is 0 or >= threshold. */
function repairBlockAtoms(
  tree: IndexedTree,
  demographic: IndexedDemographic,
  unit: number,
  blocks: Partition,
  atoms: number[],
  hasCut: Uint8Array,
  partitions: (Partition | null)[],
  threshold: number,
): void {
  let frontier = frontierOf(tree, unit, hasCut);
  const memberAtoms = new Map<number, { atoms: number[]; frontier: number[] }>();
  const describe = (member: number) => {
    let entry = memberAtoms.get(member);
    if (entry === undefined) {
      const below = frontierOf(tree, member, hasCut);
      entry = { atoms: blockAtoms(demographic, member, below, blocks), frontier: below };
      memberAtoms.set(member, entry);
    }
    return entry;
  };
  for (let bad = failingBlock(atoms, threshold); bad >= 0; bad = failingBlock(atoms, threshold)) {
    const block = blocks[bad] as Block;
    const size = (member: number) => subtreeBlock(demographic, member, block);
    const victim =
      smallest(tree, frontier, size, (member) => (describe(member).atoms[bad] as number) > 0) ??
      smallest(tree, frontier, size, (member) => size(member) > 0);
    if (victim === undefined) throw new Error('demographic cuts: no cut left to withdraw');
    const entry = describe(victim);
    hasCut[victim] = 0;
    partitions[victim] = null;
    entry.atoms.forEach((value, index) => (atoms[index] = (atoms[index] as number) + value));
    frontier = frontier.filter((member) => member !== victim).concat(entry.frontier);
  }
}

/**
 * Per unit and category, the counts of the unit's cut frontier, accumulated children first in O(units x
 * categories): a unit with a cut passes up its own counts, a unit without passes up its frontier's.
 */
function frontierCounts(
  tree: IndexedTree,
  demographic: IndexedDemographic,
  partitions: readonly (Partition | null)[],
): Float64Array {
  const width = demographic.categories.length;
  const covered = new Float64Array(tree.ids.length * width);
  for (let i = tree.topDown.length - 1; i >= 0; i--) {
    const unit = tree.topDown[i] as number;
    const parent = tree.parent[unit] as number;
    if (parent < 0) continue;
    const source = partitions[unit] !== null ? demographic.subtree : covered;
    for (let c = 0; c < width; c++) {
      covered[parent * width + c] = (covered[parent * width + c] as number) + (source[unit * width + c] as number);
    }
  }
  return covered;
}

/** The natural partition or a coarsening of it that lets more cells be published below (partition-choice.ts). */
function choosePartition(
  tree: IndexedTree,
  demographic: IndexedDemographic,
  published: Uint8Array,
  unit: number,
  natural: Partition,
  ancestor: Partition | null,
  threshold: number,
): Partition {
  const width = demographic.categories.length;
  const children = tree.children[unit] ?? [];
  if (children.length === 0) return natural;
  const group = ancestor === null ? null : ownerOf(ancestor);
  const groupOf = (category: number) => (group === null ? 0 : (group[category] as number));
  const candidates = coarsenings(natural, groupOf, demographic.subtree, unit * width);
  // The natural partition is the first candidate: with no other there is nothing to weigh.
  if (candidates.length === 1) return natural;
  const descendants: number[] = [];
  const stack = [...children];
  while (stack.length > 0) {
    const next = stack.pop() as number;
    if (published[next] === 1) descendants.push(next * width);
    for (const child of tree.children[next] ?? []) stack.push(child);
  }
  if (descendants.length === 0) return natural;
  return chooseCoarsening(candidates, demographic.subtree, unit * width, descendants, threshold);
}

/** The block with the smallest atom in (0, threshold), or -1. */
function failingBlock(atoms: readonly number[], threshold: number): number {
  let bad = -1;
  atoms.forEach((atom, index) => {
    if (atom > 0 && atom < threshold && (bad < 0 || atom < (atoms[bad] as number))) bad = index;
  });
  return bad;
}

/** Smallest count in the failing block, then smallest unit, then id. */
function smallest(
  tree: IndexedTree,
  members: readonly number[],
  size: (member: number) => number,
  accept: (member: number) => boolean,
): number | undefined {
  let best: number | undefined;
  for (const member of members) {
    if (!accept(member)) continue;
    if (best === undefined) {
      best = member;
      continue;
    }
    const [a, b] = [size(member), size(best)];
    const [ta, tb] = [tree.total[member] as number, tree.total[best] as number];
    if (a < b || (a === b && (ta < tb || (ta === tb && member < best)))) best = member;
  }
  return best;
}

/** Invariant check of both conditions. Throws, because publishing anyway would be a breach. */
function assertCuts(
  tree: IndexedTree,
  demographic: IndexedDemographic,
  published: Uint8Array,
  partitions: readonly (Partition | null)[],
  threshold: number,
): void {
  const width = demographic.categories.length;
  const covered = frontierCounts(tree, demographic, partitions);
  const seen = new Uint8Array(width);
  for (const unit of tree.topDown) {
    const blocks = partitions[unit];
    if (blocks === null || blocks === undefined) continue;
    if (published[unit] !== 1) throw new Error(`${cutName(tree, demographic, unit)} on an unpublished unit`);
    seen.fill(0);
    let covers = 0;
    for (const block of blocks) {
      for (const category of block) {
        if (seen[category] === 1) throw new Error(`${cutName(tree, demographic, unit)} does not partition the categories`);
        seen[category] = 1;
        covers++;
      }
    }
    if (covers !== width) throw new Error(`${cutName(tree, demographic, unit)} does not partition the categories`);
    let ancestor = tree.parent[unit] as number;
    while (ancestor >= 0 && partitions[ancestor] === null) ancestor = tree.parent[ancestor] as number;
    const owner = ancestor >= 0 ? ownerOf(partitions[ancestor] as Partition) : null;
    for (const block of blocks) {
      const count = subtreeBlock(demographic, unit, block);
      if (count > 0 && count < threshold) throw new Error(`${cutName(tree, demographic, unit)} publishes a block below threshold`);
      if (owner !== null && !insideOneBlock(owner, block)) throw new Error(`${cutName(tree, demographic, unit)} does not refine its ancestor's cut`);
      const atom = count - blockCount(covered, unit * width, block);
      if (atom > 0 && atom < threshold) throw new Error(`${cutName(tree, demographic, unit)} exposes a block remainder`);
    }
  }
}

function insideOneBlock(owner: Int32Array, block: Block): boolean {
  const first = owner[block[0] as number];
  for (const category of block) if (owner[category] !== first) return false;
  return true;
}

function cutName(tree: IndexedTree, demographic: IndexedDemographic, unit: number): string {
  return `${demographic.id} cut of ${tree.ids[unit]}`;
}
