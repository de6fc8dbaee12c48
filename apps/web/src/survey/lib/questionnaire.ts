import {
  answersOnVisibleItems,
  isDontKnow,
  visibleItemIds,
  type AnswerValue,
  type LocalisedQuestionnaire,
  type QuestionnaireDefinition,
} from '@socialsafety/instrument';
import type { Answers } from './survey-api';

export type Questionnaire = LocalisedQuestionnaire;
export type QSection = Questionnaire['sections'][number];
export type QItem = QSection['items'][number];
export type QDemographic = Questionnaire['demographics'][number];
export type QChoiceItem = Extract<QItem, { type: 'single-choice' | 'multiple-choice' }>;

export interface Option {
  value: number;
  label: string;
  /** "Prefer not to say": an answer, but no point on the list; shown set apart. */
  preferNotToSay?: boolean;
}

// The condition logic reads only ids, codes and conditions, which a one-language view keeps unchanged; sharing it
// with the API (which checks every draft and submission with it) is what keeps the two from ever disagreeing.
const structure = (q: Questionnaire) => q as unknown as QuestionnaireDefinition;

/** The ids of the items shown for these answers (follow-ups only once their question is answered so). */
export const visibleIds = (q: Questionnaire, answers: Answers): Set<string> => visibleItemIds(structure(q), answers);

/** What is sent: answers to items that are shown now. An answer to a follow-up hidden again stays out. */
export const answersToSend = (q: Questionnaire, answers: Answers): Answers => answersOnVisibleItems(structure(q), answers);

export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'string') return value.trim() !== '';
  return true;
}

/** The answer options of an item: its response scale's, or its own for a choice item; none for free text. */
export function optionsOf(q: Questionnaire, item: QItem): Option[] {
  if ('options' in item) return item.options;
  if (!('responseScaleId' in item)) return [];
  return q.responseScales.find((scale) => scale.id === item.responseScaleId)?.options ?? [];
}

/**
 * A multiple-choice answer after ticking or unticking one option. An exclusive option ("No, neither") clears the
 * others, and any other option clears it; nothing ticked is no answer at all (the API refuses an empty list).
 */
export function toggleChoice(item: QChoiceItem, current: AnswerValue | undefined, value: number, checked: boolean): number[] | undefined {
  const chosen = Array.isArray(current) ? current : [];
  const exclusive = new Set(item.options.filter((option) => option.exclusive).map((option) => option.value));
  let next: number[];
  if (!checked) next = chosen.filter((code) => code !== value);
  else if (exclusive.has(value)) next = [value];
  else next = [...chosen.filter((code) => code !== value && !exclusive.has(code)), value];
  // Kept in the questionnaire's order, so that a draft reads the same however it was ticked.
  const order = item.options.map((option) => option.value);
  next.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return next.length > 0 ? next : undefined;
}

export interface SectionCount {
  answered: number;
  shown: number;
}

export function countSection(section: QSection, visible: Set<string>, answers: Answers): SectionCount {
  const shown = section.items.filter((item) => visible.has(item.id));
  return { shown: shown.length, answered: shown.filter((item) => isAnswered(answers[item.id])).length };
}

/** Required items that are shown and not answered ("don't know" counts as an answer). */
export function missingRequired(section: QSection, visible: Set<string>, answers: Answers): QItem[] {
  return section.items.filter((item) => item.required && visible.has(item.id) && !isAnswered(answers[item.id]));
}

export function answeredCount(q: Questionnaire, answers: Answers): number {
  const visible = visibleIds(q, answers);
  return Object.entries(answers).filter(([id, value]) => visible.has(id) && isAnswered(value)).length;
}

/**
 * Where someone coming back continues: the index of the section of the last question they answered, or of the one
 * after it when that section is complete (sections.length: past the last section). -1 when nothing was answered.
 */
export function resumeSection(q: Questionnaire, answers: Answers): number {
  const visible = visibleIds(q, answers);
  let last = -1;
  q.sections.forEach((section, index) => {
    if (section.items.some((item) => visible.has(item.id) && isAnswered(answers[item.id]))) last = index;
  });
  if (last < 0) return -1;
  const { answered, shown } = countSection(q.sections[last]!, visible, answers);
  return answered === shown ? last + 1 : last;
}

export { isDontKnow };
