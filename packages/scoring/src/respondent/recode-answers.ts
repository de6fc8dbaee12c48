import {
  answerCodes,
  isDontKnow,
  isScaledItem,
  itemsInOrder,
  visibleItemIds,
  type Answers,
  type QuestionnaireDefinition,
  type ScaledItem,
} from '@socialsafety/instrument';
import { invalidAnswer } from './invalid-answer';
import { reverseKey } from './reverse-key';
import type { RecodedAnswers } from './types';

/**
 * Recoded answers: every scaled item's answer as a number on its response scale, reverse-keyed where the item is,
 * so that the values can be averaged into scale scores. "Don't know", no answer and answers left on items the
 * respondent never saw (their condition is not met) become null: such answers should not be stored, but when they
 * are, they must not count.
 *
 * This is the readable reference implementation; scoreWithPlan does the same per respondent without the lookups.
 *
 * References:
 * * scoring conventions, docs/instrument.md ("Reverse-keyed item"; "don't know" counts as missing)
 *
 * Cost: O(items) per call, plus the per-definition index of the instrument package.
 *
 * @param definition the questionnaire version the answers belong to
 * @param answers the respondent's answers, item id -> value
 * @returns scaled item id -> recoded value or null, for every scaled item in questionnaire order
 * @throws {Error} if a shown item's answer is not one of its codes, or an item's response scale is unknown
 * @example
 * recodeAnswers(definition, { q2: 2 }); // q2 reverse-keyed on 1-5 => { q1: null, q2: 4, ... }
 */
export function recodeAnswers(definition: QuestionnaireDefinition, answers: Answers): RecodedAnswers {
  const visible = visibleItemIds(definition, answers);
  const recoded: Record<string, number | null> = {};
  for (const item of itemsInOrder(definition)) {
    if (!isScaledItem(item)) continue;
    const value = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
    const ignored = value === undefined || isDontKnow(value) || !visible.has(item.id);
    recoded[item.id] = ignored ? null : recodeOne(definition, item, value);
  }
  return recoded;
}

function recodeOne(definition: QuestionnaireDefinition, item: ScaledItem, value: NonNullable<Answers[string]>): number {
  const codes = answerCodes(definition, item);
  if (codes.length === 0) {
    throw new Error(`cannot score item '${item.id}': response scale '${item.responseScaleId}' is unknown`);
  }
  if (typeof value !== 'number' || !codes.includes(value)) {
    throw invalidAnswer(item.id, value, 'a code of its response scale');
  }
  return item.reverse ? reverseKey(value, Math.min(...codes), Math.max(...codes)) : value;
}
