import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, stubFetch, type Answer } from '../testing/fetch-stub';
import type { Me } from './accounts';
import { ApiError } from './api';
import { afterSignIn, Session, signInPath } from './session.svelte';

const ORG = '7a1c2b7e-0000-4000-8000-000000000001';

function me(csrfToken: string, overrides: Partial<Me['user']> = {}): Me {
  return {
    user: { id: 'u1', email: 'ann@example.org', isPlatformAdmin: false, createdAt: '2026-01-01T00:00:00Z', disabledAt: null, ...overrides },
    grants: [
      {
        id: 'g1',
        organisationId: ORG,
        organisationName: 'Acme',
        userId: 'u1',
        email: 'ann@example.org',
        role: 'org_admin',
        unit: null,
        grantedBy: null,
        createdAt: '2026-01-01T00:00:00Z',
      },
    ],
    authenticatedVia: 'session',
    csrfToken,
    sessionExpiresAt: '2026-01-01T12:00:00Z',
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Session', () => {
  it('is signed in after GET /me answers, with the roles and the CSRF token', async () => {
    stubFetch(() => ({ status: 200, body: me('csrf-1') }));
    const session = new Session();
    expect(session.status).toBe('loading');
    await session.load();
    expect(session.status).toBe('signedIn');
    expect(session.user?.email).toBe('ann@example.org');
    expect(session.csrfToken).toBe('csrf-1');
    expect(session.rolesIn(ORG)).toEqual(['org_admin']);
    expect(session.canManage(ORG)).toBe(true);
    expect(session.canManage('another')).toBe(false);
  });

  it('is signed out when GET /me answers 401, without saying the session ended', async () => {
    stubFetch(() => apiError(401, 'UNAUTHENTICATED'));
    const session = new Session();
    await session.load();
    expect(session.status).toBe('signedOut');
    expect(session.ended).toBe(false);
  });

  it('signs in with JSON (no CSRF token yet) and then loads the account', async () => {
    const calls = stubFetch((method, path) =>
      method === 'POST' && path === '/api/v1/auth/login'
        ? { status: 200, body: { user: { id: 'u1', email: 'ann@example.org' }, csrfToken: 'csrf-1', expiresAt: '' } }
        : { status: 200, body: me('csrf-1') },
    );
    const session = new Session();
    await session.login('ann@example.org', 'a long password');
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/v1/auth/login', 'GET /api/v1/me']);
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({ email: 'ann@example.org', password: 'a long password' });
    expect(calls[0]?.headers['content-type']).toBe('application/json');
    expect(calls[0]?.headers['x-csrf-token']).toBeUndefined();
    expect(session.status).toBe('signedIn');
  });

  it('passes a refused sign-in on as an ApiError with the wait of a 429', async () => {
    stubFetch(() => ({ ...apiError(429, 'RATE_LIMITED', 'Too many'), headers: { 'retry-after': '840' } }));
    const session = new Session();
    const error = await session.login('ann@example.org', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).retryAfterSeconds).toBe(840);
    expect(session.status).toBe('loading');
  });

  it('sends the CSRF token with writes, as JSON or as raw CSV', async () => {
    const calls = stubFetch((method) => (method === 'GET' ? { status: 200, body: me('csrf-1') } : { status: 200, body: {} }));
    const session = new Session();
    await session.load();
    await session.send('POST', '/api/v1/organisations', { json: { name: 'Acme' } });
    await session.send('PUT', `/api/v1/organisations/${ORG}/units`, { text: 'code;name;parent_code\nA;A;', type: 'text/csv' });
    await session.get('/api/v1/organisations');
    const [, post, put, get] = calls;
    expect(post?.headers).toMatchObject({ 'x-csrf-token': 'csrf-1', 'content-type': 'application/json' });
    expect(post?.body).toBe('{"name":"Acme"}');
    expect(put?.headers).toMatchObject({ 'x-csrf-token': 'csrf-1', 'content-type': 'text/csv' });
    expect(put?.body).toBe('code;name;parent_code\nA;A;');
    expect(get?.headers['x-csrf-token']).toBeUndefined();
  });

  it('becomes signed out, marked as ended, when a request answers 401', async () => {
    let signedIn = true;
    stubFetch(() => (signedIn ? { status: 200, body: me('csrf-1') } : apiError(401, 'UNAUTHENTICATED')));
    const session = new Session();
    await session.load();
    signedIn = false;
    await expect(session.get('/api/v1/organisations')).rejects.toMatchObject({ status: 401 });
    expect(session.status).toBe('signedOut');
    expect(session.ended).toBe(true);
    expect(session.user).toBeNull();
  });

  it('takes the new token once when the CSRF token no longer fits (signed in again in another tab)', async () => {
    let token = 'old';
    const calls = stubFetch((method, _path) => {
      if (method === 'GET') return { status: 200, body: me(token) };
      const sent = calls.at(-1)?.headers['x-csrf-token'];
      return sent === 'new' ? { status: 201, body: { id: 'o1' } } : apiError(403, 'CSRF_TOKEN_INVALID');
    });
    const session = new Session();
    await session.load();
    token = 'new';
    await expect(session.send('POST', '/api/v1/organisations', { json: { name: 'Acme' } })).resolves.toEqual({ id: 'o1' });
    expect(calls.map((c) => `${c.method} ${c.headers['x-csrf-token'] ?? ''}`)).toEqual(['GET ', 'POST old', 'GET ', 'POST new']);
  });

  it('signs out on the server, and counts an already ended session as signed out too', async () => {
    const answers: Answer[] = [{ status: 200, body: me('csrf-1') }, { status: 204 }, { status: 200, body: me('csrf-2') }, apiError(401, 'UNAUTHENTICATED')];
    const calls = stubFetch(() => answers.shift() ?? { status: 500 });
    const session = new Session();
    await session.load();
    await session.logout();
    expect(calls[1]).toMatchObject({ method: 'POST', path: '/api/v1/auth/logout', headers: { 'x-csrf-token': 'csrf-1' } });
    expect(session.status).toBe('signedOut');
    await session.load();
    await session.logout();
    expect(session.status).toBe('signedOut');
    expect(session.ended).toBe(false);
  });

  it('keeps the session when signing out fails for another reason', async () => {
    const answers: Answer[] = [{ status: 200, body: me('csrf-1') }, apiError(503, 'UNAVAILABLE')];
    stubFetch(() => answers.shift() ?? { status: 500 });
    const session = new Session();
    await session.load();
    await expect(session.logout()).rejects.toMatchObject({ status: 503 });
    expect(session.status).toBe('signedIn');
  });
});

describe('sign-in redirects', () => {
  it('remembers where the person was going', () => {
    expect(signInPath('/organisations/x/grants')).toBe('/login?next=%2Forganisations%2Fx%2Fgrants');
    expect(signInPath('/')).toBe('/login');
    expect(signInPath('/login?next=%2Fa')).toBe('/login');
  });

  it('only goes back to paths of this site', () => {
    expect(afterSignIn('/organisations/x?y=1')).toBe('/organisations/x?y=1');
    expect(afterSignIn(null)).toBe('/organisations');
    expect(afterSignIn('https://evil.example')).toBe('/organisations');
    expect(afterSignIn('//evil.example')).toBe('/organisations');
    expect(afterSignIn('/\\evil.example')).toBe('/organisations');
    expect(afterSignIn('/login')).toBe('/organisations');
  });
});
