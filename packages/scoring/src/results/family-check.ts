import { blockCount, type Partition } from '../disclosure/category-partition';
import type { CutDimension } from './accumulate';
import type { FamilyCounts, FamilyPublication } from './families';
import type { TreeIndex } from './tree-index';

/**
 * Does a publication decided for one family (the respondents) also protect another family (those who answered a
 * particular question)? The solver's guarantee rests only on the structure of the published cells and on every
 * published cell and every atom (a published group minus the published groups nested in it) being 0 or at least the
 * threshold. So when those atoms, counted in the other family, are again 0 or at least the threshold, the same
 * structure is safe for it and no new solve is needed. Usually it is: item non-response seldom empties a scale.
 *
 * Cost: O(units x categories) per family, against a full solve per family otherwise.
 */
export function publicationHolds(
  tier: FamilyPublication,
  tree: TreeIndex,
  dimensions: readonly CutDimension[],
  counts: FamilyCounts,
): boolean {
  const t = tier.threshold;
  const size = tree.ids.length;
  const published = tier.published;

  const sub = new Float64Array(size);
  for (let u = 0; u < size; u++) sub[u] = counts.units[u] as number;
  const covered = new Float64Array(size);
  const coveredBelow = new Float64Array(size);
  for (const u of tree.childrenFirst) {
    const parent = tree.parent[u] as number;
    covered[u] = published[u] ? (sub[u] as number) : (coveredBelow[u] as number);
    if (parent >= 0) {
      sub[parent] = (sub[parent] as number) + (sub[u] as number);
      coveredBelow[parent] = (coveredBelow[parent] as number) + (covered[u] as number);
    }
  }
  const safe = (n: number) => n === 0 || n >= t;
  for (let u = 0; u < size; u++) {
    if (!published[u]) continue;
    if ((sub[u] as number) < t || !safe((sub[u] as number) - (coveredBelow[u] as number))) return false;
  }

  if (!counts.cuts) return true;
  const cells = cutCellsOf(tier, tree, dimensions);
  return dimensions.every((dimension, d) =>
    cutsHold(cells[d] as CutCells, tree, dimension.categories.length, counts.cuts?.[d] as Float64Array, t),
  );
}

/** A publication's cut cells of one demographic, flat: the same for every family checked against the publication. */
interface CutCells {
  /** 1 for each unit with the cut. */
  readonly hasCut: Uint8Array;
  /** Cell i is unit cellUnit[i] x the categories cellCategories[cellStart[i] .. cellStart[i + 1]). */
  readonly cellUnit: Int32Array;
  readonly cellStart: Int32Array;
  readonly cellCategories: Int32Array;
}

const cutCellCache = new WeakMap<FamilyPublication, readonly CutCells[]>();

function cutCellsOf(tier: FamilyPublication, tree: TreeIndex, dimensions: readonly CutDimension[]): readonly CutCells[] {
  let cells = cutCellCache.get(tier);
  if (cells === undefined) {
    cells = dimensions.map((dimension, d) => flatCells(tier.cuts[d] ?? [], tier.cutTotals[d], tree.ids.length, dimension.categories.length));
    cutCellCache.set(tier, cells);
  }
  return cells;
}

/**
 * @param partitions per unit, the cut of this demographic that the publication makes available (or null)
 * @param solvedTotals subtree counts per unit x category of the family the publication was solved for: its blocks
 *   counting 0 there are hidden, the others are the published cells
 */
function flatCells(partitions: readonly (Partition | null)[], solvedTotals: Float64Array | undefined, size: number, width: number): CutCells {
  const hasCut = new Uint8Array(size);
  const units: number[] = [];
  const starts: number[] = [];
  const categories: number[] = [];
  for (let u = 0; u < size; u++) {
    const partition = partitions[u];
    if (partition === null || partition === undefined) continue;
    hasCut[u] = 1;
    for (const block of partition) {
      if (solvedTotals === undefined || blockCount(solvedTotals, u * width, block) === 0) continue;
      units.push(u);
      starts.push(categories.length);
      for (const c of block) categories.push(c);
    }
  }
  starts.push(categories.length);
  return { hasCut, cellUnit: Int32Array.from(units), cellStart: Int32Array.from(starts), cellCategories: Int32Array.from(categories) };
}

/** Every published cut cell and every block atom of one demographic, counted in another family: 0 or >= t? */
function cutsHold(cells: CutCells, tree: TreeIndex, width: number, direct: Float64Array, t: number): boolean {
  const { hasCut, cellUnit, cellStart, cellCategories } = cells;
  if (cellUnit.length === 0) return true;
  const sub = Float64Array.from(direct);
  const coveredBelow = new Float64Array(sub.length);
  for (const u of tree.childrenFirst) {
    const parent = tree.parent[u] as number;
    if (parent < 0) continue;
    const from = hasCut[u] === 1 ? sub : coveredBelow;
    for (let c = 0; c < width; c++) {
      const own = u * width + c;
      const up = parent * width + c;
      sub[up] = (sub[up] as number) + (sub[own] as number);
      coveredBelow[up] = (coveredBelow[up] as number) + (from[own] as number);
    }
  }
  for (let i = 0; i < cellUnit.length; i++) {
    const at = (cellUnit[i] as number) * width;
    let count = 0;
    let atom = 0;
    for (let j = cellStart[i] as number; j < (cellStart[i + 1] as number); j++) {
      const c = at + (cellCategories[j] as number);
      count += sub[c] as number;
      atom += (sub[c] as number) - (coveredBelow[c] as number);
    }
    if (count < t || !(atom === 0 || atom >= t)) return false;
  }
  return true;
}
