import type { AnswerValue, Answers } from '@socialsafety/instrument';
import { ANSWER_SEPARATOR } from '../../repositories/export';

/**
 * Answers back from the repository's compact text: values in the order of `itemIds`, empty for no answer. A code is
 * a number; a list of codes or "don't know" is JSON.
 */
export function decodeAnswers(itemIds: readonly string[], text: string): Answers {
  const values = text.split(ANSWER_SEPARATOR);
  const answers: Record<string, AnswerValue> = {};
  for (let i = 0; i < itemIds.length; i++) {
    const value = values[i];
    if (value === undefined || value === '') continue;
    const first = value.charCodeAt(0);
    // '[' a list of codes, '{' "don't know"; anything else is a code.
    answers[itemIds[i]!] = first === 0x5b || first === 0x7b ? (JSON.parse(value) as AnswerValue) : Number(value);
  }
  return answers;
}
