import type { QuestionnaireDefinition } from '@socialsafety/instrument';
import { allocateScores } from './allocate-scores';
import { behaviourIndicators } from './behaviour-indicators';
import { demographicCode } from './demographic-code';
import { packBehaviour } from './pack-behaviour';
import { planFor } from './plan-cache';
import { recodeAnswers } from './recode-answers';
import { scaleScores } from './scale-scores';
import type { RespondentResponse, RespondentScores } from './types';

/**
 * Scores one respondent the readable way: recodeAnswers, scaleScores and behaviourIndicators, packed into the
 * compact RespondentScores of the definition's plan. It is the reference that scoreWithPlan is tested against, and
 * convenient for one respondent at a time (a preview, a single export row); score many with createScoringPlan and
 * scoreWithPlan instead.
 *
 * References:
 * * scoring conventions, docs/instrument.md
 *
 * Cost: O(items × options) with lookups in the definition; the plan is built once per definition object.
 *
 * @param definition the respondent's questionnaire version
 * @param response the respondent's answers and demographic codes
 * @returns the respondent's scores, positioned as createScoringPlan(definition) names them
 * @throws {Error} if the definition cannot be scored (see createScoringPlan), or a shown answer or a demographic
 *   code is not one its item offers
 * @example
 * const scores = scoreRespondent(socialSafety_1_0_0, { answers: { oc_feel_safe: 4, oc_recommend: 5 } });
 */
export function scoreRespondent(definition: QuestionnaireDefinition, response: RespondentResponse): RespondentScores {
  const plan = planFor(definition);
  const scores = allocateScores(plan);

  const recoded = recodeAnswers(definition, response.answers);
  plan.itemIds.forEach((itemId, k) => {
    scores.items[k] = recoded[itemId] ?? Number.NaN;
  });

  const byScale = scaleScores(definition, recoded);
  plan.scales.forEach((scale, s) => {
    scores.scales[s] = byScale[scale.id]?.raw ?? Number.NaN;
    scores.scales0to100[s] = byScale[scale.id]?.score0to100 ?? Number.NaN;
  });

  packBehaviour(behaviourIndicators(definition, response.answers), scores.behaviour);

  const demographics = response.demographics;
  definition.demographics.forEach((demographic, d) => {
    if (demographics === undefined || !Object.hasOwn(demographics, demographic.id)) return;
    const codes = new Set(demographic.options.map((option) => option.value));
    scores.demographics[d] = demographicCode(demographic.id, codes, demographics[demographic.id]);
  });
  return scores;
}
