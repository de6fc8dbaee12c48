import type { MetricSpec } from './metrics';

/**
 * Where each metric's numbers sit in the summed rows. All metrics of a unit share one row, and all metrics with cuts
 * of a (unit, category) share one row, so that adding a respondent touches a few contiguous rows rather than one row
 * in each of a hundred tables: with responses arriving in no particular unit order, scattered rows made cache misses
 * the largest cost of summing (docs/performance.md).
 *
 * Metrics with cuts come first in the unit row, at the same offsets as in the category rows, so that one respondent's
 * contribution to the category rows is the first `cutWidth` numbers of their contribution to the unit row.
 */
export interface RowLayout {
  /** Numbers per unit row. */
  readonly unitWidth: number;
  /** Numbers per (unit, category) row. */
  readonly cutWidth: number;
  /** Per metric: offset of its numbers (MetricSpec.stride of them) in the unit row, and in category rows if it has cuts. */
  readonly offset: Int32Array;
}

export function rowLayout(metrics: readonly MetricSpec[]): RowLayout {
  const offset = new Int32Array(metrics.length);
  let at = 0;
  metrics.forEach((metric, m) => {
    if (!metric.cuts) return;
    offset[m] = at;
    at += metric.stride;
  });
  const cutWidth = at;
  metrics.forEach((metric, m) => {
    if (metric.cuts) return;
    offset[m] = at;
    at += metric.stride;
  });
  return { unitWidth: at, cutWidth, offset };
}

/** One number per row: `table[row * width + at]` for every row. */
export function column(table: Float64Array, width: number, at: number): Float64Array {
  const out = new Float64Array(table.length / width);
  for (let i = 0; i < out.length; i++) out[i] = table[i * width + at] as number;
  return out;
}
