import {
  checkAnswers,
  checkDemographicAnswers,
  type AnswerIssue,
  type Answers,
  type QuestionnaireDefinition,
} from '@socialsafety/instrument';
import { unprocessable } from '../lib/errors';

/** At most this many problems are listed; the message gives the total. */
const MAX_LISTED = 500;

export interface AnswerSet {
  language: string;
  answers: Answers;
  demographics: Record<string, number>;
}

/** The same questionnaire with nothing required: a draft may stop anywhere. */
function withoutRequired(definition: QuestionnaireDefinition): QuestionnaireDefinition {
  return {
    ...definition,
    sections: definition.sections.map((section) => ({ ...section, items: section.items.map((item) => ({ ...item, required: false })) })),
  };
}

/**
 * Checks answers with the questionnaire's own rules (packages/instrument): unknown items, codes out of range,
 * answers to items whose condition is not met, "don't know" where not offered, and, for a submission, required
 * items left out. Demographics: only the questions this measurement asks, only their codes. Every problem is listed,
 * each naming its item, in one 422 ANSWERS_INVALID; the language must be one the measurement offers.
 */
export function checkAnswerSet(
  definition: QuestionnaireDefinition,
  languages: readonly string[],
  askedDemographics: readonly string[],
  input: AnswerSet,
  kind: 'draft' | 'submission',
): void {
  if (!languages.includes(input.language)) {
    throw unprocessable('LANGUAGE_NOT_AVAILABLE', `This survey is available in ${languages.join(', ')}, not in '${input.language}'.`, {
      languages,
    });
  }
  const issues: AnswerIssue[] = [
    ...checkAnswers(kind === 'draft' ? withoutRequired(definition) : definition, input.answers),
    ...checkDemographicAnswers(definition, input.demographics, askedDemographics),
  ];
  if (issues.length === 0) return;
  const first = issues[0]!;
  throw unprocessable('ANSWERS_INVALID', `${issues.length} answer(s) cannot be accepted; the first: ${first.itemId}: ${first.message}`, {
    issues: issues.slice(0, MAX_LISTED),
    total: issues.length,
  });
}
