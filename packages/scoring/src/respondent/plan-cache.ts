import type { QuestionnaireDefinition } from '@socialsafety/instrument';
import { createScoringPlan, type ScoringPlan } from './scoring-plan';

// Definitions are immutable once parsed (as in the instrument's definition index), so a plan per object is safe.
const plans = new WeakMap<QuestionnaireDefinition, ScoringPlan>();

/** The scoring plan of a definition, built on first use and kept as long as the definition object lives. */
export function planFor(definition: QuestionnaireDefinition): ScoringPlan {
  let plan = plans.get(definition);
  if (plan === undefined) {
    plan = createScoringPlan(definition);
    plans.set(definition, plan);
  }
  return plan;
}
