import { describe, expect, it } from 'vitest';
import { smallDefinition } from '../respondent/test-support/small-definition';
import { auditPublishedResults } from './audit-results';
import { computeMeasurementResults, HIDDEN } from './compute';
import type { MeanFigure, MeasurementResponse, MeasurementUnit, ProportionFigure } from './types';

const definition = smallDefinition();

/** Someone who answers every climate item `value` on the favourable side (reverse-keyed items c2, c5 mirrored). */
function climate(unitId: string, value: number, extra: Record<string, number> = {}): MeasurementResponse {
  const mirrored = 6 - value;
  return {
    unitId,
    answers: { c1: value, c2: mirrored, c3: value, c4: value, c5: mirrored, c6: value, c7: value, ...extra },
    demographics: {},
  };
}

const repeat = (n: number, make: () => MeasurementResponse) => Array.from({ length: n }, make);

// Department D with teams A, B and C (disclosure-control.md worked example, k = 5).
const units: MeasurementUnit[] = [
  { id: 'D', parentId: null },
  { id: 'A', parentId: 'D' },
  { id: 'B', parentId: 'D' },
  { id: 'C', parentId: 'D' },
];

describe('computeMeasurementResults', () => {
  const responses = [...repeat(9, () => climate('A', 5)), ...repeat(3, () => climate('B', 3)), ...repeat(6, () => climate('C', 4))];
  const results = computeMeasurementResults({ definition, units, responses, k: 5, kSensitive: 10, demographicIds: [] });
  const unit = (id: string) => results.units.find((u) => u.unitId === id)!;

  it('publishes the worked example as the rules say: D and A, with B and C hidden', () => {
    expect(unit('D').responses).toEqual({ n: 18 });
    expect(unit('A').responses).toEqual({ n: 9 });
    expect(unit('B').responses).toEqual(HIDDEN);
    expect(unit('C').responses).toEqual(HIDDEN);
    expect(unit('B').metrics['scale:climate']).toEqual({ hidden: true });
    expect(unit('C').metrics['scale:climate']).toEqual({ hidden: true });
  });

  it('computes the department figures by hand', () => {
    const d = unit('D').metrics['scale:climate'] as MeanFigure;
    // Scale scores on 0-100: A 9 x 100, B 3 x 50, C 6 x 75. Mean 1500 / 18 = 83.333.
    // Squared deviations: 9 x 16.667² + 3 x 33.333² + 6 x 8.333² = 6250; sd = sqrt(6250 / 17) = 19.174.
    // 95% CI: t(0.975, 17) = 2.109816; half width 2.109816 x 19.174 / sqrt(18) = 9.535 (checked with scipy 1.17:
    // stats.t.ppf(0.975, 17), giving 73.798 to 92.868).
    expect(d.n).toBe(18);
    expect(d.mean).toBeCloseTo(83.33, 2);
    expect(d.sd).toBeCloseTo(19.17, 2);
    expect(d.ci?.[0]).toBeCloseTo(73.8, 1);
    expect(d.ci?.[1]).toBeCloseTo(92.87, 1);
    // Favourable (score >= 4 of 5, i.e. >= 75): A and C, 15 of 18.
    expect(d.favourable).toBeCloseTo(83.3, 1);
    // Pooled item answers after reverse keying: 63 fives (A), 21 threes (B), 42 fours (C) of 126.
    expect(d.distribution).toEqual([0, 0, 0.1667, 0.3333, 0.5]);
    // Risk bands of the scale: below 50 red, 50-70 amber, from 70 green.
    expect(d.band).toBe('green');
    expect(d.vsOrganisation).toBeNull();
  });

  it('compares a unit with its organisation', () => {
    const a = unit('A').metrics['scale:climate'] as MeanFigure;
    expect(a.mean).toBe(100);
    expect(a.sd).toBe(0);
    expect(a.vsOrganisation?.difference).toBeCloseTo(16.67, 2);
    // Welch with sd 0 in A: t = 16.667 / (19.174 / sqrt(18)) = 3.688, df = 17, p = 0.0018 (checked with scipy 1.17:
    // stats.ttest_ind(A, D, equal_var=False) gives t 3.6878, p 0.001825).
    expect(a.vsOrganisation?.significant).toBe(true);
    expect(a.vsOrganisation?.p).toBeCloseTo(0.0018, 3);
  });

  it('hides figures nobody answered, and all hidden figures look the same', () => {
    expect(unit('D').metrics['scale:leading']).toEqual({ hidden: true });
    expect(unit('D').metrics['scale:experienced']).toEqual({ hidden: true });
    const hidden = results.units.flatMap((u) => Object.values(u.metrics)).filter((f) => 'hidden' in f);
    expect(new Set(hidden.map((f) => JSON.stringify(f)))).toEqual(new Set(['{"hidden":true}']));
  });

  it('passes the independent audit', () => {
    expect(auditPublishedResults(results).leaks).toEqual([]);
  });

  it('is the same whatever the order of units and responses', () => {
    const shuffled = computeMeasurementResults({
      definition,
      units: [...units].reverse(),
      responses: [...responses].reverse(),
      k: 5,
      kSensitive: 10,
      demographicIds: [],
    });
    expect(shuffled).toEqual(results);
  });
});

describe('item non-response', () => {
  // A 9 and B 6: every unit publishable by its number of responses. But 2 people in B skip the climate items, so
  // only 4 in B have a climate score: publishing D and A for climate would expose those 4 by subtraction.
  const responses = [
    ...repeat(9, () => climate('A', 5)),
    ...repeat(4, () => climate('B', 2)),
    ...repeat(2, () => ({ unitId: 'B', answers: { leads: 2 }, demographics: {} })),
  ];
  const results = computeMeasurementResults({
    definition,
    units: units.filter((u) => u.id !== 'C'),
    responses,
    k: 5,
    kSensitive: 10,
    demographicIds: [],
  });
  const unit = (id: string) => results.units.find((u) => u.unitId === id)!;

  it('protects each figure by the people who answered it, not by the people who responded', () => {
    expect(unit('A').responses).toEqual({ n: 9 });
    expect(unit('B').responses).toEqual({ n: 6 });
    expect(unit('B').metrics['scale:climate']).toEqual({ hidden: true });
    expect(unit('A').metrics['scale:climate']).toEqual({ hidden: true });
    expect((unit('D').metrics['scale:climate'] as MeanFigure).n).toBe(13);
    expect(auditPublishedResults(results).ok).toBe(true);
  });
});

describe('behaviour prevalence', () => {
  it('is published at k_sensitive with a Wilson interval', () => {
    // 20 respondents in one team; 3 experienced general unwanted behaviour (code 1 = once), 17 never (code 0).
    const responses = Array.from({ length: 20 }, (_, i) => ({
      unitId: 'T',
      answers: { exp_general: i < 3 ? 1 : 0, exp_sexual: 0, wit_general: 0 },
      demographics: {},
    }));
    const results = computeMeasurementResults({
      definition,
      units: [{ id: 'T', parentId: null }],
      responses,
      k: 5,
      kSensitive: 10,
      demographicIds: [],
    });
    const figure = results.units[0]?.metrics['behaviour:experienced:general'] as ProportionFigure;
    // instrument.md check value: 3/20 -> 5.2-36.0 %.
    expect(figure).toMatchObject({ kind: 'proportion', n: 20, percent: 15 });
    expect(figure.ci[0]).toBeCloseTo(5.24, 1);
    expect(figure.ci[1]).toBeCloseTo(36.04, 1);
    const scale = results.units[0]?.metrics['scale:experienced'] as ProportionFigure;
    expect(scale.percent).toBe(15);
    // Risk bands of 'experienced' (higher is worse): below 10 green, 10-20 amber.
    expect(scale.band).toBe('amber');

    const fewer = computeMeasurementResults({
      definition,
      units: [{ id: 'T', parentId: null }],
      responses: responses.slice(0, 9),
      k: 5,
      kSensitive: 10,
      demographicIds: [],
    });
    // 9 responses: scores are shown (>= k) but prevalence is not (< k_sensitive).
    expect(fewer.units[0]?.responses).toEqual({ n: 9 });
    expect(fewer.units[0]?.metrics['behaviour:experienced:general']).toEqual({ hidden: true });
  });
});

describe('the audit of a result set', () => {
  it('catches a figure that should have been hidden', () => {
    const responses = [...repeat(9, () => climate('A', 5)), ...repeat(3, () => climate('B', 3)), ...repeat(6, () => climate('C', 4))];
    const results = computeMeasurementResults({ definition, units, responses, k: 5, kSensitive: 10, demographicIds: [] });
    // Publishing C (6) next to D (18) and A (9) exposes B (3) by subtraction.
    const tampered = {
      ...results,
      units: results.units.map((u) => (u.unitId === 'C' ? { ...u, responses: { n: 6 } } : u)),
    };
    const audit = auditPublishedResults(tampered);
    expect(audit.ok).toBe(false);
    expect(audit.leaks.some((leak) => leak.family === 'responses' && leak.size === 3)).toBe(true);
  });
});
