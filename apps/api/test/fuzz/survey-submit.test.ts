import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUZZ_TIMEOUT_MS, fuzz, summary } from './fuzz-endpoint';
import { bodyFor, contentType } from './hostile';
import { fuzzWorld, tokenOf, answerSet, type FuzzWorld } from './survey-world';

let world: FuzzWorld;
beforeAll(async () => {
  world = await fuzzWorld();
});
afterAll(async () => {
  await world?.t.close();
});

describe('fuzzing POST /api/v1/survey/:token/responses', () => {
  it('answers every generated request with a 2xx or a 4xx, and stores only what it acknowledged with 201', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const valid = fc.tuple(fc.uuid({ version: 4 }), answerSet(world)).map(([submissionId, set]) => ({ submissionId, ...set }));
    const requests = fc.record({
      method: fc.constant('POST' as const),
      url: tokenOf(world, 2).map((token) => `/api/v1/survey/${token}/responses`),
      headers: contentType.map((type) => ({ 'content-type': type })),
      payload: bodyFor(valid, ['submissionId', 'language', 'answers', 'demographics']),
    });
    const statuses = await fuzz(world.t.app, requests, {
      parts: ['responses', 'drafts', 'invitations', 'audit_events', 'sessions'],
      // A 201 stores one response (and uses up a personal link, deleting its draft); anything else writes nothing.
      allowedWrites: (res) => (res.statusCode === 201 ? { responses: 1, invitations: 'any', drafts: 'any' } : {}),
    });
    const counts = summary(statuses);
    expect(counts[201] ?? 0, JSON.stringify(counts)).toBeGreaterThan(0);
    expect(counts[400] ?? 0, JSON.stringify(counts)).toBeGreaterThan(0);
  });
});
