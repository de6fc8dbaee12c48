import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helper';
import { FUZZ_TIMEOUT_MS, fuzz, summary } from './fuzz-endpoint';
import { contentType, nastyString, queryString } from './hostile';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const headers = fc.record({ 'content-type': contentType, accept: fc.constantFrom('application/json', 'text/html', '*/*', '') });
const nothingWritten = { parts: ['audit_events', 'sessions', 'users', 'versions'] as const, allowedWrites: () => ({}) };

describe('fuzzing GET /health', () => {
  it('GET /health answers 200 whatever the query and headers', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const requests = fc.record({
      method: fc.constant('GET' as const),
      url: queryString.map((q) => `/health${q}`),
      headers,
      payload: fc.option(nastyString, { nil: undefined }),
    });
    const statuses = await fuzz(t.app, requests, { ...nothingWritten, check: (res) => expect(res.statusCode).toBe(200) });
    expect(summary(statuses)).toEqual({ 200: expect.any(Number) });
  });
});
