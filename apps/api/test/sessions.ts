import type { App } from '../src/app';
import { ADMIN } from './helper';

/** A signed-in browser: the session cookie and the CSRF token its page would send on writes. */
export interface Session {
  userId: string;
  email: string;
  cookie: string;
  csrfToken: string;
  /** Headers for a request of this session, CSRF token included. */
  headers: Record<string, string>;
}

export const PASSWORD = 'a-long-enough-password';

export async function signIn(app: App, email: string, password = PASSWORD, remoteAddress?: string): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    ...(remoteAddress ? { remoteAddress } : {}),
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'socialsafety_session');
  if (!cookie) throw new Error('no session cookie');
  const body = res.json() as { user: { id: string; email: string }; csrfToken: string };
  const header = `socialsafety_session=${cookie.value}`;
  return {
    userId: body.user.id,
    email: body.user.email,
    cookie: header,
    csrfToken: body.csrfToken,
    headers: { cookie: header, 'x-csrf-token': body.csrfToken },
  };
}

export const signInAdmin = (app: App) => signIn(app, ADMIN.email, ADMIN.password);

/** Creates an account through the API as the platform administrator and returns its id. */
export async function createUser(app: App, admin: Session, email: string, platformAdmin = false): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: admin.headers,
    payload: { email, password: PASSWORD, platformAdmin },
  });
  if (res.statusCode !== 201) throw new Error(`creating ${email} failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

export async function createOrganisation(app: App, admin: Session, name: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/organisations', headers: admin.headers, payload: { name } });
  if (res.statusCode !== 201) throw new Error(`creating ${name} failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

/** Imports a JSON tree and returns the unit ids by code. */
export async function importUnits(
  app: App,
  admin: Session,
  organisationId: string,
  units: { code: string; name: string; parentCode: string | null }[],
): Promise<Record<string, string>> {
  const put = await app.inject({ method: 'PUT', url: `/api/v1/organisations/${organisationId}/units`, headers: admin.headers, payload: units });
  if (put.statusCode !== 200) throw new Error(`import failed: ${put.statusCode} ${put.body}`);
  const get = await app.inject({ method: 'GET', url: `/api/v1/organisations/${organisationId}/units?format=flat`, headers: admin.headers });
  return Object.fromEntries((get.json() as { units: { code: string; id: string }[] }).units.map((u) => [u.code, u.id]));
}

export async function grantRole(
  app: App,
  admin: Session,
  organisationId: string,
  email: string,
  role: string,
  unitId?: string,
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${organisationId}/grants`,
    headers: admin.headers,
    payload: { email, role, ...(unitId ? { unitId } : {}) },
  });
  if (res.statusCode !== 201) throw new Error(`granting ${role} to ${email} failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}
