import type { Scale } from './schema';

export type RiskBand = 'red' | 'amber' | 'green';

/**
 * The risk band of a 0-100 score (a mean scale's transformed mean, or a prevalence scale's percentage).
 * Below `low` is the low band, from `low` up to `high` amber, from `high` up the high band; which of the outer
 * bands is red depends on the scale's direction.
 *
 * @throws when the score is not a number from 0 to 100.
 * @example riskBandOf({ direction: 'higher-is-better', riskBands: { low: 50, high: 70 } }, 62) // 'amber'
 */
export function riskBandOf(scale: Pick<Scale, 'direction' | 'riskBands'>, score: number): RiskBand {
  if (!(score >= 0 && score <= 100)) throw new Error(`riskBandOf requires a score from 0 to 100, got ${score}`);
  const { low, high } = scale.riskBands;
  if (score >= low && score < high) return 'amber';
  const isLowEnd = score < low;
  if (scale.direction === 'higher-is-better') return isLowEnd ? 'red' : 'green';
  return isLowEnd ? 'green' : 'red';
}
