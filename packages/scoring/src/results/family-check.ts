import type { TierPublication } from '../disclosure';
import type { CutDimension } from './accumulate';
import type { FamilyCounts } from './families';
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
  tier: TierPublication,
  tree: TreeIndex,
  dimensions: readonly CutDimension[],
  counts: FamilyCounts,
): boolean {
  const t = tier.threshold;
  const size = tree.ids.length;
  const published = new Uint8Array(size);
  for (const cell of tier.published.units) published[tree.indexOf.get(cell.unitId) as number] = 1;

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
  return dimensions.every((dimension, d) => cutsHold(tier, tree, dimension, counts.cuts?.[d] as ArrayLike<number>, t));
}

function cutsHold(tier: TierPublication, tree: TreeIndex, dimension: CutDimension, direct: ArrayLike<number>, t: number): boolean {
  const cuts = tier.published.cuts.filter((cut) => cut.demographicId === dimension.id);
  if (cuts.length === 0) return true;
  const width = dimension.categories.length;
  const size = tree.ids.length;
  const hasCut = new Uint8Array(size);
  for (const cut of cuts) hasCut[tree.indexOf.get(cut.unitId) as number] = 1;

  const sub = Float64Array.from({ length: size * width }, (_, i) => direct[i] as number);
  const coveredBelow = new Float64Array(size * width);
  for (const u of tree.childrenFirst) {
    const parent = tree.parent[u] as number;
    if (parent < 0) continue;
    for (let c = 0; c < width; c++) {
      const own = u * width + c;
      const up = parent * width + c;
      sub[up] = (sub[up] as number) + (sub[own] as number);
      coveredBelow[up] = (coveredBelow[up] as number) + (hasCut[u] ? (sub[own] as number) : (coveredBelow[own] as number));
    }
  }
  for (const cut of cuts) {
    const u = tree.indexOf.get(cut.unitId) as number;
    for (const cell of cut.cells) {
      let count = 0;
      let atom = 0;
      for (const category of cell.categories) {
        const c = dimension.categories.indexOf(category);
        if (c < 0) return false;
        count += sub[u * width + c] as number;
        atom += (sub[u * width + c] as number) - (coveredBelow[u * width + c] as number);
      }
      if (count < t || !(atom === 0 || atom >= t)) return false;
    }
  }
  return true;
}
