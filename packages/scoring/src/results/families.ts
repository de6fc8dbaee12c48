import { solveDisclosure, type DemographicCounts, type DisclosureInput, type TierPublication } from '../disclosure';
import type { CutDimension } from './accumulate';
import type { TreeIndex } from './tree-index';

/**
 * Direct counts of one disclosure family: who is in the group of a figure. For the response count that is every
 * respondent; for a scale it is the respondents with a score on it (item non-response shrinks groups, and a
 * remainder of 5 respondents of whom 4 answered would expose those 4). Each family is solved on its own counts.
 */
export interface FamilyCounts {
  /** Direct count per unit (tree index order). */
  readonly units: ArrayLike<number>;
  /** Per demographic: direct count per unit x category (declared categories, then missing); null: no cuts. */
  readonly cuts: readonly ArrayLike<number>[] | null;
  readonly sensitive: boolean;
}

export interface FamilySolver {
  solve(counts: FamilyCounts): TierPublication;
  /** How many distinct families were solved (the rest were the same counts again). */
  readonly solved: number;
}

/**
 * Solves families, reusing the result for families with identical counts: in a measurement where nobody skipped a
 * scale, every scale is the response family again, and solving it once is enough.
 */
export function familySolver(tree: TreeIndex, dimensions: readonly CutDimension[], k: number, kSensitive: number): FamilySolver {
  const cache = new Map<string, ReturnType<typeof solveDisclosure>>();
  let solved = 0;
  const units = tree.ids.map((id, i) => ({ id, parentId: tree.parent[i]! < 0 ? null : (tree.ids[tree.parent[i]!] as string) }));

  return {
    get solved() {
      return solved;
    },
    solve(counts) {
      const key = keyOf(counts);
      let result = cache.get(key);
      if (!result) {
        const input: DisclosureInput = {
          units,
          responseCounts: Object.fromEntries(tree.ids.map((id, i) => [id, counts.units[i] as number])),
          demographics: counts.cuts ? dimensions.map((d, di) => demographicCounts(tree, d, counts.cuts?.[di] as ArrayLike<number>)) : [],
          k,
          kSensitive,
        };
        result = solveDisclosure(input);
        cache.set(key, result);
        solved += 1;
      }
      return counts.sensitive ? result.tiers.sensitive : result.tiers.ordinary;
    },
  };
}

function demographicCounts(tree: TreeIndex, dimension: CutDimension, table: ArrayLike<number>): DemographicCounts {
  const width = dimension.categories.length;
  const declared = dimension.categories.slice(0, -1);
  const counts: Record<string, Record<string, number>> = {};
  tree.ids.forEach((id, unit) => {
    const row: Record<string, number> = {};
    declared.forEach((category, c) => {
      const n = table[unit * width + c] as number;
      if (n > 0) row[category] = n;
    });
    counts[id] = row;
  });
  return { id: dimension.id, categories: declared, counts };
}

function keyOf(counts: FamilyCounts): string {
  const parts = [Array.prototype.join.call(counts.units, ',')];
  if (counts.cuts) for (const table of counts.cuts) parts.push(Array.prototype.join.call(table, ','));
  return parts.join('|');
}
