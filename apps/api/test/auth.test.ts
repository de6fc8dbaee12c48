import { accountStore } from '@socialsafety/auth';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from './helper';
import { createUser, PASSWORD, signIn, type Session } from './sessions';

let t: TestApp;
let admin: Session;
let clock = Date.now();
const login = (email: string, password: string, remoteAddress = '127.0.0.1', headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress, headers });
const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers });

async function auditActions(): Promise<{ action: string; actorEmail: string | null; details: Record<string, unknown> }[]> {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit?limit=500', headers: admin.headers });
  expect(res.statusCode).toBe(200);
  return res.json().events;
}

beforeAll(async () => {
  t = await startTestApp(
    undefined,
    { TRUST_PROXY: 'true', SESSION_TTL_HOURS: '1', LOGIN_LIMIT_PER_ACCOUNT: '3', LOGIN_LIMIT_PER_IP: '5', LOGIN_LIMIT_WINDOW_MINUTES: '15' },
    { now: () => new Date(clock) },
  );
  admin = await signIn(t.app, ADMIN.email, ADMIN.password);
});
afterAll(async () => {
  await t?.close();
});

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie, Secure when the request came over TLS', async () => {
    await createUser(t.app, admin, 'cookie@example.test');
    const plain = await login('cookie@example.test', PASSWORD);
    expect(plain.statusCode).toBe(200);
    const cookie = plain.cookies.find((c) => c.name === 'socialsafety_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.secure).toBeFalsy();
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(plain.json().expiresAt).getTime()).toBe(clock + 3_600_000);
    const tls = await login('cookie@example.test', PASSWORD, '127.0.0.1', { 'x-forwarded-proto': 'https' });
    expect(tls.cookies.find((c) => c.name === 'socialsafety_session')?.secure).toBe(true);
  });

  it('answers an unknown email and a wrong password alike', async () => {
    await createUser(t.app, admin, 'known@example.test');
    const unknown = await login('nobody@example.test', PASSWORD, '10.0.0.1');
    const wrong = await login('known@example.test', 'not the password', '10.0.0.1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().error).toEqual({ code: 'INVALID_CREDENTIALS', message: 'The email address or password is not correct.' });
    expect(wrong.cookies).toEqual([]);
  });

  it('ignores the letter case of the email', async () => {
    await createUser(t.app, admin, 'MiXeD@Example.test');
    expect((await login('mixed@EXAMPLE.test', PASSWORD)).statusCode).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email: 'mixed@example.TEST', password: PASSWORD },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('EMAIL_TAKEN');
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    await createUser(t.app, admin, 'leaver@example.test');
    const session = await signIn(t.app, 'leaver@example.test');
    expect((await me(session.headers)).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'socialsafety_session')?.value).toBe('');
    expect((await me(session.headers)).statusCode).toBe(401);
  });
});

describe('rate limiting', () => {
  it('refuses an account after 3 failures, from any address, even with the right password, until the window passes', async () => {
    await createUser(t.app, admin, 'target@example.test');
    for (const ip of ['10.1.0.1', '10.1.0.2', '10.1.0.3']) expect((await login('target@example.test', 'guess', ip)).statusCode).toBe(401);
    const blocked = await login('target@example.test', PASSWORD, '10.1.0.4');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    clock += 15 * 60_000 + 1_000;
    expect((await login('target@example.test', PASSWORD, '10.1.0.4')).statusCode).toBe(200);
  });

  it('refuses an address after 5 failures across accounts, while other addresses go on', async () => {
    for (let i = 0; i < 5; i += 1) expect((await login(`spray${i}@example.test`, 'guess', '10.2.0.1')).statusCode).toBe(401);
    expect((await login('spray9@example.test', 'guess', '10.2.0.1')).statusCode).toBe(429);
    expect((await login(ADMIN.email, ADMIN.password, '10.2.0.1')).statusCode).toBe(429);
    expect((await login(ADMIN.email, ADMIN.password, '10.2.0.2')).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('end SESSION_TTL_HOURS after sign-in (absolute), with a 401 that clears the cookie', async () => {
    await createUser(t.app, admin, 'expiring@example.test');
    const session = await signIn(t.app, 'expiring@example.test');
    clock += 59 * 60_000;
    expect((await me(session.headers)).statusCode).toBe(200);
    clock += 2 * 60_000;
    const expired = await me(session.headers);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('UNAUTHENTICATED');
    expect(expired.cookies.find((c) => c.name === 'socialsafety_session')?.value).toBe('');
    admin = await signIn(t.app, ADMIN.email, ADMIN.password);
  });

  it('are stored as SHA-256 hashes only', async () => {
    const { rows } = await sql<{ token_hash: string }>`select token_hash from sessions`.execute(t.app.db);
    const value = admin.cookie.split('=')[1]!;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash) && r.token_hash !== value)).toBe(true);
  });
});

describe('CSRF protection', () => {
  const create = (headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/organisations', headers, payload: { name: 'CSRF test' } });

  it('refuses a cookie-authenticated write without the session CSRF token, or with another one', async () => {
    const missing = await create({ cookie: admin.cookie });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const other = await signIn(t.app, ADMIN.email, ADMIN.password);
    expect((await create({ cookie: admin.cookie, 'x-csrf-token': other.csrfToken })).statusCode).toBe(403);
    expect((await create(admin.headers)).statusCode).toBe(201);
  });

  it('hands the token out on GET /api/v1/me, which needs none', async () => {
    const res = await me({ cookie: admin.cookie });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ csrfToken: admin.csrfToken, authenticatedVia: 'session' });
  });

  it('refuses unsafe requests that another site sends, sign-in included', async () => {
    const cross = await create({ ...admin.headers, origin: 'https://evil.example' });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().error.code).toBe('CROSS_ORIGIN');
    expect((await login(ADMIN.email, ADMIN.password, '10.3.0.1', { origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await create({ ...admin.headers, origin: 'http://localhost:80' })).statusCode).toBe(201);
  });
});

describe('API tokens', () => {
  it('are shown once, kept hashed, need no CSRF token, cannot mint tokens, and stop at revocation', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: admin.headers, payload: { name: 'nightly export' } });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^sst_[A-Za-z0-9_-]{43}$/);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers: admin.headers });
    expect(list.body).not.toContain(token);
    const stored = await sql<{ token_hash: string }>`select token_hash from api_tokens where id = ${id}`.execute(t.app.db);
    expect(stored.rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);

    const bearer = { authorization: `Bearer ${token}` };
    expect((await me(bearer)).json()).toMatchObject({ authenticatedVia: 'token', csrfToken: null });
    const write = await t.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: bearer, payload: { name: 'By script' } });
    expect(write.statusCode).toBe(201);
    const mint = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: bearer, payload: { name: 'more' } });
    expect(mint.statusCode).toBe(403);

    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${id}`, headers: admin.headers });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const after = await me(bearer);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('INVALID_TOKEN');
  });

  it('leave other Authorization schemes (a protecting proxy\'s Basic) to the session cookie', async () => {
    const res = await me({ ...admin.headers, authorization: 'Basic dXNlcjpwYXNz' });
    expect(res.statusCode).toBe(200);
    expect(res.json().authenticatedVia).toBe('session');
    expect((await me({ authorization: 'bearer sst_unknown' })).json().error.code).toBe('INVALID_TOKEN');
  });
});

describe('accounts', () => {
  it('keep only argon2id hashes: no plain password anywhere in the users table, and the database refuses other hashes', async () => {
    const { rows } = await sql<Record<string, unknown>>`select * from users`.execute(t.app.db);
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expect(String(row.password_hash)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const everything = JSON.stringify(rows);
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(ADMIN.password);
    await expect(
      sql`insert into users (email, password_hash) values ('fast@example.test', encode(sha256('secret'), 'hex'))`.execute(t.app.db),
    ).rejects.toThrow(/check constraint/);
  });

  it('change their password after proving the current one; every session ends', async () => {
    await createUser(t.app, admin, 'changer@example.test');
    const session = await signIn(t.app, 'changer@example.test');
    const put = (currentPassword: string) =>
      t.app.inject({ method: 'PUT', url: '/api/v1/me/password', headers: session.headers, payload: { currentPassword, newPassword: 'a brand new passphrase' } });
    expect((await put('wrong password')).statusCode).toBe(422);
    const short = await t.app.inject({ method: 'PUT', url: '/api/v1/me/password', headers: session.headers, payload: { currentPassword: PASSWORD, newPassword: 'short' } });
    expect(short.json().error.code).toBe('PASSWORD_TOO_WEAK');
    expect((await put(PASSWORD)).statusCode).toBe(204);
    expect((await me(session.headers)).statusCode).toBe(401);
    expect((await login('changer@example.test', PASSWORD, '10.4.0.1')).statusCode).toBe(401);
    expect((await login('changer@example.test', 'a brand new passphrase', '10.4.0.1')).statusCode).toBe(200);
  });

  it('can be disabled by a platform administrator: sessions end, sign-in fails like a wrong password', async () => {
    const id = await createUser(t.app, admin, 'disabled@example.test');
    const session = await signIn(t.app, 'disabled@example.test');
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: admin.headers, payload: { disabled: true } });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().disabledAt).not.toBeNull();
    expect((await me(session.headers)).statusCode).toBe(401);
    const denied = await login('disabled@example.test', PASSWORD, '10.5.0.1');
    expect(denied.json().error.code).toBe('INVALID_CREDENTIALS');
    const self = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${admin.userId}`, headers: admin.headers, payload: { disabled: true } });
    expect(self.statusCode).toBe(409);
  });

  it('bootstrap from ADMIN_EMAIL is idempotent and never resets an existing password', async () => {
    const store = accountStore(t.app.db);
    expect(await store.ensurePlatformAdmin(ADMIN.email, 'a different password', 'environment')).toBe('unchanged');
    expect(await store.ensurePlatformAdmin('known@example.test', 'ignored password', 'environment')).toBe('promoted');
    expect((await login(ADMIN.email, ADMIN.password, '10.6.0.1')).statusCode).toBe(200);
  });
});

describe('the audit log', () => {
  it('records sign-ins, failures (without the email or password), sign-outs, tokens and accounts', async () => {
    const events = await auditActions();
    const actions = new Set(events.map((e) => e.action));
    for (const action of ['auth.login', 'auth.login_failure', 'auth.logout', 'token.create', 'token.revoke', 'user.create', 'user.disable', 'user.promote', 'user.password_change']) {
      expect(actions, action).toContain(action);
    }
    const failures = events.filter((e) => e.action === 'auth.login_failure');
    expect(failures.map((f) => f.details.reason)).toEqual(expect.arrayContaining(['unknown_account', 'wrong_password', 'account_disabled']));
    const text = JSON.stringify(failures);
    expect(text).not.toContain('nobody@example.test');
    expect(text).not.toContain('guess');
    expect(failures.every((f) => /^[0-9a-f]{16}$/.test(String(f.details.emailFingerprint)))).toBe(true);
    const login = events.find((e) => e.action === 'auth.login');
    expect(login?.actorEmail).toMatch(/@example\.test$/);
  });
});
