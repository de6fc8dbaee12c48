import type { QuestionnaireDefinition } from '@socialsafety/instrument';
import type { ScoringPlan } from '../respondent';
import { cronbachAlpha, icc1, mcdonaldOmegaTotal } from '../stats';
import type { Accumulators } from './accumulate';
import type { ScaleReliability } from './types';

/** Runs a statistic that may be undefined for the data (too few cases, no variance) and rounds it; null if undefined. */
function attempt(statistic: () => number): number | null {
  try {
    const value = statistic();
    return Number.isFinite(value) ? Math.round(value * 1000) / 1000 : null;
  } catch {
    return null;
  }
}

/**
 * Reliability of every mean scale over the whole organisation: Cronbach's alpha and McDonald's omega on complete
 * cases, and ICC(1) of scale scores over the units people answered in (is it meaningful to compare units at all?).
 * Organisation-level statistics describe the instrument, not a group, so they carry no small-group risk; they are
 * published only with the organisation itself.
 */
export function reliabilityOf(definition: QuestionnaireDefinition, plan: ScoringPlan, acc: Accumulators, respondents: number): ScaleReliability[] {
  const position = new Map(plan.itemIds.map((id, i) => [id, i]));
  const itemCount = plan.itemIds.length;
  const scaleCount = plan.scales.length;
  return plan.scales.flatMap((planned, s) => {
    if (planned.scoring !== 'mean') return [];
    const scale = definition.scales.find((x) => x.id === planned.id);
    if (!scale) return [];
    const positions = scale.itemIds.map((id) => position.get(id)).filter((p): p is number => p !== undefined);
    const complete: number[][] = [];
    const scores: number[] = [];
    const groups: number[] = [];
    for (let r = 0; r < respondents; r++) {
      const row = positions.map((p) => acc.items[r * itemCount + p] as number);
      if (row.every((v) => !Number.isNaN(v))) complete.push(row);
      const score = acc.scaleScores[r * scaleCount + s] as number;
      if (!Number.isNaN(score)) {
        scores.push(score);
        groups.push(acc.unitOf[r] as number);
      }
    }
    return [
      {
        scaleId: scale.id,
        nComplete: complete.length,
        alpha: positions.length >= 2 ? attempt(() => cronbachAlpha(complete)) : null,
        omega: positions.length >= 3 ? attempt(() => mcdonaldOmegaTotal(complete)) : null,
        icc1: attempt(() => icc1(scores, groups)),
      },
    ];
  });
}
