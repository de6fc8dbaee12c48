/** Where a value lies in a benchmark distribution, in percentile bands. */
export type BenchmarkBand = '<20' | '20-50' | '50-80' | '>80';

/** The 20th, 50th and 80th percentiles of a benchmark (e.g. of unit scores in a sector). */
export interface BenchmarkPercentiles {
  p20: number;
  p50: number;
  p80: number;
}

/**
 * The benchmark percentile band of a value: below the 20th percentile, 20th-50th, 50th-80th,
 * or above the 80th, as in HSE's Management Standards Analysis Tool. The band is positional
 * (where the value lies in the benchmark); whether that is good or bad depends on the
 * scale's direction and is for the presentation to say. A value exactly on a percentile
 * falls in the band above it (p20 itself is '20-50', p80 itself is '>80').
 *
 * References:
 * * HSE, Management Standards Indicator Tool user manual (Analysis Tool, percentile banding),
 *   https://www.hse.gov.uk/stress/standards/downloads.htm
 * * scoring conventions, docs/instrument.md ("benchmark percentile banding")
 *
 * Cost: O(1).
 *
 * @param value the value to place, on the benchmark's scale
 * @param percentiles the benchmark's 20th, 50th and 80th percentiles, p20 <= p50 <= p80
 * @returns '<20', '20-50', '50-80' or '>80'
 * @throws {Error} if a number is not finite or the percentiles are out of order
 * @example
 * benchmarkBand(3.6, { p20: 3.1, p50: 3.5, p80: 3.9 }); // => '50-80'
 */
export function benchmarkBand(value: number, percentiles: BenchmarkPercentiles): BenchmarkBand {
  const { p20, p50, p80 } = percentiles;
  if (!(Number.isFinite(value) && Number.isFinite(p20) && Number.isFinite(p50) && Number.isFinite(p80))) {
    throw new Error('benchmarkBand requires finite numbers');
  }
  if (!(p20 <= p50 && p50 <= p80)) {
    throw new Error('benchmarkBand requires p20 <= p50 <= p80');
  }
  if (value < p20) return '<20';
  if (value < p50) return '20-50';
  if (value < p80) return '50-80';
  return '>80';
}
