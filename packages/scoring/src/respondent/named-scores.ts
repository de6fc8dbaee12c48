import { unpackBehaviour } from './pack-behaviour';
import type { ScoringPlan } from './scoring-plan';
import type { NamedRespondentScores, RespondentScores } from './types';

/**
 * A RespondentScores record read back by id, with null for missing: what an export row, a debugging session or a
 * test wants to look at. Not for the hot path (it allocates an object per value).
 *
 * Cost: O(items + scales + behaviour slots).
 *
 * @param plan the plan the scores were made with
 * @param scores the compact scores
 * @returns the same scores keyed by item, scale and demographic id
 * @example
 * namedScores(plan, scoreWithPlan(plan, response)).scales.overall_safety; // => { raw: 4, score0to100: 75 }
 */
export function namedScores(plan: ScoringPlan, scores: RespondentScores): NamedRespondentScores {
  const items: Record<string, number | null> = {};
  plan.itemIds.forEach((itemId, k) => {
    items[itemId] = numberOrNull(scores.items[k]);
  });
  const scales: Record<string, { raw: number | null; score0to100: number | null }> = {};
  plan.scales.forEach((scale, s) => {
    scales[scale.id] = { raw: numberOrNull(scores.scales[s]), score0to100: numberOrNull(scores.scales0to100[s]) };
  });
  const demographics: Record<string, number | null> = {};
  plan.demographicIds.forEach((id, d) => {
    demographics[id] = numberOrNull(scores.demographics[d]);
  });
  return { items, scales, behaviour: unpackBehaviour(scores.behaviour), demographics };
}

function numberOrNull(value: number | undefined): number | null {
  return value === undefined || Number.isNaN(value) ? null : value;
}
