import { isDontKnow, type AnswerValue, type ChoiceItem, type ChoiceOption } from '@socialsafety/instrument';
import { invalidAnswer } from './invalid-answer';

/**
 * The options a respondent chose on a choice item: one for single choice, any number for multiple choice; null
 * when the item was not answered, answered "don't know", or not shown (pass undefined then).
 *
 * Cost: O(chosen × options).
 *
 * @throws {Error} if the answer has the wrong shape for the item or names a code the item does not have
 */
export function chosenOptions(item: ChoiceItem, value: AnswerValue | undefined): ChoiceOption[] | null {
  if (value === undefined || isDontKnow(value)) return null;
  if (item.type === 'single-choice') {
    if (typeof value !== 'number') throw invalidAnswer(item.id, value, 'one option code');
    return [optionOf(item, value)];
  }
  if (!Array.isArray(value)) throw invalidAnswer(item.id, value, 'a list of option codes');
  return value.map((code) => optionOf(item, code));
}

function optionOf(item: ChoiceItem, code: number): ChoiceOption {
  const option = item.options.find((candidate) => candidate.value === code);
  if (option === undefined) throw invalidAnswer(item.id, code, 'an option of this item');
  return option;
}
