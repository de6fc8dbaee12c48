import { socialSafety_1_0_0 } from '@socialsafety/instrument';
import { describe, expect, it } from 'vitest';
import { figureTrend, trendMetricKeys } from './trend';
import type { MeanFigure } from './types';

const mean = (n: number, m: number, sd: number): MeanFigure => ({
  kind: 'mean',
  n,
  mean: m,
  sd,
  ci: null,
  distribution: [],
  favourable: 0,
  band: null,
  vsOrganisation: null,
  vsBenchmark: null,
});

describe('figureTrend', () => {
  it('tests the change of a mean with Welch', () => {
    // Checked with scipy 1.17: stats.ttest_ind_from_stats(70, 12, 40, 62, 15, 35, equal_var=False) -> t 2.5262, p 0.013976.
    const trend = figureTrend(mean(40, 70, 12), mean(35, 62, 15));
    expect(trend?.difference).toBe(8);
    expect(trend?.p).toBeCloseTo(0.0139, 3);
    expect(trend?.significant).toBe(true);
  });

  it('has no trend when either end is hidden', () => {
    expect(figureTrend({ hidden: true }, mean(35, 62, 15))).toBeNull();
    expect(figureTrend(mean(35, 62, 15), { hidden: true })).toBeNull();
  });
});

describe('trendMetricKeys', () => {
  it('maps scales of the same version to themselves and follows comparableTo across versions', () => {
    const same = trendMetricKeys(socialSafety_1_0_0, socialSafety_1_0_0);
    expect(same.size).toBe(socialSafety_1_0_0.scales.length);
    for (const [from, to] of same) expect(to).toBe(from);

    const next = structuredClone(socialSafety_1_0_0);
    next.version = '1.1.0';
    const first = next.scales[0]!;
    first.comparableTo = { version: '1.0.0', scaleId: first.id };
    const map = trendMetricKeys(next, socialSafety_1_0_0);
    expect([...map.entries()]).toEqual([[`scale:${first.id}`, `scale:${first.id}`]]);
  });
});
