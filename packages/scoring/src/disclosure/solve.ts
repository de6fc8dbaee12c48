import type { Block } from './category-partition';
import { solveCuts } from './demographic-cuts';
import { LeafCatalogue, publishTier } from './publication';
import { compareIds, indexDemographic, indexTree } from './tree';
import type { DisclosureInput, DisclosureResult } from './types';
import { suppressUnits } from './unit-suppression';

/**
 * Suppression solver: decides, once per measurement, which cells may be published (disclosure-control.md rules 1-4).
 *
 * Two tiers are solved: ordinary figures at k, sensitive prevalence figures at kSensitive. The sensitive tier only
 * publishes groups whose counts the ordinary tier already releases (a sensitive unit is an ordinary published unit;
 * a sensitive cut block is a union of that unit's ordinary blocks), so counts combined across tiers reveal nothing
 * beyond the ordinary tier, and the sensitive figures, combined among themselves, satisfy rules 1-3 at kSensitive.
 *
 * Cost: O(units x depth x categories) per tier and demographic, plus the size of the output (leaf group lists).
 *
 * @throws on invalid input (k outside 5..50, kSensitive < k, unknown or duplicate ids, cycles, negative or
 *   non-integer counts, category counts exceeding a unit's responses), and if an internal invariant check fails.
 * @example
 * solveDisclosure({
 *   units: [{ id: 'D', parentId: null }, { id: 'A', parentId: 'D' }, { id: 'B', parentId: 'D' }],
 *   responseCounts: { A: 9, B: 3 }, demographics: [], k: 5, kSensitive: 10,
 * }).tiers.ordinary.published.units.map((cell) => cell.unitId); // ['D']
 */
export function solveDisclosure(input: DisclosureInput): DisclosureResult {
  const tree = indexTree(input);
  const demographics = [...input.demographics]
    .sort((a, b) => compareIds(a.id, b.id))
    .map((demographic) => indexDemographic(tree, demographic));
  demographics.forEach((demographic, index) => {
    if (index > 0 && demographics[index - 1]?.id === demographic.id) {
      throw new Error(`duplicate demographic ${JSON.stringify(demographic.id)}`);
    }
  });

  const ordinaryUnits = suppressUnits(tree, input.k, null);
  const ordinaryCuts = demographics.map((demographic) => {
    const singletons: Block[] = demographic.categories.map((_, category) => [category]);
    return solveCuts(tree, demographic, ordinaryUnits, () => singletons, input.k);
  });
  const sensitiveUnits = suppressUnits(tree, input.kSensitive, ordinaryUnits);
  const sensitiveCuts = demographics.map((demographic, d) =>
    solveCuts(tree, demographic, sensitiveUnits, (unit) => ordinaryCuts[d]?.[unit] ?? null, input.kSensitive),
  );

  const catalogue = new LeafCatalogue(tree);
  return {
    k: input.k,
    kSensitive: input.kSensitive,
    structure: {
      units: tree.ids.map((id, unit) => {
        const parent = tree.parent[unit] as number;
        return { id, parentId: parent < 0 ? null : (tree.ids[parent] as string) };
      }),
      demographics: demographics.map(({ id, categories }) => ({ id, categories })),
    },
    tiers: {
      ordinary: publishTier(tree, demographics, catalogue, {
        tier: 'ordinary',
        threshold: input.k,
        published: ordinaryUnits,
        cuts: ordinaryCuts,
      }),
      sensitive: publishTier(tree, demographics, catalogue, {
        tier: 'sensitive',
        threshold: input.kSensitive,
        published: sensitiveUnits,
        cuts: sensitiveCuts,
      }),
    },
  };
}
