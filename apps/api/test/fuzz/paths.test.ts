import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helper';
import { FUZZ_TIMEOUT_MS, fuzz, summary } from './fuzz-endpoint';
import { contentType, nastyString, pathSegment, queryString } from './hostile';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const headers = fc.record({ 'content-type': contentType, accept: fc.constantFrom('application/json', 'text/html', '*/*', '') });
const nothingWritten = { parts: ['audit_events', 'sessions', 'users', 'versions'] as const, allowedWrites: () => ({}) };

describe('fuzzing every path signed out', () => {
  it('any method on any path, signed out, answers 2xx or 4xx and writes nothing', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const prefix = fc.constantFrom('/', '/api/v1/', '/api/v1/organisations/', '/api/v1/measurements/', '/api/v1/survey/', '/s/', '/docs/', '/assets/', '/api/', '//');
    const requests = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'),
      url: fc
        .tuple(prefix, fc.array(pathSegment, { maxLength: 4 }), queryString)
        .map(([p, segments, q]) => `${p}${segments.join('/')}${q}`)
        .filter((url) => !url.startsWith('/api/v1/auth/login')),
      headers,
      payload: fc.option(nastyString, { nil: undefined }),
    });
    const counts = summary(await fuzz(t.app, requests, nothingWritten));
    expect(counts[404] ?? 0, JSON.stringify(counts)).toBeGreaterThan(0);
    expect(counts[401] ?? 0, JSON.stringify(counts)).toBeGreaterThan(0);
  });
});
