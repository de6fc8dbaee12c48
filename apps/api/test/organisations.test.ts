import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helper';
import { createOrganisation, createUser, importUnits, signIn, signInAdmin, type Session } from './sessions';

let t: TestApp;
let admin: Session;
let org = '';
let other = '';
let units: Record<string, string> = {};

const grant = (payload: object, organisationId = org, headers = admin.headers) =>
  t.app.inject({ method: 'POST', url: `/api/v1/organisations/${organisationId}/grants`, headers, payload });

beforeAll(async () => {
  t = await startTestApp();
  admin = await signInAdmin(t.app);
  org = await createOrganisation(t.app, admin, 'Acme');
  other = await createOrganisation(t.app, admin, 'Other');
  units = await importUnits(t.app, admin, org, [
    { code: 'ROOT', name: 'Acme', parentCode: null },
    { code: 'CARE', name: 'Care', parentCode: 'ROOT' },
  ]);
  await createUser(t.app, admin, 'ann@example.test');
});
afterAll(async () => {
  await t?.close();
});

describe('organisations', () => {
  it('are created with a trimmed name and read back with their unit count and the caller roles', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: admin.headers, payload: { name: '  Zeta  ' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Zeta', unitCount: 0, myRoles: [] });
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${org}`, headers: admin.headers });
    expect(read.json()).toMatchObject({ id: org, name: 'Acme', unitCount: 2 });
  });

  it('refuse an empty name and answer 404 for an unknown id', async () => {
    const empty = await t.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: admin.headers, payload: { name: '   ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.issues[0].field).toBe('body.name');
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/organisations/00000000-0000-4000-8000-000000000000', headers: admin.headers });
    expect(missing.statusCode).toBe(404);
  });
});

describe('grants', () => {
  it('give an existing account a role, shown in its GET /api/v1/me and in the list', async () => {
    const created = await grant({ email: 'ANN@example.test', role: 'unit_viewer', unitId: units.CARE });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      email: 'ann@example.test',
      role: 'unit_viewer',
      organisationName: 'Acme',
      unit: { id: units.CARE, code: 'CARE', name: 'Care' },
      grantedBy: 'admin@example.test',
    });
    const ann = await signIn(t.app, 'ann@example.test');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: ann.headers });
    expect(me.json().user).toMatchObject({ email: 'ann@example.test', isPlatformAdmin: false });
    expect(me.json().grants).toEqual([expect.objectContaining({ organisationId: org, role: 'unit_viewer', unit: expect.objectContaining({ code: 'CARE' }) })]);
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${org}/grants`, headers: admin.headers });
    expect(list.json().grants.map((g: { email: string; role: string }) => `${g.email} ${g.role}`)).toEqual(['ann@example.test unit_viewer']);
  });

  it.each([
    [{ email: 'ann@example.test', role: 'unit_viewer' }, 422, 'UNIT_REQUIRED'],
    [{ email: 'ann@example.test', role: 'analyst', unitId: '00000000-0000-4000-8000-000000000001' }, 422, 'UNIT_NOT_ALLOWED'],
    [{ email: 'nobody@example.test', role: 'analyst' }, 422, 'USER_NOT_FOUND'],
    [{ email: 'ann@example.test', role: 'owner' }, 400, 'VALIDATION_FAILED'],
  ])('refuse %o with %i %s', async (payload, status, code) => {
    const res = await grant(payload);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  it('refuse a unit of another organisation and the same grant twice', async () => {
    const foreign = await grant({ email: 'ann@example.test', role: 'unit_viewer', unitId: units.CARE }, other);
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.code).toBe('UNIT_NOT_FOUND');
    const twice = await grant({ email: 'ann@example.test', role: 'unit_viewer', unitId: units.CARE });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('GRANT_EXISTS');
  });

  it('are removed once, and the person loses access at once', async () => {
    const created = await grant({ email: 'ann@example.test', role: 'analyst' });
    const ann = await signIn(t.app, 'ann@example.test');
    const url = `/api/v1/organisations/${org}/grants/${created.json().id}`;
    expect((await t.app.inject({ method: 'DELETE', url, headers: admin.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url, headers: admin.headers })).statusCode).toBe(404);
    const grants = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: ann.headers })).json().grants;
    expect(grants.map((g: { role: string }) => g.role)).toEqual(['unit_viewer']);
  });
});

describe('the audit log', () => {
  it('records organisation creation and grant changes, newest first', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${org}/audit`, headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const events = res.json().events as { id: number; action: string; details: Record<string, unknown>; actorEmail: string }[];
    expect(events.map((e) => e.action)).toEqual(['grant.delete', 'grant.create', 'grant.create', 'units.import', 'organisation.create']);
    expect(events[0]).toMatchObject({ actorEmail: 'admin@example.test', details: { email: 'ann@example.test', role: 'analyst' } });
    expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort((a, b) => b - a));
  });

  it('pages with ?before= until nextBefore is null', async () => {
    const seen: string[] = [];
    let before: number | null = null;
    for (let page = 0; page < 10; page += 1) {
      const query: string = before === null ? '?limit=2' : `?limit=2&before=${before}`;
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${org}/audit${query}`, headers: admin.headers });
      seen.push(...res.json().events.map((e: { action: string }) => e.action));
      before = res.json().nextBefore;
      if (before === null) break;
    }
    expect(seen).toEqual(['grant.delete', 'grant.create', 'grant.create', 'units.import', 'organisation.create']);
  });

  it('is append-only in the database itself: UPDATE, DELETE and TRUNCATE fail even as raw SQL', async () => {
    const db = t.app.db;
    const count = async () => (await sql<{ n: number }>`select count(*)::int as n from audit_events`.execute(db)).rows[0]!.n;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await expect(sql`update audit_events set action = 'auth.nothing'`.execute(db)).rejects.toThrow(/append-only: UPDATE is not allowed/);
    await expect(sql`delete from audit_events`.execute(db)).rejects.toThrow(/append-only: DELETE is not allowed/);
    await expect(sql`truncate audit_events`.execute(db)).rejects.toThrow(/append-only: TRUNCATE is not allowed/);
    expect(await count()).toBe(before);
  });
});
