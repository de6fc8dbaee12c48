import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUZZ_TIMEOUT_MS, fuzz, summary } from './fuzz-endpoint';
import { contentType, nastyString, queryString } from './hostile';
import { fuzzWorld, tokenOf, type FuzzWorld } from './survey-world';

let world: FuzzWorld;
beforeAll(async () => {
  world = await fuzzWorld();
});
afterAll(async () => {
  await world?.t.close();
});

describe('fuzzing GET /api/v1/survey/:token', () => {
  it('answers every generated request with a 2xx or a 4xx and writes nothing', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const requests = fc.record({
      method: fc.constant('GET' as const),
      url: fc
        .tuple(tokenOf(world, 4), fc.oneof(queryString, fc.constantFrom('?lang=nl', '?lang=en', '?lang=de', '?lang=', '?lang=nl&lang=en')))
        .map(([token, query]) => `/api/v1/survey/${token}${query}`),
      headers: fc.record({ 'content-type': contentType, 'accept-language': nastyString.map((s) => s.replace(/[^\x20-\x7e]/g, '')) }),
      payload: fc.option(nastyString, { nil: undefined }),
    });
    const statuses = await fuzz(world.t.app, requests, {
      parts: ['responses', 'drafts', 'invitations', 'audit_events', 'sessions'],
      allowedWrites: () => ({}),
    });
    const counts = summary(statuses);
    expect(counts[200] ?? 0, JSON.stringify(counts)).toBeGreaterThan(0);
    expect(counts[404] ?? 0, JSON.stringify(counts)).toBeGreaterThan(0);
  });
});
