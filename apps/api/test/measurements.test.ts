import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helper';
import { createMeasurement, LONG_SESSIONS, MEASUREMENT, openMeasurement, TestClock, TREE } from './measurement-fixtures';
import { createOrganisation, importUnits, signInAdmin, type Session } from './sessions';

let t: TestApp;
let admin: Session;
let org = '';
const clock = new TestClock();

const url = (id: string, rest = '') => `/api/v1/measurements/${id}${rest}`;
const post = (path: string, payload?: object) => t.app.inject({ method: 'POST', url: path, headers: admin.headers, ...(payload ? { payload } : {}) });
const patch = (id: string, payload: object) => t.app.inject({ method: 'PATCH', url: url(id), headers: admin.headers, payload });
const get = (path: string) => t.app.inject({ method: 'GET', url: path, headers: admin.headers });
const auditActions = async (id: string) =>
  (await t.app.db.selectFrom('audit_events').select(['action', 'details']).where('target_id', '=', id).orderBy('id').execute()).map((e) => ({
    action: e.action,
    details: e.details,
  }));

beforeAll(async () => {
  t = await startTestApp(undefined, LONG_SESSIONS, { now: clock.now });
  admin = await signInAdmin(t.app);
  org = await createOrganisation(t.app, admin, 'Acme');
  await importUnits(t.app, admin, org, TREE);
});
afterAll(async () => {
  await t?.close();
});

describe('creating a measurement', () => {
  it('fills in the defaults: every language, no demographics, k 5, k_sensitive 10, draft', async () => {
    const id = await createMeasurement(t.app, admin, org);
    const res = await get(url(id));
    expect(res.json()).toMatchObject({
      title: MEASUREMENT.title,
      questionnaire: { key: 'social-safety', version: '1.0.0' },
      languages: ['nl', 'en'],
      demographics: [],
      k: 5,
      kSensitive: 10,
      status: 'draft',
      opensAt: '2026-12-10',
      closesAt: '2026-12-20',
      openedAt: null,
      unitsFrozen: false,
    });
    const list = await get(`/api/v1/organisations/${org}/measurements`);
    expect(list.json().measurements.map((m: { id: string }) => m.id)).toContain(id);
    expect(await auditActions(id)).toEqual([expect.objectContaining({ action: 'measurement.create' })]);
  });

  it('takes k_sensitive up to k when only a larger k is given', async () => {
    const id = await createMeasurement(t.app, admin, org, { k: 20, languages: ['en'], demographics: ['age_band'] });
    expect((await get(url(id))).json()).toMatchObject({ k: 20, kSensitive: 20, languages: ['en'], demographics: ['age_band'] });
  });

  it('lists every cross-field problem in one 422, each naming its field', async () => {
    const res = await post(`/api/v1/organisations/${org}/measurements`, {
      ...MEASUREMENT,
      languages: ['nl', 'de'],
      demographics: ['age_band', 'shoe_size'],
      k: 10,
      kSensitive: 8,
      opensAt: '2026-12-20',
      closesAt: '2026-12-20',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('MEASUREMENT_INVALID');
    expect(res.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(['languages', 'demographics', 'kSensitive', 'closesAt']);
  });

  it.each([
    [{ k: 4 }, 400, 'VALIDATION_FAILED'],
    [{ k: 51 }, 400, 'VALIDATION_FAILED'],
    [{ opensAt: '10-12-2026' }, 400, 'VALIDATION_FAILED'],
    [{ closesAt: '2026-12-01', opensAt: '2026-11-01' }, 422, 'MEASUREMENT_INVALID'],
    [{ questionnaire: { key: 'social-safety', version: '9.9.9' } }, 422, 'QUESTIONNAIRE_NOT_FOUND'],
  ])('refuses %o with %i %s', async (overrides, status, code) => {
    const res = await post(`/api/v1/organisations/${org}/measurements`, { ...MEASUREMENT, ...overrides });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  it('needs a published version', async () => {
    const draft = await t.app.inject({
      method: 'POST',
      url: '/api/v1/questionnaires/social-safety/versions',
      headers: admin.headers,
      payload: { ...(await get('/api/v1/questionnaires/social-safety/versions/1.0.0')).json().definition, version: '1.9.0' },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const res = await post(`/api/v1/organisations/${org}/measurements`, { ...MEASUREMENT, questionnaire: { key: 'social-safety', version: '1.9.0' } });
    expect(res.json().error.code).toBe('VERSION_NOT_PUBLISHED');
  });
});

describe('the lifecycle draft -> open -> closed', () => {
  it('changes a draft freely, opens it with a frozen copy of the tree, and closes it', async () => {
    const id = await createMeasurement(t.app, admin, org);
    const changed = await patch(id, { title: 'Renamed', k: 7, kSensitive: 12, demographics: ['gender'] });
    expect(changed.json()).toMatchObject({ title: 'Renamed', k: 7, kSensitive: 12, demographics: ['gender'] });

    const opened = await post(url(id, '/open'));
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ status: 'open', unitsFrozen: true });
    expect(opened.json().openedAt).toEqual(expect.any(String));

    // Re-organising the live tree afterwards does not touch the copy.
    await importUnits(t.app, admin, org, [...TREE.filter((u) => u.code !== 'OPS'), { code: 'NEW', name: 'New', parentCode: 'ROOT' }]);
    const units = (await get(url(id, '/units'))).json();
    expect(units.frozen).toBe(true);
    expect(units.units.map((u: { code: string }) => u.code).sort()).toEqual(['NORTH', 'OPS', 'ROOT', 'SALES', 'SOUTH']);
    const byCode = Object.fromEntries(units.units.map((u: { code: string; id: string; parentId: string | null }) => [u.code, u]));
    expect(byCode.NORTH.parentId).toBe(byCode.SALES.id);
    await importUnits(t.app, admin, org, TREE);

    const closed = await post(url(id, '/close'));
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect((await auditActions(id)).map((e) => e.action)).toEqual(['measurement.create', 'measurement.update', 'measurement.open', 'measurement.close']);
  });

  it('answers every wrong step with 409 and the reason', async () => {
    const id = await createMeasurement(t.app, admin, org);
    const closeDraft = await post(url(id, '/close'));
    expect(closeDraft.statusCode).toBe(409);
    expect(closeDraft.json().error).toMatchObject({ code: 'MEASUREMENT_NOT_OPEN', message: expect.stringMatching(/draft: it cannot be closed/) });

    await openMeasurement(t.app, admin, id);
    const openTwice = await post(url(id, '/open'));
    expect(openTwice.statusCode).toBe(409);
    expect(openTwice.json().error.code).toBe('MEASUREMENT_OPEN');

    const locked = await patch(id, { k: 9, title: 'Still allowed' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error).toMatchObject({ code: 'MEASUREMENT_LOCKED', details: { fields: ['k'] } });
    const allowed = await patch(id, { title: 'Longer', closesAt: '2026-12-24' });
    expect(allowed.json()).toMatchObject({ title: 'Longer', closesAt: '2026-12-24', k: 5 });

    await post(url(id, '/close'));
    for (const step of ['/open', '/close']) {
      const res = await post(url(id, step));
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('MEASUREMENT_CLOSED');
    }
    expect((await patch(id, { title: 'x' })).json().error.code).toBe('MEASUREMENT_CLOSED');
  });

  it('refuses to open without units, or after the closing day', async () => {
    const empty = await createOrganisation(t.app, admin, 'Empty');
    const id = await createMeasurement(t.app, admin, empty);
    const res = await post(url(id, '/open'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('NO_UNITS');

    const late = await createMeasurement(t.app, admin, org, { opensAt: '2026-12-10', closesAt: '2026-12-11' });
    clock.addDays(3);
    try {
      expect((await post(url(late, '/open'))).json().error.code).toBe('CLOSING_DATE_PASSED');
    } finally {
      clock.addDays(-3);
    }
  });

  it('answers 404 for a measurement that does not exist', async () => {
    const res = await get(url('00000000-0000-4000-8000-000000000000'));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});

describe('automatic close', () => {
  it('closes an open measurement the day after its closing day, on the first read, and says so in the audit log', async () => {
    const id = await createMeasurement(t.app, admin, org, { closesAt: '2026-12-12' });
    await openMeasurement(t.app, admin, id);
    clock.set('2026-12-12T22:30:00Z'); // 23:30 in Amsterdam: still the last day
    expect((await get(url(id))).json().status).toBe('open');
    clock.set('2026-12-12T23:30:00Z'); // 00:30 on the 13th in Amsterdam
    const list = await get(`/api/v1/organisations/${org}/measurements`);
    expect(list.json().measurements.find((m: { id: string }) => m.id === id).status).toBe('closed');
    const events = await auditActions(id);
    expect(events.at(-1)).toEqual({ action: 'measurement.close', details: { automatic: true } });
    clock.set('2026-12-10T10:00:00Z');
  });
});

describe('the database enforces the locks too', () => {
  it('refuses to change k, k_sensitive or the version of an open measurement, or to move its status back', async () => {
    const id = await createMeasurement(t.app, admin, org);
    await openMeasurement(t.app, admin, id);
    const db = t.app.db;
    await expect(db.updateTable('measurements').set({ k: 9 }).where('id', '=', id).execute()).rejects.toThrow(/locked/);
    await expect(db.updateTable('measurements').set({ k_sensitive: 40 }).where('id', '=', id).execute()).rejects.toThrow(/locked/);
    const other = await db.selectFrom('questionnaire_versions').select('id').where('version', '=', '1.9.0').executeTakeFirstOrThrow();
    await expect(db.updateTable('measurements').set({ questionnaire_version_id: other.id }).where('id', '=', id).execute()).rejects.toThrow(/locked/);
    await expect(sql`update measurements set status = 'draft', opened_at = null where id = ${id}`.execute(db)).rejects.toThrow(/cannot go from open to draft/);
    await expect(db.updateTable('measurement_units').set({ name: 'Renamed' }).where('measurement_id', '=', id).execute()).rejects.toThrow(/frozen/);
    await expect(db.deleteFrom('measurements').where('id', '=', id).execute()).rejects.toThrow(/cannot be deleted/);
    expect((await get(url(id))).json()).toMatchObject({ k: 5, kSensitive: 10, status: 'open' });
  });
});
