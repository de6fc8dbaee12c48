import { socialSafety_1_0_0 } from '@socialsafety/instrument';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerOrder } from '../respondent';
import { computeMeasurementResults } from './compute';
import { computeMeasurementResultsFrom } from './compute-streamed';
import { seeded, syntheticResponses, syntheticTree } from './testing/synthetic';
import type { ListedMeasurementResponse, MeasurementResponse } from './types';

const order = answerOrder(socialSafety_1_0_0);

/** As the API reads them: one entry per item in answer order, null where the object has no key, through JSON. */
function listed(response: MeasurementResponse): ListedMeasurementResponse {
  const answerList = JSON.parse(JSON.stringify(order.map((id) => response.answers[id] ?? null))) as ListedMeasurementResponse['answerList'];
  return { unitId: response.unitId, answerList, demographics: response.demographics };
}

/** Pages of the given sizes (the last one takes the rest), each handed out after a real turn of the event loop. */
async function* pagesOf<T>(items: readonly T[], sizes: readonly number[]): AsyncGenerator<readonly T[]> {
  let at = 0;
  for (let p = 0; at < items.length || p === 0; p++) {
    const size = p < sizes.length ? (sizes[p] as number) : items.length - at;
    await new Promise((resolve) => setImmediate(resolve));
    yield items.slice(at, at + size);
    at += size;
  }
}

const input = (units: ReturnType<typeof syntheticTree>, k: number) => ({
  definition: socialSafety_1_0_0,
  units,
  k,
  kSensitive: k + 3,
  demographicIds: ['age_band', 'gender', 'tenure_band'],
});

describe('computeMeasurementResultsFrom (responses streamed in pages)', () => {
  it('publishes exactly the result set of the synchronous path, for any split into pages and either answer form', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 5, max: 7 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 8 }),
        fc.constantFrom('objects', 'lists', 'mixed'),
        async (fanOut, count, k, seed, skipRate, sizes, form) => {
          const units = syntheticTree(fanOut);
          const responses = syntheticResponses(socialSafety_1_0_0, units, count, seeded(seed), { skipRate, behaviourRate: 0.3 });
          const expected = computeMeasurementResults({ ...input(units, k), responses });
          const streamed = responses.map((r, i) => (form === 'lists' || (form === 'mixed' && i % 3 !== 0) ? listed(r) : r));
          const got = await computeMeasurementResultsFrom({ ...input(units, k), pages: pagesOf(streamed, sizes) });
          expect(got).toStrictEqual(expected);
          // Same bytes as stored: key order and every number included.
          expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
        },
      ),
      { seed: 20261201, numRuns: 30 },
    );
  }, 180_000);

  it('reads every response of a page before it asks for the next page, and holds no page back', async () => {
    const units = syntheticTree([3, 2]);
    const responses = syntheticResponses(socialSafety_1_0_0, units, 40, seeded(7));
    const events: string[] = [];
    async function* pages() {
      for (let p = 0; p < 4; p++) {
        events.push(`page ${p}`);
        await Promise.resolve();
        yield (function* () {
          for (let i = p * 10; i < (p + 1) * 10; i++) {
            events.push(`read ${p}`);
            yield responses[i] as MeasurementResponse;
          }
        })();
      }
    }
    await computeMeasurementResultsFrom({ ...input(units, 5), pages: pages() });
    const expected = [0, 1, 2, 3].flatMap((p) => [`page ${p}`, ...Array<string>(10).fill(`read ${p}`)]);
    expect(events).toEqual(expected);
  });

  it('rejects, as the synchronous path throws, a response of a unit outside the tree', async () => {
    const units = syntheticTree([2]);
    const stray: MeasurementResponse = { unitId: 'elsewhere', answers: {}, demographics: {} };
    await expect(computeMeasurementResultsFrom({ ...input(units, 5), pages: pagesOf([stray], []) })).rejects.toThrow(/unknown unit 'elsewhere'/);
  });
});
