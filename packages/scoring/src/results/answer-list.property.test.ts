import { socialSafety_1_0_0 } from '@socialsafety/instrument';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerOrder } from '../respondent';
import { computeMeasurementResults } from './compute';
import { seeded, syntheticResponses, syntheticTree } from './testing/synthetic';
import type { ListedMeasurementResponse, MeasurementResponse } from './types';

const order = answerOrder(socialSafety_1_0_0);

/** As PostgreSQL would list them: one entry per item in answer order, null where the object has no key. */
function listed(response: MeasurementResponse): ListedMeasurementResponse {
  const answerList = JSON.parse(JSON.stringify(order.map((id) => response.answers[id] ?? null))) as ListedMeasurementResponse['answerList'];
  return { unitId: response.unitId, answerList, demographics: response.demographics };
}

describe('computeMeasurementResults with answers as lists', () => {
  it('publishes exactly the result set of the same responses with answer objects, also when the forms are mixed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        (fanOut, count, seed, skipRate) => {
          const units = syntheticTree(fanOut);
          const responses = syntheticResponses(socialSafety_1_0_0, units, count, seeded(seed), { skipRate, behaviourRate: 0.3 });
          const input = { definition: socialSafety_1_0_0, units, k: 5, kSensitive: 10, demographicIds: ['age_band', 'gender'] };
          const expected = computeMeasurementResults({ ...input, responses });
          expect(computeMeasurementResults({ ...input, responses: responses.map(listed) })).toEqual(expected);
          const mixed = responses.map((response, i) => (i % 2 === 0 ? listed(response) : response));
          expect(computeMeasurementResults({ ...input, responses: mixed })).toEqual(expected);
        },
      ),
      { seed: 20261220, numRuns: 20 },
    );
  }, 120_000);
});
