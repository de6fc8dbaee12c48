import type { PublishedResults } from '@socialsafety/scoring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsRepository } from '../src/repositories/results';
import { startTestApp, type TestApp } from './helper';
import { createMeasurement, inject, LONG_SESSIONS, makeLinks, openMeasurement, submit, TestClock } from './measurement-fixtures';
import { countResponses, surveyWorld, VALID, type SurveyWorld } from './survey-fixtures';

/**
 * Closing a measurement while its submissions are being stored. Submission statements share-lock the measurement and
 * closing takes it for update, so each submission is either stored before the close, and counted in the published
 * set, or refused as closed; never stored after the close has reshuffled and counted the responses, never a 5xx.
 * On PostgreSQL the submissions and the close truly run at once (batches of several submissions among them); the
 * embedded database runs one statement at a time, where the test checks the same outcomes. With the share lock left
 * out of the submission statements, every round failed on PostgreSQL here: responses acknowledged with 201 were
 * stored but missing from the published set, or stored after it was counted.
 */
let t: TestApp;
let w: SurveyWorld;
const clock = new TestClock();

beforeAll(async () => {
  t = await startTestApp(undefined, { ...LONG_SESSIONS, SURVEY_LIMIT_PER_MINUTE: '100000' }, { now: clock.now });
  w = await surveyWorld(t.app, clock);
});
afterAll(async () => {
  await t?.close();
});

/** The respondents the published set counts for the whole organisation (its root unit). */
async function publishedTotal(measurementId: string): Promise<number> {
  const set = (await resultsRepository(t.app.db).find(measurementId))!.results as PublishedResults;
  const root = set.units.find((unit) => unit.unitId === set.tree.find((node) => node.parentId === null)?.id);
  const responses = root?.responses;
  if (responses === undefined || !('n' in responses)) throw new Error('the root unit shows no count');
  return responses.n;
}

describe('closing while submissions arrive', () => {
  it.each([1, 2, 3])('stores each submission before the close and counts it, or refuses it as closed (round %i)', async (round) => {
    const id = await createMeasurement(t.app, w.admin, w.organisationId, { title: `Race ${round}`, questionnaire: { key: 'social-safety', version: '1.1.0' } });
    await openMeasurement(t.app, w.admin, id);
    const personal = await makeLinks(t.app, w.admin, id, 'NORTH', 30);
    const [open] = await makeLinks(t.app, w.admin, id, 'SOUTH', 1, 'open');
    // Enough responses beforehand that the whole organisation is shown (k), whatever the race leaves.
    for (const token of personal.slice(0, 6)) expect((await submit(t.app, token, { answers: VALID(w.requiredItem) })).statusCode).toBe(201);

    const sends = [...personal.slice(6), ...Array.from({ length: 16 }, () => open!)];
    // The close goes in at a different point of the stream in each round.
    const early = sends.slice(0, 12 + round * 4).map((token) => submit(t.app, token, { answers: VALID(w.requiredItem) }));
    const closing = inject(t.app, { method: 'POST', url: `/api/v1/measurements/${id}/close`, headers: w.admin.headers });
    const late = sends.slice(12 + round * 4).map((token) => submit(t.app, token, { answers: VALID(w.requiredItem) }));
    const answered = await Promise.all([...early, ...late]);
    expect((await closing).statusCode).toBe(200);

    const statuses = answered.map((res) => res.statusCode);
    expect(statuses.filter((status) => status !== 201 && status !== 410)).toEqual([]);
    for (const res of answered.filter((r) => r.statusCode === 410)) expect(res.json().error.code).toBe('MEASUREMENT_CLOSED');
    const acknowledged = 6 + statuses.filter((status) => status === 201).length;
    expect(await countResponses(t.app, id)).toBe(acknowledged);
    expect(await publishedTotal(id)).toBe(acknowledged);

    // And after the close, nothing more.
    const after = await submit(t.app, open!, { answers: VALID(w.requiredItem) });
    expect(after.statusCode).toBe(410);
    expect(await countResponses(t.app, id)).toBe(acknowledged);
  });
});
