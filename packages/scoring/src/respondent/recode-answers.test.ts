import fc from 'fast-check';
import { DONT_KNOW, findItem, isScaledItem, itemRange } from '@socialsafety/instrument';
import { describe, expect, it } from 'vitest';
import { recodeAnswers } from './recode-answers';
import { answersArbitrary } from './test-support/answers-arbitrary';
import { smallDefinition } from './test-support/small-definition';

const definition = smallDefinition();

describe('recodeAnswers', () => {
  it('reverse-keys, keeps other answers, and turns "don\'t know" and no answer into null (worked by hand)', () => {
    const recoded = recodeAnswers(definition, {
      c1: 4,
      c2: 2, // reverse-keyed on 1-5: (1 + 5) - 2 = 4
      c3: DONT_KNOW, // counts as missing
      // c4 not answered
      c5: 5, // reverse-keyed: (1 + 5) - 5 = 1
      c7: 1,
      grade: 7, // 0-10, not reversed
      exp_general: 0,
      comment: 'free text is not a scaled item',
    });
    expect(recoded).toEqual({
      c1: 4,
      c2: 4,
      c3: null,
      c4: null,
      c5: 1,
      c6: null,
      c7: 1,
      lead1: null,
      lead2: null,
      lead_why: null,
      grade: 7,
      exp_general: 0,
      exp_sexual: null,
      wit_general: null,
    });
  });

  it('ignores answers on items whose condition is not met', () => {
    // lead1 and lead2 are shown only to team leaders (leads = 1); these answers were left behind after a change to "no".
    const recoded = recodeAnswers(definition, { leads: 2, lead1: 5, lead2: 1 });
    expect(recoded.lead1).toBeNull();
    expect(recoded.lead2).toBeNull();
  });

  it('scores the same answers once the condition is met', () => {
    const recoded = recodeAnswers(definition, { leads: 1, lead1: 5, lead2: 1 });
    expect(recoded.lead1).toBe(5);
    expect(recoded.lead2).toBe(5); // reverse-keyed: (1 + 5) - 1 = 5
  });

  it('refuses a code the item does not have, and a value of the wrong kind', () => {
    expect(() => recodeAnswers(definition, { c1: 6 })).toThrow("cannot score item 'c1': answer 6 is not a code of its response scale");
    expect(() => recodeAnswers(definition, { c1: [3] })).toThrow("cannot score item 'c1'");
    expect(() => recodeAnswers(definition, { c1: 'agree' })).toThrow("cannot score item 'c1'");
  });

  it('follows a chain of conditions: an item behind a hidden item is hidden too', () => {
    // lead_why is shown when lead1 is 1 or 2; lead1 is shown only to team leaders.
    expect(recodeAnswers(definition, { leads: 1, lead1: 1, lead_why: 4 }).lead_why).toBe(4);
    expect(recodeAnswers(definition, { leads: 1, lead1: 5, lead_why: 4 }).lead_why).toBeNull();
    // lead1 = 1 was left behind when the respondent changed leads to "no": lead1 is hidden, so lead_why is too.
    expect(recodeAnswers(definition, { leads: 2, lead1: 1, lead_why: 4 }).lead_why).toBeNull();
  });

  it('does not refuse what it ignores: a bad answer on a hidden item', () => {
    expect(recodeAnswers(definition, { leads: 2, lead1: 99 }).lead1).toBeNull();
  });

  it('gives every scaled item a value within its response range, or null', () => {
    fc.assert(
      fc.property(answersArbitrary(definition), (answers) => {
        const recoded = recodeAnswers(definition, answers);
        for (const [itemId, value] of Object.entries(recoded)) {
          const item = findItem(definition, itemId);
          if (item === undefined || !isScaledItem(item)) throw new Error(`unexpected key ${itemId}`);
          if (value === null) continue;
          const range = itemRange(definition, item);
          expect(value).toBeGreaterThanOrEqual(range?.min ?? Number.NaN);
          expect(value).toBeLessThanOrEqual(range?.max ?? Number.NaN);
        }
      }),
      { seed: 20261203, numRuns: 200 },
    );
  });

  it('gives null for every item when nothing is answered', () => {
    expect(Object.values(recodeAnswers(definition, {})).every((value) => value === null)).toBe(true);
  });
});
