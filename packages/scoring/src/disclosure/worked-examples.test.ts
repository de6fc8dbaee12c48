import { describe, expect, it } from 'vitest';
import { auditPublishedCells } from '../audit';
import { publishedCellsForAudit } from './audit-export';
import { cutCellId, MISSING_CATEGORY, unitCellId } from './ids';
import { solveDisclosure } from './solve';
import type { DisclosureInput, DisclosureResult, TierPublication } from './types';

function tree(edges: Record<string, string | null>, counts: Record<string, number>, extra: Partial<DisclosureInput> = {}) {
  return solveDisclosure({
    units: Object.entries(edges).map(([id, parentId]) => ({ id, parentId })),
    responseCounts: counts,
    demographics: [],
    k: 5,
    kSensitive: 10,
    ...extra,
  });
}

const publishedUnits = (tier: TierPublication) => Object.fromEntries(tier.published.units.map((c) => [c.unitId, c.count]));
const audited = (result: DisclosureResult) => auditPublishedCells(publishedCellsForAudit(result));

describe('worked example of disclosure-control.md (k = 5)', () => {
  it('D 12 = A 9 + B 3: B is hidden, and A or D is hidden too', () => {
    const result = tree({ D: null, A: 'D', B: 'D' }, { A: 9, B: 3 });
    const units = publishedUnits(result.tiers.ordinary);
    expect(units.B).toBeUndefined();
    expect(units.A !== undefined && units.D !== undefined).toBe(false);
    // Parents take priority: D is the one published.
    expect(units).toEqual({ D: 12 });
    expect(audited(result).ok).toBe(true);
  });

  it('D 18 = A 9 + B 3 + C 6: B hidden, then the smaller of A and C (C); D and A published', () => {
    const result = tree({ D: null, A: 'D', B: 'D', C: 'D' }, { A: 9, B: 3, C: 6 });
    expect(publishedUnits(result.tiers.ordinary)).toEqual({ D: 18, A: 9 });
    expect(result.tiers.ordinary.hidden.units).toEqual([{ id: unitCellId('B') }, { id: unitCellId('C') }]);
    expect(audited(result).ok).toBe(true);
  });
});

describe('complementary suppression on the unit tree', () => {
  it('treats people attached directly to a parent as an implicit child', () => {
    const result = tree({ D: null, A: 'D' }, { D: 3, A: 9 });
    expect(publishedUnits(result.tiers.ordinary)).toEqual({ D: 12 });
  });

  it('accepts a remainder of exactly 0 and of exactly k', () => {
    expect(publishedUnits(tree({ D: null, A: 'D', B: 'D' }, { A: 9, B: 6 }).tiers.ordinary)).toEqual({ D: 15, A: 9, B: 6 });
    expect(publishedUnits(tree({ D: null, A: 'D', B: 'D' }, { A: 9, B: 5 }).tiers.ordinary)).toEqual({ D: 14, A: 9, B: 5 });
    expect(publishedUnits(tree({ D: null, A: 'D', B: 'D' }, { D: 5, A: 9 }).tiers.ordinary)).toEqual({ D: 14, A: 9 });
  });

  it('subtracts published descendants, not only children', () => {
    // X 6 consists of its child Y 6, so X's own atom is 0; R's remainder is its 2 direct members.
    const result = tree({ R: null, X: 'R', Y: 'X', Z: 'R' }, { R: 2, Y: 6, Z: 7 });
    const units = publishedUnits(result.tiers.ordinary);
    // R 15 minus its frontier (X 6, Z 7) leaves 2. Suppressing X would not help (its atom is 0, Y would still be
    // subtracted), so the smallest member with a nonzero atom goes: Z.
    expect(units).toEqual({ R: 15, X: 6, Y: 6 });
    expect(audited(result).ok).toBe(true);
  });

  it('breaks ties by id, whatever the input order', () => {
    const a = tree({ D: null, B: 'D', A: 'D' }, { D: 1, A: 6, B: 6 });
    const b = tree({ A: 'D', B: 'D', D: null }, { B: 6, A: 6, D: 1 });
    expect(publishedUnits(a.tiers.ordinary)).toEqual({ D: 13, B: 6 });
    expect(b).toEqual(a);
  });

  it('publishes nothing below k, including units with 0 responses', () => {
    const result = tree({ D: null, A: 'D', E: 'D' }, { A: 4 });
    expect(result.tiers.ordinary.published.units).toEqual([]);
    expect(result.tiers.ordinary.hidden.units.map((cell) => cell.id)).toEqual(['unit:A', 'unit:D', 'unit:E']);
  });

  it('hidden cells carry nothing but their id (no n = 0 vs n < k oracle)', () => {
    const result = tree({ D: null, A: 'D', E: 'D', F: 'D' }, { A: 4, E: 0, F: 20 });
    for (const tier of [result.tiers.ordinary, result.tiers.sensitive]) {
      for (const list of Object.values(tier.hidden)) for (const cell of list) expect(Object.keys(cell)).toEqual(['id']);
    }
  });

  it('solves the sensitive tier at k_sensitive, only over units published ordinarily', () => {
    const result = tree({ D: null, A: 'D', B: 'D', C: 'D' }, { A: 12, B: 8, C: 11 });
    expect(publishedUnits(result.tiers.ordinary)).toEqual({ D: 31, A: 12, B: 8, C: 11 });
    // B 8 < 10: hidden; then D - A - C = 8 < 10 exposes B, so the smaller of A and C (C 11) goes too.
    expect(publishedUnits(result.tiers.sensitive)).toEqual({ D: 31, A: 12 });
    expect(result.tiers.sensitive.threshold).toBe(10);
    expect(audited(result).ok).toBe(true);
  });
});

describe('demographic cuts (rule 3)', () => {
  const age = (counts: Record<string, Record<string, number>>) => ({
    id: 'age',
    categories: ['<35', '35-50', '50+', 'prefer not to say'],
    counts,
  });
  const cells = (result: DisclosureResult, unit: string, tier: 'ordinary' | 'sensitive' = 'ordinary') =>
    result.tiers[tier].published.cuts
      .find((cut) => cut.unitId === unit)
      ?.cells.map((cell) => [cell.label, cell.categories.join('+'), cell.count]);

  it('publishes every category that reaches k, and merges the rest into "other" when that reaches k', () => {
    const result = tree({ U: null }, { U: 30 }, {
      demographics: [age({ U: { '<35': 12, '35-50': 9, '50+': 3, 'prefer not to say': 2 } })],
    });
    expect(cells(result, 'U')).toEqual([
      ['<35', '<35', 12],
      ['35-50', '35-50', 9],
      ['other', `50+${'+'}prefer not to say+${MISSING_CATEGORY}`, 9],
    ]);
  });

  it('counts unanswered respondents as a category for the remainder rule', () => {
    // 4 left the question unanswered: alone they would be a remainder of 4, so they join "other" with 50+ (3).
    const result = tree({ U: null }, { U: 30 }, { demographics: [age({ U: { '<35': 14, '35-50': 9, '50+': 3 } })] });
    expect(cells(result, 'U')).toEqual([
      ['<35', '<35', 14],
      ['35-50', '35-50', 9],
      ['other', `50+${'+'}prefer not to say+${MISSING_CATEGORY}`, 7],
    ]);
  });

  it('merges the smallest category into "other" when "other" alone stays below k', () => {
    const result = tree({ U: null }, { U: 22 }, { demographics: [age({ U: { '<35': 12, '35-50': 7, '50+': 3 } })] });
    expect(cells(result, 'U')).toEqual([
      ['<35', '<35', 12],
      ['other', `35-50+50+${'+'}prefer not to say+${MISSING_CATEGORY}`, 10],
    ]);
  });

  it('makes the cut unavailable when it would not split the unit', () => {
    const result = tree({ U: null }, { U: 9 }, { demographics: [age({ U: { '<35': 4, '35-50': 3, '50+': 2 } })] });
    expect(cells(result, 'U')).toBeUndefined();
    expect(result.tiers.ordinary.hidden.cuts).toEqual([{ id: 'cut:U:age' }]);
  });

  it('hides empty blocks without a count', () => {
    const result = tree({ U: null }, { U: 20 }, { demographics: [age({ U: { '<35': 12, '35-50': 8 } })] });
    expect(cells(result, 'U')).toEqual([
      ['<35', '<35', 12],
      ['35-50', '35-50', 8],
    ]);
    expect(result.tiers.ordinary.hidden.cutCells).toEqual([
      { id: cutCellId('U', 'age', ['50+', 'prefer not to say', MISSING_CATEGORY]) },
    ]);
  });

  it('withdraws a child cut whose subtraction from the parent cut would expose a small block', () => {
    // D <35: A 6 + direct 2 = 8. Publishing A's <35 (6) next to D's <35 (8) reveals D's own 2 people under 35.
    const result = tree({ D: null, A: 'D' }, { D: 8, A: 12 }, {
      demographics: [age({ D: { '<35': 2, '35-50': 6 }, A: { '<35': 6, '35-50': 6 } })],
    });
    expect(publishedUnits(result.tiers.ordinary)).toEqual({ D: 20, A: 12 });
    expect(cells(result, 'D')).toEqual([
      ['<35', '<35', 8],
      ['35-50', '35-50', 12],
    ]);
    expect(cells(result, 'A')).toBeUndefined();
    expect(audited(result).ok).toBe(true);
  });

  it("keeps a child cut when every block difference is 0 or >= k, refining the parent's blocks", () => {
    const result = tree({ D: null, A: 'D', B: 'D' }, { A: 12, B: 14 }, {
      demographics: [
        age({ A: { '<35': 7, '35-50': 5 }, B: { '<35': 5, '35-50': 5, '50+': 2, 'prefer not to say': 2 } }),
      ],
    });
    // D: <35 12, 35-50 10, other 4 -> other merges with the smaller of the large ones (35-50).
    expect(cells(result, 'D')).toEqual([
      ['<35', '<35', 12],
      ['other', `35-50+50+${'+'}prefer not to say+${MISSING_CATEGORY}`, 14],
    ]);
    // A's blocks must lie inside D's; it may split D's "other" further: 35-50 (5) and an empty rest (hidden).
    expect(cells(result, 'A')).toEqual([
      ['<35', '<35', 7],
      ['35-50', '35-50', 5],
    ]);
    expect(result.tiers.ordinary.hidden.cutCells.map((cell) => cell.id)).toContain(
      cutCellId('A', 'age', ['50+', 'prefer not to say', MISSING_CATEGORY]),
    );
    // B's share of D's blocks is 5 and 9; every block difference of D is 0: both children keep the cut.
    expect(cells(result, 'B')).toEqual([
      ['<35', '<35', 5],
      ['other', `35-50+50+${'+'}prefer not to say+${MISSING_CATEGORY}`, 9],
    ]);
    expect(audited(result).ok).toBe(true);
  });

  it('coarsens a cut high up when a rare category would otherwise deny the cut to every team below', () => {
    const team = { '<35': 9, '35-50': 8, 'prefer not to say': 2 };
    const result = tree({ R: null, A: 'R', B: 'R', C: 'R' }, { A: 19, B: 19, C: 19 }, {
      demographics: [age({ A: team, B: team, C: team })],
    });
    // R alone could publish "prefer not to say" (6), but each team's 2 would then block the teams' cuts.
    const merged = `35-50+prefer not to say`;
    expect(cells(result, 'R')).toEqual([
      ['<35', '<35', 27],
      ['other', merged, 30],
    ]);
    for (const unit of ['A', 'B', 'C']) {
      expect(cells(result, unit)).toEqual([
        ['<35', '<35', 9],
        ['other', merged, 10],
      ]);
    }
    expect(audited(result).ok).toBe(true);
  });

  it('builds sensitive cut blocks from ordinary blocks, at k_sensitive', () => {
    const result = tree({ U: null }, { U: 40 }, {
      demographics: [age({ U: { '<35': 14, '35-50': 12, '50+': 7, 'prefer not to say': 7 } })],
    });
    expect(cells(result, 'U')).toEqual([
      ['<35', '<35', 14],
      ['35-50', '35-50', 12],
      ['50+', '50+', 7],
      ['prefer not to say', 'prefer not to say', 7],
    ]);
    expect(cells(result, 'U', 'sensitive')).toEqual([
      ['<35', '<35', 14],
      ['35-50', '35-50', 12],
      ['other', `50+${'+'}prefer not to say+${MISSING_CATEGORY}`, 14],
    ]);
    expect(audited(result).ok).toBe(true);
  });
});
