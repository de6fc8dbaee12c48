import type { AnswerValue, Answers } from './answers';
import { itemsInOrder } from './definition-index';
import type { Condition, Item, QuestionnaireDefinition } from './schema';

/** True when an answer meets a condition. "Don't know", free text and no answer never do. */
export function conditionHolds(condition: Condition, answer: AnswerValue | undefined): boolean {
  if (typeof answer === 'number') return condition.anyOf.includes(answer);
  if (Array.isArray(answer)) return answer.some((code) => condition.anyOf.includes(code));
  return false;
}

/**
 * Whether an item is shown, judged on its own condition only. Use visibleItemIds() when conditions may chain
 * (B depends on A, C on B): there an answer left behind on a hidden item must not count.
 */
export function isItemVisible(item: Item, answers: Answers): boolean {
  if (item.condition === undefined) return true;
  return conditionHolds(item.condition, answers[item.condition.itemId]);
}

/**
 * The ids of the items shown for these answers. Conditions refer only to earlier items, so one pass in order
 * settles every chain; an answer on an item that is itself hidden counts as no answer.
 */
export function visibleItemIds(definition: QuestionnaireDefinition, answers: Answers): Set<string> {
  const visible = new Set<string>();
  for (const item of itemsInOrder(definition)) {
    const condition = item.condition;
    if (condition === undefined || (visible.has(condition.itemId) && conditionHolds(condition, answers[condition.itemId]))) {
      visible.add(item.id);
    }
  }
  return visible;
}

/** The answers without those on hidden items: what is stored and scored after a respondent changed their mind. */
export function answersOnVisibleItems(definition: QuestionnaireDefinition, answers: Answers): Record<string, AnswerValue> {
  const visible = visibleItemIds(definition, answers);
  const kept: Record<string, AnswerValue> = {};
  for (const [itemId, value] of Object.entries(answers)) {
    if (value !== undefined && visible.has(itemId)) kept[itemId] = value;
  }
  return kept;
}
