import { isDontKnow, type Answers } from './answers';
import { visibleItemIds } from './conditions';
import { findItem, isAnswerCode, itemsInOrder } from './definition-index';
import type { QuestionnaireDefinition } from './schema';

/** A problem with a submitted response, named by item (or demographic) id. */
export interface AnswerIssue {
  itemId: string;
  message: string;
}

/**
 * Checks a respondent's answers against the questionnaire before they are stored: known items, allowed codes,
 * "don't know" only where offered, required items answered, and nothing stored for items the respondent never saw.
 */
export function checkAnswers(definition: QuestionnaireDefinition, answers: Answers): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  for (const itemId of Object.keys(answers)) {
    if (findItem(definition, itemId) === undefined) issues.push({ itemId, message: `unknown item '${itemId}'` });
  }

  const visible = visibleItemIds(definition, answers);
  // One function for the whole check, not one per item: the server runs under tsx, which names every function it
  // creates (keepNames), and that was a twentieth of the API's time per submission.
  let itemId = '';
  const report = (message: string) => issues.push({ itemId, message });
  for (const item of itemsInOrder(definition)) {
    itemId = item.id;
    const value = answers[item.id];
    if (value === undefined) {
      if (item.required && visible.has(item.id)) report('required item not answered');
      continue;
    }
    if (!visible.has(item.id)) {
      report('answer given to an item that is not shown (its condition is not met)');
      continue;
    }
    if (isDontKnow(value)) {
      if (!item.allowDontKnow) report(`"don't know" is not offered for this item`);
      continue;
    }

    if (item.type === 'free-text') {
      if (typeof value !== 'string') report('expected a text');
      else if (value.length > item.maxLength) report(`text is longer than ${item.maxLength} characters`);
      continue;
    }
    if (item.type === 'multiple-choice') {
      if (!Array.isArray(value)) {
        report('expected a list of chosen options');
        continue;
      }
      if (value.length === 0) report('no option chosen (leave the item out instead)');
      if (new Set(value).size !== value.length) report('an option is chosen more than once');
      for (const code of value) if (!isAnswerCode(definition, item, code)) report(`${code} is not an option of this item`);
      const exclusive = item.options.find((option) => option.exclusive && value.includes(option.value));
      if (exclusive !== undefined && value.length > 1) report(`option ${exclusive.value} cannot be combined with other options`);
      continue;
    }
    if (typeof value !== 'number') report('expected one answer code');
    else if (!isAnswerCode(definition, item, value)) report(`${value} is not an answer of this item`);
  }
  return issues;
}

/** Checks demographic answers: only the questions asked in this measurement, only their option codes. */
export function checkDemographicAnswers(
  definition: QuestionnaireDefinition,
  values: Readonly<Record<string, number | undefined>>,
  askedIds: readonly string[],
): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  for (const [id, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const demographic = definition.demographics.find((d) => d.id === id);
    if (demographic === undefined || !askedIds.includes(id)) {
      issues.push({ itemId: id, message: `demographic '${id}' is not asked in this measurement` });
    } else if (!demographic.options.some((option) => option.value === value)) {
      issues.push({ itemId: id, message: `${value} is not an option of this question` });
    }
  }
  return issues;
}
