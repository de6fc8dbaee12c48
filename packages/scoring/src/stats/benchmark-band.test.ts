import { describe, expect, it } from 'vitest';
import { benchmarkBand } from './benchmark-band';

// The bands come from the scoring spec (docs/instrument.md: "< 20th, 20-50th, 50-80th, > 80th, as in
// HSE's analysis tool"); a value on a percentile falls in the band above it.
describe('benchmarkBand', () => {
  const percentiles = { p20: 3.1, p50: 3.5, p80: 3.9 };

  it('places values in the four bands', () => {
    expect(benchmarkBand(2.0, percentiles)).toBe('<20');
    expect(benchmarkBand(3.3, percentiles)).toBe('20-50');
    expect(benchmarkBand(3.6, percentiles)).toBe('50-80');
    expect(benchmarkBand(4.5, percentiles)).toBe('>80');
  });

  it('puts a value on a percentile in the band above it', () => {
    expect(benchmarkBand(3.1, percentiles)).toBe('20-50');
    expect(benchmarkBand(3.5, percentiles)).toBe('50-80');
    expect(benchmarkBand(3.9, percentiles)).toBe('>80');
  });

  it('takes percentiles from R quantile() of a benchmark sample', () => {
    // checked in R 4.2.2: quantile(c(2.8, 3.0, 3.1, 3.3, 3.4, 3.5, 3.6, 3.8, 3.9, 4.2), c(0.2, 0.5, 0.8))
    // = 3.08 3.45 3.82
    const fromR = { p20: 3.08, p50: 3.45, p80: 3.82 };
    expect(benchmarkBand(3.0, fromR)).toBe('<20');
    expect(benchmarkBand(3.4, fromR)).toBe('20-50');
    expect(benchmarkBand(3.8, fromR)).toBe('50-80');
    expect(benchmarkBand(3.9, fromR)).toBe('>80');
  });

  it('rejects percentiles out of order and non-finite numbers', () => {
    expect(() => benchmarkBand(3, { p20: 3.5, p50: 3.1, p80: 3.9 })).toThrow('benchmarkBand requires p20 <= p50 <= p80');
    expect(() => benchmarkBand(Number.NaN, percentiles)).toThrow('benchmarkBand requires finite numbers');
  });
});
