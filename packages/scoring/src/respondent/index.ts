// Respondent-level scoring: one respondent's answers to recoded items, scale scores, behaviour indicators and
// demographic codes. Readable reference functions (recodeAnswers, scaleScores, behaviourIndicators,
// scoreRespondent) and a fast path for whole organisations (createScoringPlan once, then scoreWithPlan).

export { recodeAnswers } from './recode-answers';
export { scaleScores } from './scale-scores';
export { behaviourIndicators } from './behaviour-indicators';
export { scoreRespondent } from './score-respondent';
export { createScoringPlan, type ScoringPlan, type PlannedScale } from './scoring-plan';
export { scoreListWithPlan, scoreWithPlan } from './score-with-plan';
export { answerOrder } from './answer-order';
export { allocateScores } from './allocate-scores';
export { namedScores } from './named-scores';
export { behaviourSlots, type CategoryOrAny } from './behaviour-slots';
export { reverseKey } from './reverse-key';
export { minimumAnswered, anyIndicator } from './missing-data';
export {
  SOURCE_SIDES,
  type BehaviourIndicators,
  type Indicator,
  type ListedRespondentResponse,
  type ModeIndicators,
  type NamedRespondentScores,
  type RecodedAnswers,
  type RespondentResponse,
  type RespondentScores,
  type ScaleScore,
  type SourceIndicators,
  type SourceSide,
} from './types';
