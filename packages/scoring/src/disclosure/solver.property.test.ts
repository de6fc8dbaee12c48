import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditPublishedCells } from '../audit';
import { publishedCellsForAudit } from './audit-export';
import { solveDisclosure } from './solve';
import { organisationArbitrary, shuffled } from './testing/organisations';
import type { DisclosureResult, TierPublication } from './types';

/*
 * Invariants on random organisations (random shape and depth, zeros and tiny units, random k, random demographic
 * distributions), checked against the independent auditor rather than against the solver's own reasoning.
 */

function allCells(tier: TierPublication) {
  return [...tier.published.units, ...tier.published.cuts.flatMap((cut) => cut.cells)];
}

function groupKeys(tier: TierPublication): Set<string> {
  return new Set(tier.published.units.map((cell) => cell.id));
}

describe('suppression solver on random organisations', () => {
  it('publishes no cell below its tier threshold, and cut cells add up to their unit', () => {
    fc.assert(
      fc.property(organisationArbitrary(), (input) => {
        const result = solveDisclosure(input);
        for (const tier of [result.tiers.ordinary, result.tiers.sensitive]) {
          for (const cell of allCells(tier)) expect(cell.count).toBeGreaterThanOrEqual(tier.threshold);
          const unitCount = new Map(tier.published.units.map((cell) => [cell.unitId, cell.count]));
          for (const cut of tier.published.cuts) {
            expect(cut.cells.length).toBeGreaterThanOrEqual(2);
            expect(cut.cells.reduce((sum, cell) => sum + cell.count, 0)).toBe(unitCount.get(cut.unitId));
          }
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it.each([
    ['mixed units', organisationArbitrary()],
    ['mostly large units (nested cuts)', organisationArbitrary({ maxUnits: 30, maxDemographics: 3, large: true })],
  ])('gives the independent auditor nothing to find, with a complete linear-algebra search (%s)', (_, organisations) => {
    fc.assert(
      fc.property(organisations, (input) => {
        const report = auditPublishedCells(publishedCellsForAudit(solveDisclosure(input)));
        expect(report.leaks).toEqual([]);
        expect(report.anomalies).toEqual([]);
        for (const view of report.coverage) expect(view.algebra).toBe('complete');
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('publishes sensitive groups only where ordinary figures are published for the same group', () => {
    fc.assert(
      fc.property(organisationArbitrary(), (input) => {
        const { ordinary, sensitive } = solveDisclosure(input).tiers;
        const ordinaryUnits = groupKeys(ordinary);
        for (const id of groupKeys(sensitive)) expect(ordinaryUnits.has(id)).toBe(true);
        const ordinaryCuts = new Set(ordinary.published.cuts.map((cut) => cut.id));
        for (const cut of sensitive.published.cuts) expect(ordinaryCuts.has(cut.id)).toBe(true);
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('lists every unit and every (unit, demographic) exactly once, either published or hidden', () => {
    fc.assert(
      fc.property(organisationArbitrary(), (input) => {
        const result = solveDisclosure(input);
        for (const tier of [result.tiers.ordinary, result.tiers.sensitive]) {
          const units = [...tier.published.units, ...tier.hidden.units].map((cell) => cell.id).sort();
          expect(units).toEqual(input.units.map((unit) => `unit:${encodeURIComponent(unit.id)}`).sort());
          expect(tier.published.cuts.length + tier.hidden.cuts.length).toBe(input.units.length * input.demographics.length);
          for (const list of Object.values(tier.hidden)) for (const cell of list) expect(Object.keys(cell)).toEqual(['id']);
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('is deterministic: the same organisation in any input order gives an identical result', () => {
    fc.assert(
      fc.property(organisationArbitrary(), fc.nat(), (input, seed) => {
        const expected: DisclosureResult = solveDisclosure(input);
        expect(solveDisclosure(shuffled(input, seed))).toEqual(expected);
        expect(JSON.stringify(solveDisclosure(shuffled(input, seed + 1)))).toBe(JSON.stringify(expected));
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
