import type { PublishedResults } from '@socialsafety/scoring';
import { describe, expect, it } from 'vitest';
import { pool, poolDeploymentBenchmark } from '../src/services/benchmark';

const sampleSd = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
};

describe('pool', () => {
  it('equals the moments of the raw samples put together', () => {
    // Expected values: the raw data below, summarised directly (mean and n - 1 sd), not through the formula.
    const a = [10, 20, 30, 40];
    const b = [50, 55, 60];
    const c = [0, 100];
    const all = [...a, ...b, ...c];
    const moments = (xs: number[]) => ({ n: xs.length, mean: xs.reduce((s, x) => s + x, 0) / xs.length, sd: sampleSd(xs) });
    const pooled = pool([moments(a), moments(b), moments(c)]);
    expect(pooled.n).toBe(9);
    expect(pooled.mean).toBeCloseTo(365 / 9, 10);
    expect(pooled.sd).toBeCloseTo(sampleSd(all), 10);
  });
});

function set(n: number | null, mean: number): PublishedResults {
  return {
    rootUnitId: 'root',
    units: [
      {
        unitId: 'root',
        responses: n === null ? { hidden: true } : { n },
        metrics: n === null ? { 'scale:ps': { hidden: true } } : { 'scale:ps': { kind: 'mean', n, mean, sd: 10 } },
        cuts: {},
      },
    ],
  } as unknown as PublishedResults;
}

describe('poolDeploymentBenchmark', () => {
  it('needs five organisations whose organisation-level figures are published', () => {
    expect(poolDeploymentBenchmark([set(20, 50), set(20, 50), set(20, 50), set(20, 50), set(null, 0)])).toBeNull();
    const five = poolDeploymentBenchmark([set(20, 40), set(20, 50), set(20, 60), set(20, 50), set(20, 50)]);
    expect(five?.organisations).toBe(5);
    expect(five?.scales.ps?.n).toBe(100);
    expect(five?.scales.ps?.mean).toBeCloseTo(50, 10);
  });
});
