import type { QuestionnaireDefinition } from '@socialsafety/instrument';
import { MISSING_CATEGORY } from '../disclosure';
import { allocateScores, scoreWithPlan, type RespondentScores, type ScoringPlan } from '../respondent';
import { MEAN_HEADER, type MetricSpec } from './metrics';
import type { ItemMoments } from './reliability';
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

/** One respondent's contribution to a metric, read once and added to the unit row and every category row. */
interface Contribution {
  value: number;
  favourable: number;
  /** Answer-category offsets (from MEAN_HEADER) of the item answers that count, for the distribution. */
  readonly bins: Int32Array;
  binCount: number;
}

/** Reads a metric from a respondent's scores; false when the respondent has no value for it. */
function readMetric(metric: MetricSpec, scores: RespondentScores, into: Contribution): boolean {
  const source = metric.source;
  into.binCount = 0;
  if (metric.kind === 'proportion') {
    const value = source.type === 'slot' ? scores.behaviour[source.slot] : source.type === 'scale' ? scores.scales0to100[source.index] : NaN;
    if (value === undefined || value < 0 || Number.isNaN(value)) return false;
    into.value = value > 0 ? 1 : 0;
    return true;
  }
  let value: number;
  if (source.type === 'scale') {
    value = scores.scales0to100[source.index] as number;
    if (Number.isNaN(value)) return false;
    for (const position of source.itemPositions) {
      const answer = scores.items[position] as number;
      if (!Number.isNaN(answer)) into.bins[into.binCount++] = answer - source.min;
    }
  } else if (source.type === 'item') {
    const answer = scores.items[source.position] as number;
    if (Number.isNaN(answer)) return false;
    value = ((answer - source.min) / (source.max - source.min)) * 100;
    into.bins[into.binCount++] = answer - source.min;
  } else {
    return false;
  }
  into.value = value;
  into.favourable = (metric.higherIsBetter ? value >= 75 : value <= 25) ? 1 : 0;
  return true;
}

function addContribution(metric: MetricSpec, c: Contribution, row: Float64Array, at: number): void {
  row[at] = (row[at] as number) + 1;
  if (metric.kind === 'proportion') {
    row[at + 1] = (row[at + 1] as number) + c.value;
    return;
  }
  row[at + 1] = (row[at + 1] as number) + c.value;
  row[at + 2] = (row[at + 2] as number) + c.value * c.value;
  row[at + 3] = (row[at + 3] as number) + c.favourable;
  for (let b = 0; b < c.binCount; b++) {
    const i = at + MEAN_HEADER + (c.bins[b] as number);
    row[i] = (row[i] as number) + 1;
  }
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
  itemMoments: readonly (ItemMoments | null)[] = [],
): Accumulators {
  const unitCount = tree.ids.length;
  const units = metrics.map((m) => new Float64Array(unitCount * m.stride));
  const cuts = metrics.map((m) => (m.cuts ? dimensions.map((d) => new Float64Array(unitCount * d.categories.length * m.stride)) : null));
  const responseCounts = new Float64Array(unitCount);
  const responseCuts = dimensions.map((d) => new Float64Array(unitCount * d.categories.length));
  const scratch = allocateScores(plan);
  const categoryOf = new Int32Array(dimensions.length);
  const maxBins = Math.max(1, ...metrics.map((m) => (m.source.type === 'scale' ? m.source.itemPositions.length : 1)));
  const contribution: Contribution = { value: 0, favourable: 0, bins: new Int32Array(maxBins), binCount: 0 };
  let r = 0;

  for (const response of responses) {
    const unit = tree.indexOf.get(response.unitId);
    if (unit === undefined) throw new Error(`results: a response belongs to unknown unit '${response.unitId}'`);
    const scores = scoreWithPlan(plan, response, scratch);
    for (const moments of itemMoments) moments?.add(scores);
    responseCounts[unit] = (responseCounts[unit] as number) + 1;
    for (let d = 0; d < dimensions.length; d++) {
      const dimension = dimensions[d] as CutDimension;
      const code = scores.demographics[dimension.planIndex] as number;
      const category = Number.isNaN(code) ? undefined : dimension.categoryOfCode.get(code);
      const index = category ?? dimension.categories.length - 1;
      categoryOf[d] = index;
      const table = responseCuts[d] as Float64Array;
      table[unit * dimension.categories.length + index] = (table[unit * dimension.categories.length + index] as number) + 1;
    }
    // Each metric is read once per response and added to the unit's row and to one row per demographic.
    for (let m = 0; m < metrics.length; m++) {
      const metric = metrics[m] as MetricSpec;
      if (!readMetric(metric, scores, contribution)) continue;
      addContribution(metric, contribution, units[m] as Float64Array, unit * metric.stride);
      const tables = cuts[m];
      if (!tables) continue;
      for (let d = 0; d < dimensions.length; d++) {
        const width = (dimensions[d] as CutDimension).categories.length;
        addContribution(metric, contribution, tables[d] as Float64Array, (unit * width + (categoryOf[d] as number)) * metric.stride);
      }
    }
    r += 1;
  }
  return {
    units,
    cuts,
    responses: responseCounts,
    responseCuts,
    count: r,
  };
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
