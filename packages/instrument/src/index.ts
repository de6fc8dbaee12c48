// Public API of @socialsafety/instrument: the questionnaire model, its validation and hash, and the built-in
// questionnaire. Pure TypeScript (zod only), safe to import in the browser.

export * from './schema';
export { validateQuestionnaire, checkQuestionnaire, validQuestionnaireSchema, type ValidationResult } from './validate';
export { formatPath, type ValidationIssue } from './issues';
export { contentHash } from './hash';
export { canonicalJson } from './canonical-json';
export { sha256, sha256Hex } from './sha256';
export { utf8Encode } from './utf8';
export { compareVersions } from './semver';
export { localise, type Localised, type LocalisedQuestionnaire } from './localise';
export {
  itemsInOrder,
  findItem,
  locateItem,
  findScale,
  findResponseScale,
  scaleOfItem,
  scaleItems,
  answerCodes,
  itemRange,
  isSensitiveItem,
  standaloneItems,
  type ItemLocation,
} from './definition-index';
export {
  answersSchema,
  answerValueSchema,
  dontKnowSchema,
  DONT_KNOW,
  isDontKnow,
  type Answers,
  type AnswerValue,
  type DontKnowAnswer,
} from './answers';
export { conditionHolds, isItemVisible, visibleItemIds, answersOnVisibleItems } from './conditions';
export { checkAnswers, checkDemographicAnswers, type AnswerIssue } from './answer-check';
export { behaviourItems, sourceSide, type BehaviourItem } from './behaviour';
export { riskBandOf, type RiskBand } from './risk-bands';
export {
  estimateMinutes,
  DEFAULT_COMPLETION_TIME_ASSUMPTIONS,
  type CompletionTimeAssumptions,
} from './completion-time';
export { socialSafety_1_0_0, builtinQuestionnaires } from './builtin/social-safety-1.0.0';
