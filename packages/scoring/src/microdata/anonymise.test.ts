import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../disclosure/testing/organisations';
import { anonymiseMicrodata } from './anonymise';
import { flatHierarchy, orderedBandHierarchy, SUPPRESSED, unitHierarchy } from './hierarchy';
import { LOSS_TIE, preferredNode } from './lattice';
import type { MicrodataRecord, MicrodataSpec } from './types';
import { verifyAnonymity } from './verify';

const units = [
  { id: 'org', parentId: null },
  { id: 'sales', parentId: 'org' },
  { id: 'ops', parentId: 'org' },
  { id: 'sales-north', parentId: 'sales' },
  { id: 'sales-south', parentId: 'sales' },
  { id: 'ops-night', parentId: 'ops' },
  { id: 'ops-day', parentId: 'ops' },
  { id: 'board', parentId: 'org' },
];
const ages = ['<25', '25-34', '35-44', '45-54', '55+'];

function spec(k: number, extra: Partial<MicrodataSpec> = {}): MicrodataSpec {
  return {
    quasiIdentifiers: [
      { name: 'unit', hierarchy: unitHierarchy(units) },
      { name: 'age', hierarchy: orderedBandHierarchy(ages, { special: ['prefer not to say'] }) },
      { name: 'gender', hierarchy: flatHierarchy(['woman', 'man', 'other']) },
    ],
    sensitive: ['harassed', 'reported'],
    keep: ['score'],
    k,
    ...extra,
  };
}

/** Adversarial data: skewed unit sizes (a board of 2), rare ages and genders, unanswered items, homogeneous answers. */
function respondents(count: number, seed: number): MicrodataRecord[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[], weights: readonly number[]): T => {
    let u = random() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < list.length; i++) if ((u -= weights[i] as number) < 0) return list[i] as T;
    return list[list.length - 1] as T;
  };
  return Array.from({ length: count }, () => {
    const unit = pick(['sales-north', 'sales-south', 'ops-night', 'ops-day', 'board', 'sales', 'org'], [30, 20, 25, 20, 1, 2, 1]);
    return {
      unit,
      age: pick([...ages, 'prefer not to say', null], [5, 30, 30, 20, 8, 2, 1]),
      gender: pick(['woman', 'man', 'other', null], [45, 45, 2, 1]),
      // The night shift all answered yes: a homogeneity trap.
      harassed: unit === 'ops-night' ? 1 : pick([0, 1, null], [70, 20, 10]),
      reported: pick([0, 1, null], [10, 2, 88]),
      score: Math.round(random() * 100),
      comment: 'free text that must never be exported',
    };
  });
}

function expectSafe(records: readonly MicrodataRecord[], k: number, l = 2) {
  const check = verifyAnonymity(records, { quasiIdentifiers: ['unit', 'age', 'gender'], sensitive: ['harassed', 'reported'], k, l });
  expect(check.violations).toEqual([]);
  expect(check.ok).toBe(true);
}

describe('anonymiseMicrodata', () => {
  it.each([2, 5, 10, 25])('releases k-anonymous, 2-diverse records from adversarial data (k = %i)', (k) => {
    const input = respondents(600, k);
    const { records, report } = anonymiseMicrodata(input, spec(k));
    expectSafe(records, k);
    expect(report.verification.ok).toBe(true);
    expect(report.recordsReleased + report.recordsSuppressed).toBe(report.recordsIn);
    expect(report.recordsReleased).toBe(records.length);
    expect(report.informationLoss).toBeGreaterThanOrEqual(0);
    expect(report.informationLoss).toBeLessThanOrEqual(1);
    // The homogeneous night shift is never released as such.
    expect(records.some((record) => record.unit === 'ops-night')).toBe(false);
  });

  it('reports the chosen generalisation per quasi-identifier, and uses exactly those levels', () => {
    const input = respondents(400, 7);
    const chosen = spec(5);
    const { records, report } = anonymiseMicrodata(input, chosen);
    expect(report.generalisation.map((g) => g.quasiIdentifier)).toEqual(['unit', 'age', 'gender']);
    report.generalisation.forEach((choice, q) => {
      const hierarchy = chosen.quasiIdentifiers[q]?.hierarchy;
      const allowed = new Set([...(hierarchy?.table.values() ?? [])].map((levels) => levels[choice.level]));
      for (const record of records) expect(allowed.has(record[choice.quasiIdentifier] as string)).toBe(true);
      expect(choice.height).toBe(hierarchy?.height);
    });
  });

  it('drops columns that are not declared, such as free text', () => {
    const { records } = anonymiseMicrodata(respondents(200, 3), spec(5));
    for (const record of records) expect(Object.keys(record).sort()).toEqual(['age', 'gender', 'harassed', 'reported', 'score', 'unit']);
  });

  it('does not generalise data that is already k-anonymous and diverse', () => {
    const input = Array.from({ length: 40 }, (_, i) => ({ unit: i < 20 ? 'sales' : 'ops', age: '25-34', gender: 'woman', harassed: i % 2, reported: null, score: i }));
    const { report } = anonymiseMicrodata(input, spec(5));
    expect(report.generalisation.map((g) => g.level)).toEqual([0, 0, 0]);
    expect(report).toMatchObject({ recordsSuppressed: 0, informationLoss: 0 });
  });

  it('suppresses everything, and says so, when there are fewer than k records', () => {
    const { records, report } = anonymiseMicrodata(respondents(4, 1), spec(5));
    expect(records).toEqual([]);
    expect(report).toMatchObject({ recordsSuppressed: 4, withinSuppressionLimit: false });
    expect(report.verification.ok).toBe(true);
  });

  it('generalises up to suppression ("*") when nothing else works', () => {
    const input = Array.from({ length: 12 }, (_, i) => ({ unit: units[1 + (i % 7)]?.id ?? 'org', age: ages[i % 5] ?? null, gender: i % 2 ? 'man' : 'woman', harassed: i % 2, reported: null, score: 1 }));
    const { records, report } = anonymiseMicrodata(input, spec(6, { maxSuppressedShare: 0 }));
    expectSafe(records, 6);
    expect(records.length).toBe(12);
    expect(records.every((record) => record.gender === SUPPRESSED || record.age === SUPPRESSED || record.unit === 'org')).toBe(true);
    expect(report.withinSuppressionLimit).toBe(true);
  });

  it('gives the same export for the same respondents in any order', () => {
    const input = respondents(300, 11);
    const reversed = [...input].reverse();
    expect(anonymiseMicrodata(reversed, spec(5))).toEqual(anonymiseMicrodata(input, spec(5)));
  });

  it('rejects invalid specifications and unknown values', () => {
    expect(() => anonymiseMicrodata([], spec(1))).toThrow(/k >= 2/);
    expect(() => anonymiseMicrodata([], spec(5, { l: 0 }))).toThrow(/l >= 1/);
    expect(() => anonymiseMicrodata([], spec(5, { keep: ['harassed'] }))).toThrow(/more than one role/);
    expect(() => anonymiseMicrodata([{ unit: 'mars', age: '<25', gender: 'man' }], spec(5))).toThrow(/missing from its hierarchy/);
  });

  it('always passes the independent verification on random data', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.nat(), fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 3 }), (count, seed, k, l) => {
        const { records, report } = anonymiseMicrodata(respondents(count, seed), spec(k, { l }));
        expectSafe(records, k, l);
        expect(report.verification.ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe('preferredNode', () => {
  it('treats losses within LOSS_TIE as equal, then prefers less suppression, fewer steps and lower levels', () => {
    const node = (loss: number, suppressedCount: number, levels: number[]) => ({ loss, suppressedCount, levels });
    expect(preferredNode(node(0.4, 9, [3, 3]), node(0.5, 0, [0, 0]))).toBe(true);
    expect(preferredNode(node(0.45195469492144563, 16, [1, 0, 1]), node(0.4519546949214456, 16, [1, 3, 0]))).toBe(true);
    expect(preferredNode(node(0.4519546949214456, 16, [1, 3, 0]), node(0.45195469492144563, 16, [1, 0, 1]))).toBe(false);
    expect(preferredNode(node(0.3, 1, [2, 2]), node(0.3 + LOSS_TIE / 2, 2, [0, 0]))).toBe(true);
    expect(preferredNode(node(0.3, 2, [0, 1]), node(0.3, 2, [1, 0]))).toBe(true);
    expect(preferredNode(node(0.3 + 2 * LOSS_TIE, 0, [0, 0]), node(0.3, 5, [2, 2]))).toBe(false);
  });
});
