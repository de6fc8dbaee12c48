import type { QuestionnaireDefinition } from '@socialsafety/instrument';
import { MISSING_CATEGORY } from '../disclosure';
import { allocateScores, scoreWithPlan, type RespondentScores, type ScoringPlan } from '../respondent';
import { MEAN_HEADER, type MetricSpec } from './metrics';
import type { TreeIndex } from './tree-index';
import type { MeasurementResponse } from './types';

/** A demographic as cuts use it: its declared categories (option codes as text) and the implicit missing one last. */
export interface CutDimension {
  readonly id: string;
  /** Declared categories, then MISSING_CATEGORY. */
  readonly categories: readonly string[];
  /** Position of the demographic in plan.demographicIds. */
  readonly planIndex: number;
  readonly categoryOfCode: ReadonlyMap<number, number>;
}

/**
 * Sums per group for every metric. `units[m]` holds, per unit, the metric's numbers (see MetricSpec.stride);
 * `cuts[m][d]` the same per unit x category of demographic d (mean metrics with cuts only). Before `toSubtrees()` the
 * rows hold the unit's direct respondents only; after it, the unit's whole subtree.
 */
export interface Accumulators {
  readonly units: Float64Array[];
  readonly cuts: (Float64Array[] | null)[];
  /** Direct respondents per unit (all responses, whatever they answered). */
  readonly responses: Float64Array;
  /** Direct respondents per unit x category, per demographic. */
  readonly responseCuts: Float64Array[];
  /** Recoded item values per respondent (plan.itemIds order; NaN missing), kept for reliability. */
  readonly items: Float32Array;
  /** Raw scale scores per respondent (plan.scales order; NaN missing), kept for ICC(1). */
  readonly scaleScores: Float64Array;
  /** Unit index of each respondent. */
  readonly unitOf: Int32Array;
  /** Number of responses. */
  readonly count: number;
}

export function cutDimensions(definition: QuestionnaireDefinition, plan: ScoringPlan, ids: readonly string[]): CutDimension[] {
  return [...new Set(ids)].sort().flatMap((id) => {
    const demographic = definition.demographics.find((d) => d.id === id);
    const planIndex = plan.demographicIds.indexOf(id);
    if (!demographic || planIndex < 0) return [];
    const categories = demographic.options.map((o) => String(o.value));
    return [
      {
        id,
        categories: [...categories, MISSING_CATEGORY],
        planIndex,
        categoryOfCode: new Map(demographic.options.map((o, i) => [o.value, i])),
      },
    ];
  });
}

function addMetric(metric: MetricSpec, scores: RespondentScores, row: Float64Array, at: number): void {
  const source = metric.source;
  if (metric.kind === 'proportion') {
    const value = source.type === 'slot' ? scores.behaviour[source.slot] : source.type === 'scale' ? scores.scales0to100[source.index] : NaN;
    if (value === undefined || value < 0 || Number.isNaN(value)) return;
    row[at] = (row[at] as number) + 1;
    if (value > 0) row[at + 1] = (row[at + 1] as number) + 1;
    return;
  }
  let value: number;
  if (source.type === 'scale') {
    value = scores.scales0to100[source.index] as number;
    if (Number.isNaN(value)) return;
    for (const position of source.itemPositions) {
      const answer = scores.items[position] as number;
      if (!Number.isNaN(answer)) row[at + MEAN_HEADER + answer - source.min] = (row[at + MEAN_HEADER + answer - source.min] as number) + 1;
    }
  } else if (source.type === 'item') {
    const answer = scores.items[source.position] as number;
    if (Number.isNaN(answer)) return;
    value = ((answer - source.min) / (source.max - source.min)) * 100;
    row[at + MEAN_HEADER + answer - source.min] = (row[at + MEAN_HEADER + answer - source.min] as number) + 1;
  } else {
    return;
  }
  row[at] = (row[at] as number) + 1;
  row[at + 1] = (row[at + 1] as number) + value;
  row[at + 2] = (row[at + 2] as number) + value * value;
  if (metric.higherIsBetter ? value >= 75 : value <= 25) row[at + 3] = (row[at + 3] as number) + 1;
}

/**
 * Scores every response once and adds it to its unit's rows. Responses of units outside the tree are an error, not
 * silently dropped: a figure must never quietly leave people out.
 */
export function accumulate(
  plan: ScoringPlan,
  metrics: readonly MetricSpec[],
  dimensions: readonly CutDimension[],
  tree: TreeIndex,
  responses: Iterable<MeasurementResponse>,
): Accumulators {
  const unitCount = tree.ids.length;
  const units = metrics.map((m) => new Float64Array(unitCount * m.stride));
  const cuts = metrics.map((m) => (m.cuts ? dimensions.map((d) => new Float64Array(unitCount * d.categories.length * m.stride)) : null));
  const responseCounts = new Float64Array(unitCount);
  const responseCuts = dimensions.map((d) => new Float64Array(unitCount * d.categories.length));
  const scratch = allocateScores(plan);
  const categoryOf = new Int32Array(dimensions.length);
  const itemCount = plan.itemIds.length;
  const scaleCount = plan.scales.length;
  // Responses may be streamed from the database, so their number is not known up front: grow by doubling.
  let capacity = Array.isArray(responses) ? Math.max(1, responses.length) : 1024;
  let items = new Float32Array(capacity * itemCount);
  let scaleScores = new Float64Array(capacity * scaleCount);
  let unitOf = new Int32Array(capacity);
  let r = 0;

  for (const response of responses) {
    if (r === capacity) {
      capacity *= 2;
      items = grow(items, capacity * itemCount);
      scaleScores = grow(scaleScores, capacity * scaleCount);
      unitOf = grow(unitOf, capacity);
    }
    const unit = tree.indexOf.get(response.unitId);
    if (unit === undefined) throw new Error(`results: a response belongs to unknown unit '${response.unitId}'`);
    const scores = scoreWithPlan(plan, response, scratch);
    items.set(scores.items, r * itemCount);
    scaleScores.set(scores.scales, r * scaleCount);
    unitOf[r] = unit;
    responseCounts[unit] = (responseCounts[unit] as number) + 1;
    dimensions.forEach((dimension, d) => {
      const code = scores.demographics[dimension.planIndex] as number;
      const category = Number.isNaN(code) ? undefined : dimension.categoryOfCode.get(code);
      const index = category ?? dimension.categories.length - 1;
      categoryOf[d] = index;
      const table = responseCuts[d] as Float64Array;
      table[unit * dimension.categories.length + index] = (table[unit * dimension.categories.length + index] as number) + 1;
    });
    // Plain loops over precomputed offsets: this runs (metrics x (1 + demographics)) times per response.
    for (let m = 0; m < metrics.length; m++) {
      const metric = metrics[m] as MetricSpec;
      addMetric(metric, scores, units[m] as Float64Array, unit * metric.stride);
      const tables = cuts[m];
      if (!tables) continue;
      for (let d = 0; d < dimensions.length; d++) {
        const width = (dimensions[d] as CutDimension).categories.length;
        addMetric(metric, scores, tables[d] as Float64Array, (unit * width + (categoryOf[d] as number)) * metric.stride);
      }
    }
    r += 1;
  }
  return {
    units,
    cuts,
    responses: responseCounts,
    responseCuts,
    items: items.subarray(0, r * itemCount),
    scaleScores: scaleScores.subarray(0, r * scaleCount),
    unitOf: unitOf.subarray(0, r),
    count: r,
  };
}

function grow<T extends Float32Array | Float64Array | Int32Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(length);
  bigger.set(array);
  return bigger;
}

/** Turns direct-member rows into subtree rows, in place: every unit adds its (finished) row to its parent's. */
export function toSubtrees(table: Float64Array, rowWidth: number, tree: TreeIndex): void {
  for (const unit of tree.childrenFirst) {
    const parent = tree.parent[unit] as number;
    if (parent < 0) continue;
    const from = unit * rowWidth;
    const to = parent * rowWidth;
    for (let i = 0; i < rowWidth; i++) table[to + i] = (table[to + i] as number) + (table[from + i] as number);
  }
}
