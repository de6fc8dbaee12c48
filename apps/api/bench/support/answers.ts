import {
  answerCodes,
  answersOnVisibleItems,
  itemsInOrder,
  socialSafety_1_0_0,
  type Answers,
  type AnswerValue,
} from '@socialsafety/instrument';

/**
 * A complete, valid answer set to the built-in questionnaire, varied by `seed`: what a respondent who answers
 * everything sends (about 3 KB), so that the benchmark pays for validating and storing a realistic response.
 * Free text is left empty; answers to items whose condition is not met are dropped, as the web app does.
 */
export function fullAnswers(seed: number): Answers {
  const answers: Record<string, AnswerValue> = {};
  itemsInOrder(socialSafety_1_0_0).forEach((item, i) => {
    const codes = answerCodes(socialSafety_1_0_0, item);
    if (codes.length === 0) return;
    const code = codes[(seed + i) % codes.length]!;
    answers[item.id] = item.type === 'multiple-choice' ? [code] : code;
  });
  return answersOnVisibleItems(socialSafety_1_0_0, answers);
}

/** A submission body for `POST /api/v1/survey/:token/responses`. */
export function submissionBody(submissionId: string, seed: number): string {
  return JSON.stringify({ submissionId, language: 'nl', answers: fullAnswers(seed), demographics: {} });
}
