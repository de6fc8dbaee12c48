import { itemsInOrder, type QuestionnaireDefinition } from '@socialsafety/instrument';

/**
 * The item ids of a questionnaire version in the order a ListedRespondentResponse lists answers: every item, in
 * questionnaire order (free-text items included, their entries are not read). The same as a scoring plan's answerIds.
 *
 * Cost: O(items).
 *
 * @example
 * answerOrder(socialSafety_1_0_0)[0]; // the id of the first item of the first section
 */
export function answerOrder(definition: QuestionnaireDefinition): readonly string[] {
  return itemsInOrder(definition).map((item) => item.id);
}
