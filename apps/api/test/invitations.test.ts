import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measurementHint } from '../src/lib/survey-secrets';
import { startTestApp, type TestApp } from './helper';
import { createMeasurement, inject, LONG_SESSIONS, makeLinks, openMeasurement, submit, TestClock, tokenOf, TREE } from './measurement-fixtures';
import { createOrganisation, importUnits, signInAdmin, type Session } from './sessions';

let t: TestApp;
let admin: Session;
let org = '';

const PUBLIC_URL = 'https://survey.example.org/';
const links = (id: string, payload: object, accept?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/measurements/${id}/invitations`,
    headers: { ...admin.headers, ...(accept ? { accept } : {}) },
    payload,
  });
const revoke = (id: string, payload: object = {}) =>
  inject(t.app, { method: 'POST', url: `/api/v1/measurements/${id}/invitations/revoke`, headers: admin.headers, payload }, 200);
const summary = async (id: string) =>
  (await inject(t.app, { method: 'GET', url: `/api/v1/measurements/${id}/invitations/summary`, headers: admin.headers }, 200)).json().units as {
    code: string;
    invited: number;
    revoked: number;
    openLink: boolean;
  }[];
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

beforeAll(async () => {
  t = await startTestApp(undefined, { ...LONG_SESSIONS, PUBLIC_URL }, { now: new TestClock().now });
  admin = await signInAdmin(t.app);
  org = await createOrganisation(t.app, admin, 'Acme');
  await importUnits(t.app, admin, org, TREE);
});
afterAll(async () => {
  await t?.close();
});

describe('making links', () => {
  it('returns each link once and stores only the SHA-256 of its token; the first links of a draft freeze the tree', async () => {
    const id = await createMeasurement(t.app, admin, org);
    const res = await links(id, { unitCode: 'NORTH', count: 3 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toMatchObject({ measurementId: id, kind: 'personal', unit: { code: 'NORTH', name: 'Sales north' }, createdOn: '2026-12-10' });
    expect(body.links).toHaveLength(3);
    for (const link of body.links) expect(link).toMatch(/^https:\/\/survey\.example\.org\/s\/[A-Za-z0-9_-]{36}$/);
    expect(new Set(body.links).size).toBe(3);
    // Each starts with its measurement's hint, then 32 random characters (lib/survey-secrets.ts).
    for (const link of body.links) expect((link as string).split('/s/')[1]!.slice(0, 4)).toBe(measurementHint(id));

    const stored = await t.app.db.selectFrom('invitations').selectAll().where('measurement_id', '=', id).execute();
    expect(stored.map((r) => r.token_hash).sort()).toEqual(body.links.map((l: string) => sha256(tokenOf(l))).sort());
    const everything = JSON.stringify(stored);
    for (const link of body.links) expect(everything).not.toContain(tokenOf(link));
    const measurement = await inject(t.app, { method: 'GET', url: `/api/v1/measurements/${id}`, headers: admin.headers }, 200);
    expect(measurement.json()).toMatchObject({ status: 'draft', unitsFrozen: true });
  });

  it('answers CSV for a mail merge when asked', async () => {
    const id = await createMeasurement(t.app, admin, org);
    await importUnits(t.app, admin, org, [...TREE, { code: 'Q', name: '=HYPERLINK("x"), "quoted"', parentCode: 'ROOT' }]);
    const res = await links(id, { unitCode: 'Q', count: 2 }, 'text/csv');
    await importUnits(t.app, admin, org, TREE);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="links-Q-\d{4}-\d\d-\d\d\.csv"$/);
    const lines = res.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('unit_code,unit_name,link');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^Q,"'=HYPERLINK\(""x""\), ""quoted""",https:\/\/survey\.example\.org\/s\/[A-Za-z0-9_-]{36}$/);
  });

  it.each([
    [{ unitCode: 'NORTH', count: 0 }, 400, 'VALIDATION_FAILED'],
    [{ unitCode: 'NORTH', count: 10_001 }, 400, 'VALIDATION_FAILED'],
    [{ unitCode: 'NOPE', count: 1 }, 422, 'UNIT_NOT_FOUND'],
  ])('refuses %o with %i %s', async (payload, status, code) => {
    const id = await createMeasurement(t.app, admin, org);
    const res = await links(id, payload);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  it('makes 10,000 links in one request', async () => {
    const id = await createMeasurement(t.app, admin, org);
    const res = await links(id, { unitCode: 'OPS', count: 10_000 });
    expect(res.statusCode).toBe(201);
    expect(res.json().links).toHaveLength(10_000);
    expect((await summary(id)).find((u) => u.code === 'OPS')).toMatchObject({ invited: 10_000, revoked: 0 });
  });

  it('makes no links once the measurement is closed', async () => {
    const id = await createMeasurement(t.app, admin, org);
    await openMeasurement(t.app, admin, id);
    await inject(t.app, { method: 'POST', url: `/api/v1/measurements/${id}/close`, headers: admin.headers }, 200);
    const res = await links(id, { unitCode: 'OPS', count: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('MEASUREMENT_CLOSED');
  });

  it('keeps one open link per unit until it is revoked', async () => {
    const id = await createMeasurement(t.app, admin, org);
    const [first] = await makeLinks(t.app, admin, id, 'SOUTH', 1, 'open');
    expect(first).toBeDefined();
    const again = await links(id, { unitCode: 'SOUTH', kind: 'open' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('OPEN_LINK_EXISTS');
    expect((await revoke(id, { unitCode: 'SOUTH', kind: 'open' })).json()).toEqual({ revoked: 1 });
    expect((await links(id, { unitCode: 'SOUTH', kind: 'open' })).statusCode).toBe(201);
    expect((await summary(id)).find((u) => u.code === 'SOUTH')).toMatchObject({ invited: 0, openLink: true });
  });
});

describe('revoking links', () => {
  it('withdraws every link in scope, used ones too, so that the count says nothing about participation', async () => {
    const id = await createMeasurement(t.app, admin, org);
    await openMeasurement(t.app, admin, id);
    const north = await makeLinks(t.app, admin, id, 'NORTH', 4);
    await makeLinks(t.app, admin, id, 'OPS', 2);
    expect((await submit(t.app, north[0]!)).statusCode).toBe(201);

    expect((await revoke(id, { unitCode: 'NORTH' })).json()).toEqual({ revoked: 4 });
    expect((await summary(id)).map((u) => [u.code, u.invited, u.revoked])).toEqual([
      ['NORTH', 0, 4],
      ['OPS', 2, 0],
      ['ROOT', 0, 0],
      ['SALES', 0, 0],
      ['SOUTH', 0, 0],
    ]);
    const used = await t.app.db.selectFrom('invitations').select(['status', 'used_on']).where('measurement_id', '=', id).execute();
    expect(used.filter((r) => r.status === 'used' || r.used_on !== null)).toEqual([]);
    // A withdrawn link no longer works; the answers already sent stay.
    expect((await submit(t.app, north[1]!)).statusCode).toBe(404);
    expect(await t.app.db.selectFrom('responses').select('id').where('measurement_id', '=', id).execute()).toHaveLength(1);

    expect((await revoke(id)).json()).toEqual({ revoked: 2 });
    expect((await revoke(id)).json()).toEqual({ revoked: 0 });
    const events = await t.app.db.selectFrom('audit_events').select('action').where('target_id', '=', id).execute();
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['invitations.create', 'invitations.revoke']),
    );
  });
});
