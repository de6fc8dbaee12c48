import { hashSecret } from '@socialsafety/auth';
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

describe('fuzzing PUT /api/v1/survey/:token/draft', () => {
  it('answers every generated request with a 2xx or a 4xx, and keeps exactly the last accepted draft', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const lastAccepted = new Map<string, unknown>();
    const requests = fc.record({
      method: fc.constant('PUT' as const),
      url: tokenOf(world, 2).map((token) => `/api/v1/survey/${token}/draft`),
      headers: contentType.map((type) => ({ 'content-type': type })),
      payload: bodyFor(answerSet(world), ['language', 'answers', 'demographics']),
    });
    const statuses = await fuzz(world.t.app, requests, {
      parts: ['responses', 'drafts', 'invitations', 'audit_events', 'sessions'],
      allowedWrites: (res) => (res.statusCode === 200 ? { drafts: 'any' } : {}),
      check: (res, request) => {
        if (res.statusCode !== 200) return;
        const token = request.url.split('/')[4]!;
        const { language, answers, demographics = {} } = JSON.parse(String(request.payload)) as Record<string, unknown>;
        lastAccepted.set(token, { language, answers, demographics });
      },
    });
    const counts = summary(statuses);
    expect(counts[200] ?? 0, JSON.stringify(counts)).toBeGreaterThan(0);
    expect(counts[400] ?? 0, JSON.stringify(counts)).toBeGreaterThan(0);
    // A rejected save never overwrote an accepted one: each link's draft is the last one answered 200.
    for (const [token, draft] of lastAccepted) {
      const stored = await world.t.app.db
        .selectFrom('drafts')
        .select(['language', 'answers', 'demographics'])
        .where('token_hash', '=', hashSecret(token))
        .executeTakeFirstOrThrow();
      expect(stored).toEqual(draft);
    }
    expect(await world.t.app.db.selectFrom('drafts').select('token_hash').execute()).toHaveLength(lastAccepted.size);
  });
});
