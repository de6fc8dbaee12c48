import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MISSING_CATEGORY, solveDisclosure, type DisclosureInput, type TierPublication } from '../disclosure';
import { organisationArbitrary } from '../disclosure/testing/organisations';
import type { CutDimension } from './accumulate';
import { familySolver, type FamilyPublication } from './families';
import { indexTree, type TreeIndex } from './tree-index';

/** The results engine needs one root: extra roots of a random forest hang under the first unit. */
function oneRoot(input: DisclosureInput): DisclosureInput {
  const root = input.units[0]?.id as string;
  return { ...input, units: input.units.map((u) => (u.parentId === null && u.id !== root ? { ...u, parentId: root } : u)) };
}

function dimensionsOf(input: DisclosureInput): CutDimension[] {
  return [...input.demographics]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((d, planIndex) => ({ id: d.id, categories: [...d.categories, MISSING_CATEGORY], planIndex, categoryOfCode: new Map() }));
}

/** The input's counts as the results engine sums them: per unit, and per unit x category with missing last. */
function familyCounts(input: DisclosureInput, tree: TreeIndex, dimensions: readonly CutDimension[]) {
  const units = Float64Array.from(tree.ids, (id) => input.responseCounts[id] ?? 0);
  const cuts = dimensions.map((dimension) => {
    const counts = input.demographics.find((d) => d.id === dimension.id)?.counts ?? {};
    const width = dimension.categories.length;
    const table = new Float64Array(tree.ids.length * width);
    tree.ids.forEach((id, u) => {
      let declared = 0;
      dimension.categories.slice(0, -1).forEach((category, c) => {
        const n = counts[id]?.[category] ?? 0;
        table[u * width + c] = n;
        declared += n;
      });
      table[u * width + width - 1] = (units[u] as number) - declared;
    });
    return table;
  });
  return { units, cuts };
}

/** What a tier publishes, read from solveDisclosure's cells. */
function fromCells(tier: TierPublication) {
  return {
    units: tier.published.units.map((cell) => [cell.unitId, cell.count]).sort(),
    cuts: tier.published.cuts
      .map((cut) => [cut.unitId, cut.demographicId, cut.cells.map((cell) => [cell.categories.join('+'), cell.count])] as const)
      .sort(),
  };
}

/** The same, read from the results engine's decisions. */
function fromDecisions(publication: FamilyPublication, tree: TreeIndex, dimensions: readonly CutDimension[]) {
  const units = tree.ids.flatMap((id, u) => (publication.published[u] === 1 ? [[id, publication.totals[u] as number]] : [])).sort();
  const cuts = dimensions
    .flatMap((dimension, d) =>
      tree.ids.flatMap((id, u) => {
        const partition = publication.cuts[d]?.[u];
        if (partition === null || partition === undefined) return [];
        const width = dimension.categories.length;
        const cells = partition.flatMap((block) => {
          const count = block.reduce((sum, c) => sum + (publication.cutTotals[d]?.[u * width + c] as number), 0);
          return count === 0 ? [] : [[block.map((c) => dimension.categories[c]).join('+'), count]];
        });
        return [[id, dimension.id, cells] as const];
      }),
    )
    .sort();
  return { units, cuts };
}

describe('familySolver (the solver\'s decisions read directly)', () => {
  it('publishes exactly what solveDisclosure publishes, in both tiers, on random organisations', () => {
    fc.assert(
      fc.property(organisationArbitrary({ maxUnits: 30, maxDemographics: 3, large: true }), fc.boolean(), (generated, withCuts) => {
        const input = oneRoot(generated);
        const tree = indexTree(input.units);
        const dimensions = dimensionsOf(input);
        const { units, cuts } = familyCounts(input, tree, dimensions);
        const reference = solveDisclosure(withCuts ? input : { ...input, demographics: [] });
        const solver = familySolver(tree, withCuts ? dimensions : [], input.k, input.kSensitive);
        for (const sensitive of [false, true]) {
          const publication = solver.solve({ units, cuts: withCuts ? cuts : null, sensitive });
          const tier = sensitive ? reference.tiers.sensitive : reference.tiers.ordinary;
          expect(publication.threshold).toBe(tier.threshold);
          expect(fromDecisions(publication, tree, withCuts ? dimensions : [])).toEqual(fromCells(tier));
        }
        expect(solver.solved).toBe(1);
      }),
      { seed: 20261216, numRuns: 300 },
    );
  });

  it('rejects thresholds the way solveDisclosure does', () => {
    const tree = indexTree([{ id: 'a', parentId: null }]);
    expect(() => familySolver(tree, [], 4, 10)).toThrow('k must be an integer in 5..50');
    expect(() => familySolver(tree, [], 5, 4)).toThrow('kSensitive must be an integer >= k');
  });
});
