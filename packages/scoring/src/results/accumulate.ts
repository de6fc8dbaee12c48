import type { QuestionnaireDefinition } from '@socialsafety/instrument';
import { MISSING_CATEGORY } from '../disclosure';
import { allocateScores, scoreListWithPlan, scoreWithPlan, type ScoringPlan } from '../respondent';
import { addRow, contributionPlan, writeContribution } from './contribution';
import { rowLayout, type RowLayout } from './layout';
import type { MetricSpec } from './metrics';
import type { ItemMoments } from './reliability';
import type { TreeIndex } from './tree-index';
import type { ListedMeasurementResponse, MeasurementResponse } from './types';

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
 * Sums per group for every metric, in the rows of a RowLayout. `units` holds one row per unit (`unit * unitWidth`),
 * `cuts[d]` one row per unit x category of demographic d (`(unit * categories + category) * cutWidth`), for the
 * metrics with cuts. Before `toSubtrees()` the rows hold the unit's direct respondents only; after it, the unit's
 * whole subtree.
 */
export interface Accumulators {
  readonly layout: RowLayout;
  readonly units: Float64Array;
  readonly cuts: readonly Float64Array[];
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

/** Takes responses one at a time (from an array or from pages read off a database) and hands out the sums once. */
export interface Accumulation {
  add(response: MeasurementResponse | ListedMeasurementResponse): void;
  /** The sums; call once, after the last response. */
  finish(): Accumulators;
}

/**
 * Scores every response once and adds it to its unit's rows. Responses of units outside the tree are an error, not
 * silently dropped: a figure must never quietly leave people out. Holds no response after add() returns, so memory
 * depends on the tree and the questionnaire, not on the number of responses.
 */
export function accumulation(
  plan: ScoringPlan,
  metrics: readonly MetricSpec[],
  dimensions: readonly CutDimension[],
  tree: TreeIndex,
  itemMoments: readonly (ItemMoments | null)[] = [],
): Accumulation {
  const unitCount = tree.ids.length;
  const layout = rowLayout(metrics);
  const { unitWidth, cutWidth } = layout;
  const units = new Float64Array(unitCount * unitWidth);
  const cuts = dimensions.map((d) => new Float64Array(cutWidth === 0 ? 0 : unitCount * d.categories.length * cutWidth));
  const responseCounts = new Float64Array(unitCount);
  const responseCuts = dimensions.map((d) => new Float64Array(unitCount * d.categories.length));
  const scratch = allocateScores(plan);
  const reader = contributionPlan(metrics, layout);
  const contribution = new Float64Array(unitWidth);
  const moments = itemMoments.filter((m): m is ItemMoments => m !== null);
  let r = 0;

  return {
    add(response) {
      const unit = tree.indexOf.get(response.unitId);
      if (unit === undefined) throw new Error(`results: a response belongs to unknown unit '${response.unitId}'`);
      const scores = 'answerList' in response ? scoreListWithPlan(plan, response, scratch) : scoreWithPlan(plan, response, scratch);
      for (const m of moments) m.add(scores);
      writeContribution(reader, scores, contribution);
      responseCounts[unit] = (responseCounts[unit] as number) + 1;
      addRow(units, unit * unitWidth, contribution, unitWidth);
      for (let d = 0; d < dimensions.length; d++) {
        const dimension = dimensions[d] as CutDimension;
        const width = dimension.categories.length;
        const code = scores.demographics[dimension.planIndex] as number;
        const category = (Number.isNaN(code) ? undefined : dimension.categoryOfCode.get(code)) ?? width - 1;
        const row = unit * width + category;
        const table = responseCuts[d] as Float64Array;
        table[row] = (table[row] as number) + 1;
        if (cutWidth > 0) addRow(cuts[d] as Float64Array, row * cutWidth, contribution, cutWidth);
      }
      r += 1;
    },
    finish: () => ({ layout, units, cuts, responses: responseCounts, responseCuts, count: r }),
  };
}

/** accumulation() over an iterable of responses. */
export function accumulate(
  plan: ScoringPlan,
  metrics: readonly MetricSpec[],
  dimensions: readonly CutDimension[],
  tree: TreeIndex,
  responses: Iterable<MeasurementResponse | ListedMeasurementResponse>,
  itemMoments: readonly (ItemMoments | null)[] = [],
): Accumulators {
  const sums = accumulation(plan, metrics, dimensions, tree, itemMoments);
  for (const response of responses) sums.add(response);
  return sums.finish();
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
