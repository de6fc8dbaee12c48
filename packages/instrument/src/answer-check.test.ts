import { describe, expect, it } from 'vitest';
import { checkAnswers, checkDemographicAnswers } from './answer-check';
import { DONT_KNOW } from './answers';
import { questionnaireSchema } from './schema';
import { minimalDefinition, setAt } from './test-support/definition-fixture';

const definition = questionnaireSchema.parse(minimalDefinition());

describe('checkAnswers', () => {
  it('accepts a complete, consistent response', () => {
    expect(
      checkAnswers(definition, { q1: 5, q2: 1, q3: DONT_KNOW, comment: 'fine', b1: 2, b1_source: [1, 2], b1_reported: [2], b1_handling: 2 }),
    ).toEqual([]);
  });

  it('accepts an empty response (every item is optional here)', () => {
    expect(checkAnswers(definition, {})).toEqual([]);
  });

  it.each([
    ['an unknown item', { q9: 1 }, { itemId: 'q9', message: "unknown item 'q9'" }],
    ['a code outside the response scale', { q1: 0 }, { itemId: 'q1', message: '0 is not an answer of this item' }],
    ['a list for a single answer', { q1: [1] }, { itemId: 'q1', message: 'expected one answer code' }],
    ["don't know where it is not offered", { q1: DONT_KNOW }, { itemId: 'q1', message: `"don't know" is not offered for this item` }],
    ['text that is too long', { comment: 'x'.repeat(1001) }, { itemId: 'comment', message: 'text is longer than 1000 characters' }],
    ['a number for free text', { comment: 3 }, { itemId: 'comment', message: 'expected a text' }],
    ['a single code for multiple choice', { b1: 1, b1_source: 1 }, { itemId: 'b1_source', message: 'expected a list of chosen options' }],
    ['an unknown option', { b1: 1, b1_source: [3] }, { itemId: 'b1_source', message: '3 is not an option of this item' }],
    ['the same option twice', { b1: 1, b1_source: [1, 1] }, { itemId: 'b1_source', message: 'an option is chosen more than once' }],
    ['an empty choice', { b1: 1, b1_source: [] }, { itemId: 'b1_source', message: 'no option chosen (leave the item out instead)' }],
    [
      'an exclusive option combined with another',
      { b1: 1, b1_reported: [0, 1] },
      { itemId: 'b1_reported', message: 'option 0 cannot be combined with other options' },
    ],
    [
      'an answer on a hidden follow-up',
      { b1: 0, b1_source: [1] },
      { itemId: 'b1_source', message: 'answer given to an item that is not shown (its condition is not met)' },
    ],
  ])('reports %s', (_what, answers, issue) => {
    expect(checkAnswers(definition, answers)).toEqual([issue]);
  });

  it('requires required items only when they are shown', () => {
    const strict = questionnaireSchema.parse(setAt(minimalDefinition(), 'sections[1].items[1].required', true));
    expect(checkAnswers(strict, { b1: 0 })).toEqual([]);
    expect(checkAnswers(strict, { b1: 1 })).toEqual([{ itemId: 'b1_source', message: 'required item not answered' }]);
  });
});

describe('checkDemographicAnswers', () => {
  it('accepts options of the questions asked, including "prefer not to say"', () => {
    expect(checkDemographicAnswers(definition, { age_band: 9 }, ['age_band'])).toEqual([]);
  });

  it('rejects questions not asked in the measurement and unknown codes', () => {
    expect(checkDemographicAnswers(definition, { age_band: 1 }, [])).toEqual([
      { itemId: 'age_band', message: "demographic 'age_band' is not asked in this measurement" },
    ]);
    expect(checkDemographicAnswers(definition, { age_band: 5 }, ['age_band'])).toEqual([
      { itemId: 'age_band', message: '5 is not an option of this question' },
    ]);
  });
});
