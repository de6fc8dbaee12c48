import type { QuestionnaireDefinition, Scale } from '@socialsafety/instrument';
import { to0to100 } from '../stats';
import { anyIndicator, minimumAnswered } from './missing-data';
import { scaleRange } from './scale-range';
import type { RecodedAnswers, ScaleScore } from './types';

/**
 * Scale scores of one respondent, from their recoded answers (recodeAnswers). A 'mean' scale scores the mean of
 * the answered items when at least half of its items (rounded up) are answered, with its 0-100 transform on the
 * scale's response range. A 'prevalence' scale (behaviour in the past 12 months) scores 1 when any item is above
 * its lowest value ("never"), 0 when at least half are answered and all are "never" (anyIndicator), on 0-100 as
 * 100 / 0 so that a group's mean 0-100 score is the percentage of respondents.
 *
 * This is the readable reference implementation; scoreWithPlan does the same per respondent without the lookups.
 *
 * References:
 * * scoring conventions, docs/instrument.md ("Scale score for a respondent", "0-100 transform", "Prevalence")
 *
 * Cost: O(items in scales).
 *
 * @param definition the questionnaire version
 * @param recoded the respondent's recoded answers; an item without a key counts as missing
 * @returns scale id -> score, for every scale in definition order
 * @throws {Error} if a scale is not scorable (see scaleRange)
 * @example
 * // scale of 7 agreement items, 4 answered: 5, 4, 4, 3
 * scaleScores(definition, recoded).climate; // => { scoring: 'mean', answered: 4, itemCount: 7, raw: 4, score0to100: 75 }
 */
export function scaleScores(
  definition: QuestionnaireDefinition,
  recoded: RecodedAnswers,
): Readonly<Record<string, ScaleScore>> {
  const scores: Record<string, ScaleScore> = {};
  for (const scale of definition.scales) scores[scale.id] = scoreScale(definition, scale, recoded);
  return scores;
}

function scoreScale(definition: QuestionnaireDefinition, scale: Scale, recoded: RecodedAnswers): ScaleScore {
  const { min, max } = scaleRange(definition, scale);
  const itemCount = scale.itemIds.length;
  let answered = 0;
  let sum = 0;
  let aboveLowest = 0;
  for (const itemId of scale.itemIds) {
    const value = Object.hasOwn(recoded, itemId) ? recoded[itemId] : null;
    if (value === null || value === undefined) continue;
    answered += 1;
    sum += value;
    if (value > min) aboveLowest += 1;
  }
  if (scale.scoring === 'prevalence') {
    const any = anyIndicator(aboveLowest, answered, itemCount);
    const raw = any === null ? null : any ? 1 : 0;
    return { scoring: 'prevalence', answered, itemCount, raw, score0to100: raw === null ? null : raw * 100 };
  }
  if (answered < minimumAnswered(itemCount)) return { scoring: 'mean', answered, itemCount, raw: null, score0to100: null };
  const raw = sum / answered;
  return { scoring: 'mean', answered, itemCount, raw, score0to100: to0to100(raw, min, max) };
}
