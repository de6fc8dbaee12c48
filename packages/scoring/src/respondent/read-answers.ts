import type { AnswerValue, Answers } from '@socialsafety/instrument';
import type { ScoringPlan } from './scoring-plan';

/*
 * The first step of scoring with a plan: every answer read once into the plan's scratch values (by answer position),
 * then which items were shown. Two readers, one for each input form of a respondent's answers.
 */

/**
 * Reads an answers object (item id -> answer).
 *
 * The answers are enumerated (Object.keys and Object.values, one pass) rather than looked up id by id. Answers come
 * from JSON.parse (the database path), where each respondent's set of keys gives the object its own hidden class;
 * looking up 140 ids on 100,000 such objects misses V8's inline caches every time (measured: 25-50 µs a
 * respondent), while enumerating them takes 4-6 µs. The two short-lived arrays are the price. An object assembled
 * key by key in code (a hash-table object in V8) is the opposite case, slower to enumerate than to look up, but
 * such objects do not come in bulk. Each key's position is first guessed from the key that followed the previous
 * key last time (plan.scratchSuccessor), which holds for questionnaire order and for jsonb's order alike.
 */
export function readAnswers(plan: ScoringPlan, answers: Answers): void {
  const { answerIds, answerIndexOf, readsAnswer } = plan;
  const values = plan.scratchValues;
  values.fill(undefined);
  const ids = Object.keys(answers);
  const given = Object.values(answers);
  const successor = plan.scratchSuccessor;
  let previous = answerIds.length;
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j] as string;
    let i = successor[previous] as number;
    if (i < 0 || answerIds[i] !== id) {
      i = answerIndexOf.get(id) ?? -1;
      if (i < 0) continue;
      successor[previous] = i;
    }
    previous = i;
    if (readsAnswer[i] === 1) values[i] = given[j];
  }
  settleVisibility(plan);
}

/**
 * Reads answers given as a list in the plan's answer order (plan.answerIds): entry i answers item answerIds[i], and
 * null (what PostgreSQL gives for a key an answers object does not have) means not answered.
 *
 * @throws {Error} if the list does not have one entry per item: it was made for another questionnaire version
 */
export function readAnswerList(plan: ScoringPlan, list: readonly (AnswerValue | null)[]): void {
  const { answerIds, readsAnswer } = plan;
  if (list.length !== answerIds.length) {
    throw new Error(
      `answer list has ${list.length} entries, but questionnaire ${plan.key} ${plan.version} has ${answerIds.length} items: ` +
        'list the answers in answerOrder() of the version the responses were given to',
    );
  }
  const values = plan.scratchValues;
  for (let i = 0; i < list.length; i++) {
    const value = list[i];
    values[i] = readsAnswer[i] === 1 && value !== null ? value : undefined;
  }
  settleVisibility(plan);
}

/** Unconditional items are always shown; the conditional ones, in order, after the items they depend on. */
function settleVisibility(plan: ScoringPlan): void {
  const { conditionalItems, conditionSource, conditionStart, conditionCodes } = plan;
  const values = plan.scratchValues;
  const visible = plan.scratchVisible;
  visible.set(plan.alwaysVisible);
  for (let c = 0; c < conditionalItems.length; c++) {
    const i = conditionalItems[c] as number;
    const source = conditionSource[i] as number;
    if (source >= 0 && visible[source] === 1) {
      const shown = holds(values[source], conditionCodes, conditionStart[i] as number, conditionStart[i + 1] as number);
      visible[i] = shown ? 1 : 0;
    }
  }
}

/** The instrument's conditionHolds over the plan's flat code table. */
function holds(answer: AnswerValue | undefined, codes: Float64Array, from: number, to: number): boolean {
  if (typeof answer === 'number') {
    for (let j = from; j < to; j++) if (codes[j] === answer) return true;
    return false;
  }
  if (Array.isArray(answer)) {
    for (const code of answer) for (let j = from; j < to; j++) if (codes[j] === code) return true;
  }
  return false;
}
