import fc from 'fast-check';
import { DONT_KNOW, type Answers, type QuestionnaireDefinition } from '@socialsafety/instrument';
import { describe, expect, it } from 'vitest';
import { recodeAnswers } from './recode-answers';
import { reverseKey } from './reverse-key';
import { scaleScores } from './scale-scores';
import { answersArbitrary } from './test-support/answers-arbitrary';
import { smallDefinition } from './test-support/small-definition';

const definition = smallDefinition();
const scoresOf = (answers: Answers, of: QuestionnaireDefinition = definition) => scaleScores(of, recodeAnswers(of, answers));
const climateOf = (answers: Answers) => {
  const score = scoresOf(answers).climate;
  if (score === undefined) throw new Error('no climate score');
  return score;
};

describe('scaleScores, mean scales (worked by hand)', () => {
  it('gives no score with 3 of 7 items answered (half rounded up is 4)', () => {
    expect(scoresOf({ c1: 4, c2: 2, c4: 5 }).climate).toEqual({ scoring: 'mean', answered: 3, itemCount: 7, raw: null, score0to100: null });
  });

  it('gives the mean of the answered items with 4 of 7 answered', () => {
    // c1 = 4, c2 = 2 reversed -> 4, c5 = 5 reversed -> 1, c7 = 1: (4 + 4 + 1 + 1) / 4 = 2.5; 0-100: (2.5 - 1) / 4 * 100 = 37.5
    expect(scoresOf({ c1: 4, c2: 2, c5: 5, c7: 1 }).climate).toEqual({
      scoring: 'mean',
      answered: 4,
      itemCount: 7,
      raw: 2.5,
      score0to100: 37.5,
    });
  });

  it('counts "don\'t know" as missing', () => {
    // four answers, but c3 is "don't know": 3 of 7 answered -> no score
    expect(climateOf({ c1: 4, c2: 2, c3: DONT_KNOW, c4: 5 }).raw).toBeNull();
    // with a fourth real answer: c1 4, c2 2 -> 4, c4 5, c6 3: (4 + 4 + 5 + 3) / 4 = 4; 0-100: (4 - 1) / 4 * 100 = 75
    expect(scoresOf({ c1: 4, c2: 2, c3: DONT_KNOW, c4: 5, c6: 3 }).climate).toMatchObject({ answered: 4, raw: 4, score0to100: 75 });
  });

  it('transforms to 0-100 as the spec says: 1 -> 0, 3 -> 50, 5 -> 100', () => {
    // Everyone at the same point after reverse keying: reverse-keyed c2 and c5 get the mirrored code.
    const all = (value: number) => ({ c1: value, c2: 6 - value, c3: value, c4: value, c5: 6 - value, c6: value, c7: value });
    expect(scoresOf(all(1)).climate).toMatchObject({ raw: 1, score0to100: 0 });
    expect(scoresOf(all(3)).climate).toMatchObject({ raw: 3, score0to100: 50 });
    expect(scoresOf(all(5)).climate).toMatchObject({ raw: 5, score0to100: 100 });
  });

  it('scores a conditional scale only for those who were shown it', () => {
    // lead2 = 2 reversed -> 4; (4 + 4) / 2 = 4
    expect(scoresOf({ leads: 1, lead1: 4, lead2: 2 }).leading).toMatchObject({ answered: 2, raw: 4, score0to100: 75 });
    // 1 of 2 is half: enough
    expect(scoresOf({ leads: 1, lead1: 2 }).leading).toMatchObject({ answered: 1, raw: 2, score0to100: 25 });
    expect(scoresOf({ leads: 2, lead1: 4, lead2: 2 }).leading).toMatchObject({ answered: 0, raw: null, score0to100: null });
  });
});

describe('scaleScores, prevalence scales (worked by hand)', () => {
  it('is 1 (100) when any item is above "never"', () => {
    expect(scoresOf({ exp_sexual: 3 }).experienced).toEqual({ scoring: 'prevalence', answered: 1, itemCount: 2, raw: 1, score0to100: 100 });
  });

  it('is 0 when at least half of the items are answered "never"', () => {
    expect(scoresOf({ exp_general: 0, exp_sexual: 0 }).experienced).toMatchObject({ raw: 0, score0to100: 0 });
    expect(scoresOf({ exp_general: 0 }).experienced).toMatchObject({ answered: 1, raw: 0, score0to100: 0 }); // 1 of 2 is half
  });

  it('is unknown when nothing is answered', () => {
    expect(scoresOf({ exp_general: DONT_KNOW }).experienced).toMatchObject({ answered: 0, raw: null, score0to100: null });
  });
});

describe('scaleScores, properties', () => {
  it('keeps every score within the response range and its 0-100 score within 0-100', () => {
    fc.assert(
      fc.property(answersArbitrary(definition), (answers) => {
        const climate = climateOf(answers);
        if (climate.raw === null) return;
        expect(climate.raw).toBeGreaterThanOrEqual(1);
        expect(climate.raw).toBeLessThanOrEqual(5);
        expect(climate.score0to100).toBeGreaterThanOrEqual(0);
        expect(climate.score0to100).toBeLessThanOrEqual(100);
      }),
      { seed: 20261204, numRuns: 200 },
    );
  });

  it('gives a score exactly when at least half of the items are answered', () => {
    fc.assert(
      fc.property(answersArbitrary(definition), (answers) => {
        const climate = climateOf(answers);
        expect(climate.raw === null).toBe(climate.answered < 4);
      }),
      { seed: 20261205, numRuns: 200 },
    );
  });

  it('gives no score on any scale when nothing is answered', () => {
    for (const score of Object.values(scoresOf({}))) expect(score).toMatchObject({ answered: 0, raw: null, score0to100: null });
  });

  it('does not change when every reverse key is flipped and every answer mirrored', () => {
    // Mirrored definition: each scaled item's reverse flag flipped (prevalence items stay: they may not be reversed).
    const mirrored: QuestionnaireDefinition = {
      ...definition,
      sections: definition.sections.map((section) => ({
        ...section,
        items: section.items.map((item) => (item.type === 'likert-5' ? { ...item, reverse: !item.reverse } : item)),
      })),
    };
    fc.assert(
      fc.property(answersArbitrary(definition), (answers) => {
        const mirroredAnswers: Record<string, Answers[string]> = { ...answers };
        for (const itemId of ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'lead1', 'lead2']) {
          const value = answers[itemId];
          if (typeof value === 'number') mirroredAnswers[itemId] = reverseKey(value, 1, 5);
        }
        expect(scoresOf(mirroredAnswers, mirrored)).toEqual(scoresOf(answers));
      }),
      { seed: 20261206, numRuns: 200 },
    );
  });
});
