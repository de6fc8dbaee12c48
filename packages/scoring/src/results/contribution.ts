import type { RespondentScores } from '../respondent';
import type { RowLayout } from './layout';
import { MEAN_HEADER, type MetricSpec } from './metrics';

// How a metric is read from a respondent's scores.
const NONE = 0;
const SCALE_MEAN = 1;
const ITEM_MEAN = 2;
const SLOT_SHARE = 3;
const SCALE_SHARE = 4;

/**
 * The metrics as flat tables, so that reading one respondent is a loop over numbers with no per-metric objects (the
 * metric specs have three source shapes, and dispatching on them per respondent and metric was measurable).
 */
export interface ContributionPlan {
  readonly width: number;
  readonly how: Uint8Array;
  readonly source: Int32Array;
  readonly at: Int32Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly higherIsBetter: Uint8Array;
  /** itemPositions[itemStart[m] .. itemStart[m + 1]) are the scale's items whose answers form the distribution. */
  readonly itemStart: Int32Array;
  readonly itemPositions: Int32Array;
}

export function contributionPlan(metrics: readonly MetricSpec[], layout: RowLayout): ContributionPlan {
  const count = metrics.length;
  const how = new Uint8Array(count);
  const source = new Int32Array(count);
  const min = new Float64Array(count);
  const max = new Float64Array(count);
  const higherIsBetter = new Uint8Array(count);
  const itemStart = new Int32Array(count + 1);
  const positions: number[] = [];
  metrics.forEach((metric, m) => {
    itemStart[m] = positions.length;
    higherIsBetter[m] = metric.higherIsBetter ? 1 : 0;
    const from = metric.source;
    if (metric.kind === 'proportion') {
      if (from.type === 'slot') [how[m], source[m]] = [SLOT_SHARE, from.slot];
      else if (from.type === 'scale') [how[m], source[m]] = [SCALE_SHARE, from.index];
      return;
    }
    if (from.type === 'scale') {
      [how[m], source[m], min[m]] = [SCALE_MEAN, from.index, from.min];
      positions.push(...from.itemPositions);
    } else if (from.type === 'item') {
      [how[m], source[m], min[m], max[m]] = [ITEM_MEAN, from.position, from.min, from.max];
    }
  });
  itemStart[count] = positions.length;
  return {
    width: layout.unitWidth,
    how,
    source,
    at: layout.offset,
    min,
    max,
    higherIsBetter,
    itemStart,
    itemPositions: Int32Array.from(positions),
  };
}

/**
 * Writes one respondent's contribution to every metric into `into` (a unit row's worth of numbers, zeroed here), so
 * that adding the respondent to a group is adding `into` to the group's row. Per metric: n (1 when the respondent has
 * a value), then for a share the 0/1 value, for a mean the 0-100 value, its square, 1 when favourable (>= 75, or
 * <= 25 when higher is worse) and one count per answer category of the items behind it. A metric the respondent
 * has no value for contributes zeros, which leave a sum unchanged.
 */
export function writeContribution(plan: ContributionPlan, scores: RespondentScores, into: Float64Array): void {
  into.fill(0);
  const { how, source, at, min, max, higherIsBetter, itemStart, itemPositions } = plan;
  const items = scores.items;
  for (let m = 0; m < how.length; m++) {
    const kind = how[m] as number;
    if (kind === NONE) continue;
    const base = at[m] as number;
    if (kind === SLOT_SHARE || kind === SCALE_SHARE) {
      const value = kind === SLOT_SHARE ? (scores.behaviour[source[m] as number] as number) : (scores.scales0to100[source[m] as number] as number);
      if (value < 0 || Number.isNaN(value)) continue;
      into[base] = 1;
      into[base + 1] = value > 0 ? 1 : 0;
      continue;
    }
    let value: number;
    const lowest = min[m] as number;
    if (kind === SCALE_MEAN) {
      value = scores.scales0to100[source[m] as number] as number;
      if (Number.isNaN(value)) continue;
      const to = itemStart[m + 1] as number;
      for (let j = itemStart[m] as number; j < to; j++) {
        const answer = items[itemPositions[j] as number] as number;
        if (Number.isNaN(answer)) continue;
        const bin = base + MEAN_HEADER + answer - lowest;
        into[bin] = (into[bin] as number) + 1;
      }
    } else if (kind === ITEM_MEAN) {
      const answer = items[source[m] as number] as number;
      if (Number.isNaN(answer)) continue;
      value = ((answer - lowest) / ((max[m] as number) - lowest)) * 100;
      const bin = base + MEAN_HEADER + answer - lowest;
      into[bin] = (into[bin] as number) + 1;
    } else {
      continue;
    }
    into[base] = 1;
    into[base + 1] = value;
    into[base + 2] = value * value;
    into[base + 3] = (higherIsBetter[m] === 1 ? value >= 75 : value <= 25) ? 1 : 0;
  }
}

/** row[to .. to + width) += contribution[0 .. width). */
export function addRow(table: Float64Array, to: number, contribution: Float64Array, width: number): void {
  for (let i = 0; i < width; i++) table[to + i] = (table[to + i] as number) + (contribution[i] as number);
}
