import type { Block } from './category-partition';
import { solveCuts } from './demographic-cuts';
import type { TierDecisions } from './publication';
import type { IndexedDemographic, IndexedTree } from './tree';
import { suppressUnits } from './unit-suppression';

export interface Decisions {
  readonly ordinary: TierDecisions;
  readonly sensitive: TierDecisions;
}

/**
 * The solver's decisions for both tiers, before anything is turned into published cells: which units are published
 * and which partition each available cut uses. solveDisclosure publishes them; the results engine reads them directly,
 * because it solves one family per figure and needs neither cell ids nor leaf group lists.
 *
 * @param demographics sorted by id, without duplicates
 */
export function decideTiers(
  tree: IndexedTree,
  demographics: readonly IndexedDemographic[],
  k: number,
  kSensitive: number,
): Decisions {
  const ordinary = decideOrdinary(tree, demographics, k);
  return { ordinary, sensitive: decideSensitive(tree, demographics, ordinary, kSensitive) };
}

/** The ordinary tier (threshold k): what a family of ordinary figures needs, without the sensitive tier. */
export function decideOrdinary(tree: IndexedTree, demographics: readonly IndexedDemographic[], k: number): TierDecisions {
  const published = suppressUnits(tree, k, null);
  const cuts = demographics.map((demographic) => {
    const singletons: Block[] = demographic.categories.map((_, category) => [category]);
    return solveCuts(tree, demographic, published, () => singletons, k);
  });
  return { tier: 'ordinary', threshold: k, published, cuts };
}

/**
 * The sensitive tier (threshold kSensitive). It only publishes groups whose counts the ordinary tier already releases
 * (a sensitive unit is an ordinary published unit; a sensitive cut block is a union of that unit's ordinary blocks),
 * so counts combined across tiers reveal nothing beyond the ordinary tier.
 */
export function decideSensitive(
  tree: IndexedTree,
  demographics: readonly IndexedDemographic[],
  ordinary: TierDecisions,
  kSensitive: number,
): TierDecisions {
  const published = suppressUnits(tree, kSensitive, ordinary.published);
  const cuts = demographics.map((demographic, d) =>
    solveCuts(tree, demographic, published, (unit) => ordinary.cuts[d]?.[unit] ?? null, kSensitive),
  );
  return { tier: 'sensitive', threshold: kSensitive, published, cuts };
}
