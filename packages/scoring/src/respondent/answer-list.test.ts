import fc from 'fast-check';
import { socialSafety_1_0_0, type QuestionnaireDefinition } from '@socialsafety/instrument';
import { describe, expect, it } from 'vitest';
import { answerOrder } from './answer-order';
import { scoreListWithPlan, scoreWithPlan } from './score-with-plan';
import { createScoringPlan } from './scoring-plan';
import { responseArbitrary } from './test-support/answers-arbitrary';
import { smallDefinition } from './test-support/small-definition';
import type { RespondentScores } from './types';

const plain = (scores: RespondentScores) => ({
  items: [...scores.items],
  scales: [...scores.scales],
  scales0to100: [...scores.scales0to100],
  behaviour: [...scores.behaviour],
  demographics: [...scores.demographics],
});

const definitions: [string, QuestionnaireDefinition][] = [
  ['the small questionnaire', smallDefinition()],
  ['the built-in questionnaire', socialSafety_1_0_0],
];

describe.each(definitions)('scoreListWithPlan on %s', (_, definition) => {
  const plan = createScoringPlan(definition);
  const order = answerOrder(definition);

  it('lists the answers in the plan\'s answer order', () => {
    expect(order).toEqual(plan.answerIds);
  });

  it('scores a list exactly as scoreWithPlan scores the answers object it lists (through JSON, nulls for gaps)', () => {
    fc.assert(
      fc.property(responseArbitrary(definition), (response) => {
        const answerList = JSON.parse(JSON.stringify(order.map((id) => response.answers[id] ?? null))) as (number | null)[];
        const listed = scoreListWithPlan(plan, { answerList, demographics: response.demographics });
        expect(plain(listed)).toEqual(plain(scoreWithPlan(plan, response)));
      }),
      { seed: 20261219, numRuns: 400 },
    );
  });

  it('refuses a list made for another version, saying what it expected', () => {
    expect(() => scoreListWithPlan(plan, { answerList: [...order.map(() => null), null] })).toThrow(
      `has ${order.length} items`,
    );
    expect(() => scoreListWithPlan(plan, { answerList: [] })).toThrow('answer list has 0 entries');
  });
});
