import { decideTiers } from './decide';
import { LeafCatalogue, publishTier } from './publication';
import { compareIds, indexDemographic, indexTree } from './tree';
import type { DisclosureInput, DisclosureResult } from './types';

/**
 * Suppression solver: decides, once per measurement, which cells may be published (disclosure-control.md rules 1-4).
 *
 * Two tiers are solved (decide.ts): ordinary figures at k, sensitive prevalence figures at kSensitive; the sensitive
 * figures, combined among themselves and with the ordinary ones, satisfy rules 1-3 at kSensitive.
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

  const decisions = decideTiers(tree, demographics, input.k, input.kSensitive);
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
      ordinary: publishTier(tree, demographics, catalogue, decisions.ordinary),
      sensitive: publishTier(tree, demographics, catalogue, decisions.sensitive),
    },
  };
}
