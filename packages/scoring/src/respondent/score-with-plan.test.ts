import fc from 'fast-check';
import { DONT_KNOW, socialSafety_1_0_0, type QuestionnaireDefinition } from '@socialsafety/instrument';
import { describe, expect, it } from 'vitest';
import { behaviourIndicators } from './behaviour-indicators';
import { namedScores } from './named-scores';
import { recodeAnswers } from './recode-answers';
import { scaleScores } from './scale-scores';
import { scoreRespondent } from './score-respondent';
import { scoreWithPlan } from './score-with-plan';
import { createScoringPlan } from './scoring-plan';
import { responseArbitrary } from './test-support/answers-arbitrary';
import { smallDefinition } from './test-support/small-definition';
import type { RespondentScores } from './types';

/** Plain arrays, so that a failing comparison prints readably; NaN stays NaN and Object.is compares it. */
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

describe.each(definitions)('scoreWithPlan on %s', (_, definition) => {
  const plan = createScoringPlan(definition);

  it('gives exactly what the readable reference path gives', () => {
    fc.assert(
      fc.property(responseArbitrary(definition), (response) => {
        expect(plain(scoreWithPlan(plan, response))).toEqual(plain(scoreRespondent(definition, response)));
      }),
      { seed: 20261207, numRuns: 500 },
    );
  });

  it('gives the same result when a record is reused, whatever it held before', () => {
    const reused = scoreWithPlan(plan, { answers: {} });
    fc.assert(
      fc.property(responseArbitrary(definition), responseArbitrary(definition), (first, second) => {
        scoreWithPlan(plan, first, reused);
        const again = scoreWithPlan(plan, second, reused);
        expect(again).toBe(reused);
        expect(plain(again)).toEqual(plain(scoreWithPlan(plan, second)));
      }),
      { seed: 20261208, numRuns: 200 },
    );
  });

  it('packs the reference functions\' results so that namedScores reads them back unchanged', () => {
    fc.assert(
      fc.property(responseArbitrary(definition), (response) => {
        const named = namedScores(plan, scoreWithPlan(plan, response));
        const recoded = recodeAnswers(definition, response.answers);
        expect(named.items).toEqual(recoded);
        const scales = scaleScores(definition, recoded);
        expect(named.scales).toEqual(
          Object.fromEntries(Object.entries(scales).map(([id, score]) => [id, { raw: score.raw, score0to100: score.score0to100 }])),
        );
        expect(named.behaviour).toEqual(behaviourIndicators(definition, response.answers));
      }),
      { seed: 20261209, numRuns: 300 },
    );
  });

  it('gives no score, no item value and no indicator for an empty response', () => {
    const scores = scoreWithPlan(plan, { answers: {} });
    expect(scores.items.every(Number.isNaN)).toBe(true);
    expect(scores.scales.every(Number.isNaN)).toBe(true);
    expect(scores.scales0to100.every(Number.isNaN)).toBe(true);
    expect(scores.behaviour.every((slot) => slot === -1)).toBe(true);
    expect(scores.demographics.every(Number.isNaN)).toBe(true);
  });
});

describe('scoreWithPlan, refusals', () => {
  const definition = smallDefinition();
  const plan = createScoringPlan(definition);

  it('refuses the same invalid answers as the reference path, with the same message', () => {
    const invalid = [
      { c1: 6 },
      { c1: 2.5 },
      { c1: [3] },
      { c1: 'agree' },
      { exp_general: 1, exp_general_source: [3] },
      { exp_general: 1, exp_general_source: 1 },
      { exp_general: 1, exp_general_reported: [1], exp_general_handling: [1] },
    ];
    for (const answers of invalid) {
      let message = '';
      try {
        scoreRespondent(definition, { answers });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/^cannot score item/);
      expect(() => scoreWithPlan(plan, { answers })).toThrow(message);
    }
  });

  it('refuses a demographic code the question does not have', () => {
    expect(() => scoreWithPlan(plan, { answers: {}, demographics: { age_band: 4 } })).toThrow(
      "cannot score demographic 'age_band': 4 is not one of its option codes",
    );
  });

  it('carries demographic codes through, "prefer not to say" included', () => {
    expect([...scoreWithPlan(plan, { answers: {}, demographics: { age_band: 9 } }).demographics]).toEqual([9]);
    expect([...scoreWithPlan(plan, { answers: {}, demographics: { age_band: 2 } }).demographics]).toEqual([2]);
  });

  it('ignores "don\'t know" on an item that does not offer it, as missing', () => {
    expect(Number.isNaN(scoreWithPlan(plan, { answers: { c1: DONT_KNOW } }).items[0])).toBe(true);
  });

  it('refuses to reuse a record made for another plan', () => {
    const other = scoreWithPlan(createScoringPlan(socialSafety_1_0_0), { answers: {} });
    expect(() => scoreWithPlan(plan, { answers: {} }, other)).toThrow('scoreWithPlan: the record to reuse was made for another plan');
  });
});
