import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../helper';
import { FUZZ_TIMEOUT_MS, fuzz, summary } from './fuzz-endpoint';
import { bodyFor, contentType, nastyString } from './hostile';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('fuzzing POST /api/v1/auth/login', () => {
  it('answers every generated request with a 2xx or a 4xx; only a sign-in attempt is recorded', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const valid = fc.record({
      email: fc.oneof(fc.constantFrom(ADMIN.email, ADMIN.email.toUpperCase(), ` ${ADMIN.email} `, 'nobody@example.test'), nastyString, fc.emailAddress()),
      password: fc.oneof(fc.constant(ADMIN.password), nastyString, fc.string({ maxLength: 1100 })),
    });
    const requests = fc.record({
      method: fc.constant('POST' as const),
      url: fc.constantFrom('/api/v1/auth/login', '/api/v1/auth/login?next=%2F', '/api/v1/auth/login/'),
      headers: contentType.map((type) => ({ 'content-type': type })),
      payload: bodyFor(valid, ['email', 'password']),
    });
    // One account's failures past the limit come first, so the 429 path is checked whatever the generator draws;
    // random draws alone reach it only when enough of them fail for one account or address.
    const lockedOut = Array.from({ length: t.config.loginLimit.perAccount + 1 }, () => ({
      method: 'POST' as const,
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'locked-out@example.test', password: 'not the password' }),
    }));
    const statuses = await fuzz(t.app, requests, {
      examples: lockedOut,
      parts: ['sessions', 'audit_events', 'users', 'tokens'],
      // Signing in opens a session and records it; a failed attempt is recorded (without the password); a refusal
      // before checking (400, 415, 429) writes nothing.
      allowedWrites: (res) => (res.statusCode === 200 ? { sessions: 1, audit_events: 1 } : res.statusCode === 401 ? { audit_events: 1 } : {}),
      check: (res, request) => {
        // Whatever was sent, no answer repeats a password back.
        const sent = JSON.stringify(request.payload ?? '');
        if (res.statusCode >= 400 && sent.includes(ADMIN.password)) expect(res.body).not.toContain(ADMIN.password);
      },
    });
    const counts = summary(statuses);
    expect(counts[400] ?? 0, JSON.stringify(counts)).toBeGreaterThan(0);
    expect(counts[401] ?? 0, JSON.stringify(counts)).toBeGreaterThan(0);
    expect(counts[429] ?? 0, JSON.stringify(counts)).toBeGreaterThan(0);
  });
});
