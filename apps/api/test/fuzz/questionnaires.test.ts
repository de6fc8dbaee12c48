import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helper';
import { FUZZ_TIMEOUT_MS, fuzz, summary } from './fuzz-endpoint';
import { contentType, pathSegment, queryString } from './hostile';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const headers = fc.record({ 'content-type': contentType, accept: fc.constantFrom('application/json', 'text/html', '*/*', '') });
const nothingWritten = { parts: ['audit_events', 'sessions', 'users', 'versions'] as const, allowedWrites: () => ({}) };

describe('fuzzing the public questionnaire reads', () => {
  it('GET /api/v1/questionnaires and GET /api/v1/questionnaires/:key/versions/:version answer 2xx or 4xx', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    // The list and a found version (about 100 KB) cost far more than a refusal: most cases are near misses.
    const key = fc.oneof(fc.constantFrom('social-safety', 'Social-Safety', 'social-safety-'), pathSegment);
    const version = fc.oneof(fc.constantFrom('1.0.0', '1.0', '01.0.0', '1.0.0-rc.1', '9.9.9'), pathSegment);
    const requests = fc.record({
      method: fc.constant('GET' as const),
      url: fc.oneof(
        { weight: 1, arbitrary: queryString.map((q) => `/api/v1/questionnaires${q}`) },
        {
          weight: 3,
          arbitrary: fc
          .tuple(key, version, fc.oneof(queryString, fc.constantFrom('?lang=nl', '?lang=en', '?lang=xx', '?lang=')))
            .map(([k, v, q]) => `/api/v1/questionnaires/${k}/versions/${v}${q}`),
        },
      ),
      headers,
    });
    const counts = summary(await fuzz(t.app, requests, nothingWritten));
    expect(counts[200] ?? 0, JSON.stringify(counts)).toBeGreaterThan(0);
    expect(counts[404] ?? 0, JSON.stringify(counts)).toBeGreaterThan(0);
  });
});
