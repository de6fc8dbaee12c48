import type { RespondentScores, ScoringPlan } from '../../respondent';
import { scoreWithPlan } from '../../respondent';
import type { CutDimension } from '../accumulate';
import { MEAN_HEADER, type MetricSpec } from '../metrics';
import type { TreeIndex } from '../tree-index';
import type { MeasurementResponse } from '../types';

/*
 * The sums of the results engine written the plain way, for tests only: one table per metric (and per metric and
 * demographic), each respondent read metric by metric into it. The engine's accumulate() lays the same numbers out
 * in shared rows and reads each respondent in one pass; tests hold it to these tables, number for number.
 */

export interface ReferenceSums {
  /** Per metric: unit * stride + i. */
  readonly units: Float64Array[];
  /** Per metric with cuts, per demographic: (unit * categories + category) * stride + i; null without cuts. */
  readonly cuts: (Float64Array[] | null)[];
}

/** The metric's numbers for one respondent (see MetricSpec.stride), or null when they have no value for it. */
function contribution(metric: MetricSpec, scores: RespondentScores): number[] | null {
  const source = metric.source;
  if (metric.kind === 'proportion') {
    const value = source.type === 'slot' ? scores.behaviour[source.slot] : source.type === 'scale' ? scores.scales0to100[source.index] : NaN;
    if (value === undefined || value < 0 || Number.isNaN(value)) return null;
    return [1, value > 0 ? 1 : 0];
  }
  const row = new Array<number>(metric.stride).fill(0);
  let value: number;
  if (source.type === 'scale') {
    value = scores.scales0to100[source.index] as number;
    if (Number.isNaN(value)) return null;
    for (const position of source.itemPositions) {
      const answer = scores.items[position] as number;
      if (!Number.isNaN(answer)) row[MEAN_HEADER + answer - source.min] = (row[MEAN_HEADER + answer - source.min] as number) + 1;
    }
  } else if (source.type === 'item') {
    const answer = scores.items[source.position] as number;
    if (Number.isNaN(answer)) return null;
    value = ((answer - source.min) / (source.max - source.min)) * 100;
    row[MEAN_HEADER + answer - source.min] = 1;
  } else {
    return null;
  }
  row[0] = 1;
  row[1] = value;
  row[2] = value * value;
  row[3] = (metric.higherIsBetter ? value >= 75 : value <= 25) ? 1 : 0;
  return row;
}

function add(table: Float64Array, at: number, numbers: readonly number[]): void {
  numbers.forEach((number, i) => (table[at + i] = (table[at + i] as number) + number));
}

export function referenceSums(
  plan: ScoringPlan,
  metrics: readonly MetricSpec[],
  dimensions: readonly CutDimension[],
  tree: TreeIndex,
  responses: Iterable<MeasurementResponse>,
): ReferenceSums {
  const size = tree.ids.length;
  const units = metrics.map((metric) => new Float64Array(size * metric.stride));
  const cuts = metrics.map((metric) =>
    metric.cuts ? dimensions.map((d) => new Float64Array(size * d.categories.length * metric.stride)) : null,
  );
  for (const response of responses) {
    const unit = tree.indexOf.get(response.unitId) as number;
    const scores = scoreWithPlan(plan, response);
    const categories = dimensions.map((dimension) => {
      const code = scores.demographics[dimension.planIndex] as number;
      return (Number.isNaN(code) ? undefined : dimension.categoryOfCode.get(code)) ?? dimension.categories.length - 1;
    });
    metrics.forEach((metric, m) => {
      const numbers = contribution(metric, scores);
      if (numbers === null) return;
      add(units[m] as Float64Array, unit * metric.stride, numbers);
      cuts[m]?.forEach((table, d) => {
        const width = dimensions[d]?.categories.length ?? 0;
        add(table, (unit * width + (categories[d] as number)) * metric.stride, numbers);
      });
    });
  }
  return { units, cuts };
}
