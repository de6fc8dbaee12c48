import { describe, expect, it } from 'vitest';
import { DONT_KNOW } from './answers';
import { socialSafety_1_0_0 } from './builtin/social-safety-1.0.0';
import { answersOnVisibleItems, conditionHolds, isItemVisible, visibleItemIds } from './conditions';
import { findItem } from './definition-index';
import type { Item } from './schema';
import { minimalDefinition } from './test-support/definition-fixture';
import { questionnaireSchema } from './schema';

const definition = questionnaireSchema.parse(minimalDefinition());
const item = (id: string): Item => {
  const found = findItem(definition, id);
  if (found === undefined) throw new Error(`no item ${id}`);
  return found;
};

describe('conditionHolds', () => {
  const condition = { itemId: 'x', anyOf: [2, 3] };

  it('holds for a single answer in the list', () => {
    expect(conditionHolds(condition, 2)).toBe(true);
    expect(conditionHolds(condition, 1)).toBe(false);
  });

  it('holds for a multiple-choice answer with any chosen option in the list', () => {
    expect(conditionHolds(condition, [1, 3])).toBe(true);
    expect(conditionHolds(condition, [0, 1])).toBe(false);
    expect(conditionHolds(condition, [])).toBe(false);
  });

  it("never holds for no answer, don't know or text", () => {
    expect(conditionHolds(condition, undefined)).toBe(false);
    expect(conditionHolds(condition, DONT_KNOW)).toBe(false);
    expect(conditionHolds(condition, '2')).toBe(false);
  });
});

describe('isItemVisible', () => {
  it('shows items without a condition', () => {
    expect(isItemVisible(item('q1'), {})).toBe(true);
  });

  it('shows a follow-up only when the behaviour was not "never"', () => {
    expect(isItemVisible(item('b1_source'), {})).toBe(false);
    expect(isItemVisible(item('b1_source'), { b1: 0 })).toBe(false);
    expect(isItemVisible(item('b1_source'), { b1: 1 })).toBe(true);
    expect(isItemVisible(item('b1_source'), { b1: 4 })).toBe(true);
  });

  it('shows the handling question only when something was reported', () => {
    expect(isItemVisible(item('b1_handling'), { b1: 2, b1_reported: [0] })).toBe(false);
    expect(isItemVisible(item('b1_handling'), { b1: 2, b1_reported: [1, 2] })).toBe(true);
  });
});

describe('visibleItemIds', () => {
  it('hides a whole chain when its first link is hidden, whatever answers were left behind', () => {
    // The respondent first said "once" and "reported to HR", then went back and changed "once" to "never".
    const answers = { b1: 0, b1_reported: [1] };
    const visible = visibleItemIds(definition, answers);
    expect(visible.has('b1_reported')).toBe(false);
    expect(visible.has('b1_handling')).toBe(false);
    expect(isItemVisible(item('b1_handling'), answers)).toBe(true); // the single-item view alone would be fooled
  });

  it('shows the chain when every link holds', () => {
    const visible = visibleItemIds(definition, { b1: 3, b1_reported: [2] });
    expect([...visible]).toEqual(['q1', 'q2', 'q3', 'comment', 'b1', 'b1_source', 'b1_reported', 'b1_handling']);
  });
});

describe('answersOnVisibleItems', () => {
  it('drops answers on items that are no longer shown', () => {
    expect(answersOnVisibleItems(definition, { q1: 4, b1: 0, b1_reported: [1], b1_handling: 1 })).toEqual({ q1: 4, b1: 0 });
  });
});

describe('conditions in the built-in questionnaire', () => {
  it('shows the three follow-ups of an experienced behaviour after "once" and none after "never"', () => {
    const followUps = ['ub_exp_sexual_source', 'ub_exp_sexual_reported', 'ub_exp_sexual_handling'];
    const never = visibleItemIds(socialSafety_1_0_0, { ub_exp_sexual: 0 });
    expect(followUps.filter((id) => never.has(id))).toEqual([]);
    const once = visibleItemIds(socialSafety_1_0_0, { ub_exp_sexual: 1, ub_exp_sexual_reported: [4] });
    expect(followUps.filter((id) => once.has(id))).toEqual(followUps);
  });

  it('asks no handling question when nothing was reported', () => {
    const visible = visibleItemIds(socialSafety_1_0_0, { ub_wit_bullying: 2, ub_wit_bullying_reported: [0] });
    expect(visible.has('ub_wit_bullying_reported')).toBe(true);
    expect(visible.has('ub_wit_bullying_handling')).toBe(false);
  });
});
