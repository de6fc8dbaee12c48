import fc from 'fast-check';
import { socialSafety_1_0_0, type Answers } from '@socialsafety/instrument';
import { describe, expect, it } from 'vitest';
import { scoreRespondent } from './score-respondent';
import { scoreWithPlan } from './score-with-plan';
import { createScoringPlan } from './scoring-plan';
import { responseArbitrary } from './test-support/answers-arbitrary';
import type { RespondentScores } from './types';

const plain = (scores: RespondentScores) => ({
  items: [...scores.items],
  scales: [...scores.scales],
  scales0to100: [...scores.scales0to100],
  behaviour: [...scores.behaviour],
  demographics: [...scores.demographics],
});

/** PostgreSQL jsonb keeps object keys sorted by length, then bytewise; answers read back come in that order. */
function jsonbOrder(answers: Answers): Answers {
  const keys = Object.keys(answers).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return JSON.parse(JSON.stringify(Object.fromEntries(keys.map((key) => [key, answers[key]])))) as Answers;
}

function reversed(answers: Answers): Answers {
  return Object.fromEntries(Object.entries(answers).reverse());
}

describe('scoreWithPlan and the order of answer keys', () => {
  // One plan for every case: it learns the key order of the answers it reads, so a stream mixing orders (and keys
  // it does not know) must still score every respondent exactly as the reference path does.
  const plan = createScoringPlan(socialSafety_1_0_0);
  const order = fc.constantFrom('as given', 'jsonb', 'reversed', 'with unknown keys');

  it('scores the same whatever order the keys come in, across a stream of mixed orders', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(responseArbitrary(socialSafety_1_0_0), order), { minLength: 1, maxLength: 6 }), (stream) => {
        for (const [response, how] of stream) {
          const answers =
            how === 'jsonb'
              ? jsonbOrder(response.answers)
              : how === 'reversed'
                ? reversed(response.answers)
                : how === 'with unknown keys'
                  ? { zz_not_an_item: 3, ...response.answers, aa_not_an_item: 1 }
                  : response.answers;
          const expected = plain(scoreRespondent(socialSafety_1_0_0, response));
          expect(plain(scoreWithPlan(plan, { ...response, answers }))).toEqual(expected);
        }
      }),
      { seed: 20261214, numRuns: 150 },
    );
  });
});
