import type { Partition } from '../disclosure/category-partition';
import { decideOrdinary, decideSensitive } from '../disclosure/decide';
import type { TierDecisions } from '../disclosure/publication';
import {
  countedTree,
  demographicFromTable,
  treeShape,
  validateThresholds,
  type IndexedDemographic,
  type IndexedTree,
} from '../disclosure/tree';
import type { CutDimension } from './accumulate';
import type { TreeIndex } from './tree-index';

/**
 * Direct counts of one disclosure family: who is in the group of a figure. For the response count that is every
 * respondent; for a scale it is the respondents with a score on it (item non-response shrinks groups, and a
 * remainder of 5 respondents of whom 4 answered would expose those 4). Each family is solved on its own counts.
 */
export interface FamilyCounts {
  /** Direct count per unit (tree index order). */
  readonly units: Float64Array;
  /** Per demographic: direct count per unit x category (declared categories, then missing); null: no cuts. */
  readonly cuts: readonly Float64Array[] | null;
  readonly sensitive: boolean;
}

/**
 * What the solver decided for one family and tier, in the results engine's indices: the same decisions that
 * solveDisclosure turns into published cells (it shares decideTiers), without building cell ids and leaf group
 * lists that the results never read.
 */
export interface FamilyPublication {
  readonly threshold: number;
  /** 1 per published unit (tree index order). */
  readonly published: Uint8Array;
  /** Subtree count per unit, in the family that was solved. */
  readonly totals: Float64Array;
  /** Per demographic (cutDimensions order; empty without cuts), per unit: the available cut's partition, or null. */
  readonly cuts: readonly (readonly (Partition | null)[])[];
  /** Per demographic: subtree count per unit x category in the family that was solved; a block counting 0 is hidden. */
  readonly cutTotals: readonly Float64Array[];
}

export interface FamilySolver {
  solve(counts: FamilyCounts): FamilyPublication;
  /** How many distinct families were solved (the rest were the same counts again). */
  readonly solved: number;
}

/**
 * Solves families, reusing the result for families with identical counts: in a measurement where nobody skipped a
 * scale, every scale is the response family again, and solving it once is enough. `solved` counts distinct families.
 *
 * @throws on k outside 5..50 or kSensitive < k (as solveDisclosure does), and if the solver's own checks fail
 */
export function familySolver(tree: TreeIndex, dimensions: readonly CutDimension[], k: number, kSensitive: number): FamilySolver {
  validateThresholds(k, kSensitive);
  for (const dimension of dimensions) {
    if (new Set(dimension.categories).size !== dimension.categories.length) {
      throw new Error(`demographic ${JSON.stringify(dimension.id)} has duplicate categories`);
    }
  }
  const shape = treeShape(tree.ids, tree.parent);
  const cache = new Map<string, SolvedFamily>();
  let solved = 0;

  return {
    get solved() {
      return solved;
    },
    solve(counts) {
      const key = keyOf(counts);
      let family = cache.get(key);
      if (!family) {
        const counted = countedTree(shape, Float64Array.from(counts.units));
        const demographics: IndexedDemographic[] = counts.cuts
          ? dimensions.map((d, di) => demographicFromTable(shape, d.id, d.categories, Float64Array.from(counts.cuts?.[di] ?? [])))
          : [];
        family = { tree: counted, demographics, ordinary: null, sensitive: null };
        cache.set(key, family);
        solved += 1;
      }
      // A tier is decided when first asked for: ordinary figures never need the sensitive tier, which would double
      // the cost of their solve.
      family.ordinary ??= publicationOf(family, decideOrdinary(family.tree, family.demographics, k));
      if (!counts.sensitive) return family.ordinary;
      family.sensitive ??= publicationOf(family, decideSensitive(family.tree, family.demographics, family.ordinary.decisions, kSensitive));
      return family.sensitive;
    },
  };
}

interface SolvedFamily {
  readonly tree: IndexedTree;
  readonly demographics: readonly IndexedDemographic[];
  ordinary: (FamilyPublication & { readonly decisions: TierDecisions }) | null;
  sensitive: FamilyPublication | null;
}

function publicationOf(family: SolvedFamily, decisions: TierDecisions): FamilyPublication & { readonly decisions: TierDecisions } {
  return {
    threshold: decisions.threshold,
    published: decisions.published,
    totals: family.tree.total,
    cuts: decisions.cuts,
    cutTotals: family.demographics.map((d) => d.subtree),
    decisions,
  };
}

function keyOf(counts: FamilyCounts): string {
  const parts = [counts.units.join(',')];
  if (counts.cuts) for (const table of counts.cuts) parts.push(table.join(','));
  return parts.join('|');
}
