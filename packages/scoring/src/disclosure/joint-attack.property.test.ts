import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditPublishedCells, type AuditCell } from '../audit';
import { publishedCellsForAudit } from './audit-export';
import { demographicLeafGroupId, leafGroupId } from './ids';
import { solveDisclosure } from './solve';
import { organisationArbitrary } from './testing/organisations';
import type { DisclosureResult } from './types';

/*
 * Cuts of different demographics combined: the auditor normally attacks each demographic in its own view. Here every
 * published cell is rewritten over the finest leaves an attacker could reason about - each unit's direct members x
 * one category of every demographic at once - so that the linear-algebra attack can mix age cells with gender cells
 * through the unit cells they share (README.md, "Several demographics").
 */

function jointCells(result: DisclosureResult): AuditCell[] {
  const { units, demographics } = result.structure;
  // Every combination of categories, as index tuples.
  let combinations: number[][] = [[]];
  for (const demographic of demographics) {
    combinations = combinations.flatMap((prefix) => demographic.categories.map((_, c) => [...prefix, c]));
  }
  const expansion = new Map<string, string[]>();
  for (const unit of units) {
    const joint = combinations.map((combination) => `${unit.id}|${combination.join(',')}`);
    expansion.set(leafGroupId(unit.id), joint);
    demographics.forEach((demographic, d) => {
      demographic.categories.forEach((category, c) => {
        expansion.set(
          demographicLeafGroupId(unit.id, demographic.id, category),
          joint.filter((_, i) => combinations[i]?.[d] === c),
        );
      });
    });
  }
  return publishedCellsForAudit(result).cells.map((cell) => ({
    ...cell,
    leafGroups: cell.leafGroups.flatMap((leaf) => expansion.get(leaf) ?? [leaf]),
  }));
}

describe('attacks combining several demographics', () => {
  it('find nothing when age, gender and other cuts are mixed through shared unit cells', () => {
    fc.assert(
      fc.property(organisationArbitrary({ maxUnits: 10, maxDemographics: 3, large: true }), (input) => {
        const small = { ...input, demographics: input.demographics.map((d) => ({ ...d, categories: d.categories.slice(0, 2) })) };
        // Category counts beyond the kept categories become "(missing)": still a valid organisation.
        const result = solveDisclosure({
          ...small,
          demographics: small.demographics.map((d) => ({
            ...d,
            counts: Object.fromEntries(
              Object.entries(d.counts).map(([unit, row]) => [unit, Object.fromEntries(d.categories.map((c) => [c, row[c] ?? 0]))]),
            ),
          })),
        });
        const report = auditPublishedCells({ cells: jointCells(result) }, { maxAlgebraSearchNodes: 5_000_000 });
        expect(report.leaks).toEqual([]);
        for (const view of report.coverage) expect(view.algebra).toBe('complete');
      }),
      { numRuns: 150 },
    );
  }, 300_000);
});
