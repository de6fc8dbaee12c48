import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenLinkCache } from '../src/services/open-link-cache';
import { startTestApp, type TestApp } from './helper';
import { createMeasurement, inject, LONG_SESSIONS, makeLinks, openMeasurement, submit, TestClock } from './measurement-fixtures';
import { countResponses, surveyWorld, VALID, type SurveyWorld } from './survey-fixtures';

/**
 * Submissions through an open link reuse what they read about the link for a few seconds. Every refusal must still
 * be what it is without that: a link withdrawn, a measurement closed or answers that do not fit right after a
 * stored submission are refused as always, and nothing is stored for them.
 */
let t: TestApp;
let w: SurveyWorld;
const clock = new TestClock();

beforeAll(async () => {
  t = await startTestApp(undefined, LONG_SESSIONS, { now: clock.now });
  w = await surveyWorld(t.app, clock);
});
afterAll(async () => {
  await t?.close();
});

const stored = (measurementId: string) => countResponses(t.app, measurementId);

/** A measurement open today with an open link to `unitCode`, and one response sent through it. */
async function usedOpenLink(unitCode: string) {
  const id = await createMeasurement(t.app, w.admin, w.organisationId, { questionnaire: { key: 'social-safety', version: '1.1.0' }, demographics: ['age_band'] });
  await openMeasurement(t.app, w.admin, id);
  const [token] = await makeLinks(t.app, w.admin, id, unitCode, 1, 'open');
  const first = await submit(t.app, token!, { answers: VALID(w.requiredItem) });
  expect(first.statusCode, first.body).toBe(201);
  return { id, token: token! };
}

describe('an open link right after a stored submission', () => {
  it('stores more submissions and answers a retry with the same receipt', async () => {
    const { id, token } = await usedOpenLink('NORTH');
    const submissionId = crypto.randomUUID();
    const second = await submit(t.app, token, { submissionId, answers: VALID(w.requiredItem) });
    expect(second.statusCode, second.body).toBe(201);
    const retry = await submit(t.app, token, { submissionId, answers: VALID(w.requiredItem) });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().receipt).toBe(second.json().receipt);
    expect(await stored(id)).toBe(2);
  });

  it('is refused once withdrawn', async () => {
    const { id, token } = await usedOpenLink('SOUTH');
    await inject(t.app, { method: 'POST', url: `/api/v1/measurements/${id}/invitations/revoke`, headers: w.admin.headers, payload: { unitCode: 'SOUTH' } }, 200);
    const res = await submit(t.app, token, { answers: VALID(w.requiredItem) });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('INVITATION_NOT_FOUND');
    expect(await stored(id)).toBe(1);
  });

  it('is refused once its measurement closed', async () => {
    const { id, token } = await usedOpenLink('OPS');
    await inject(t.app, { method: 'POST', url: `/api/v1/measurements/${id}/close`, headers: w.admin.headers }, 200);
    const res = await submit(t.app, token, { answers: VALID(w.requiredItem) });
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('MEASUREMENT_CLOSED');
    expect(await stored(id)).toBe(1);
  });

  it('refuses answers that do not fit, then a withdrawn link, as without the cache', async () => {
    const { id, token } = await usedOpenLink('NORTH');
    const invalid = await submit(t.app, token, { answers: { [w.requiredItem]: 9 } });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error.code).toBe('ANSWERS_INVALID');
    await submit(t.app, token, { answers: VALID(w.requiredItem) });
    await inject(t.app, { method: 'POST', url: `/api/v1/measurements/${id}/invitations/revoke`, headers: w.admin.headers, payload: { unitCode: 'NORTH' } }, 200);
    // Withdrawn outranks invalid answers, as it does for a link read afresh.
    const both = await submit(t.app, token, { answers: { [w.requiredItem]: 9 } });
    expect(both.statusCode).toBe(404);
    expect(await stored(id)).toBe(2);
  });
});

describe('OpenLinkCache', () => {
  it('forgets an entry after its time and the oldest entry beyond its capacity', () => {
    const cache = new OpenLinkCache<number>(1_000, 2);
    cache.set('a', 1, 0);
    expect(cache.get('a', 999)).toBe(1);
    expect(cache.get('a', 1_000)).toBeUndefined();
    cache.set('a', 1, 0);
    cache.set('b', 2, 0);
    cache.set('c', 3, 0);
    expect([cache.get('a', 1), cache.get('b', 1), cache.get('c', 1)]).toEqual([undefined, 2, 3]);
    expect(cache.size).toBe(2);
    cache.delete('b');
    expect(cache.get('b', 1)).toBeUndefined();
  });
});
