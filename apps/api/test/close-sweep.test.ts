import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from './helper';
import { createMeasurement, LONG_SESSIONS, openMeasurement, TestClock } from './measurement-fixtures';
import { random, respond } from './results-fixtures';
import { createOrganisation, importUnits, signIn } from './sessions';

let t: TestApp;
const clock = new TestClock();
const errors: object[] = [];
const log = { error: (obj: object) => errors.push(obj) };

beforeAll(async () => {
  t = await startTestApp(undefined, { ...LONG_SESSIONS, SURVEY_LIMIT_PER_MINUTE: '100000' }, { now: clock.now });
});

afterAll(async () => {
  await t?.close();
});

describe('the close sweep', () => {
  it('closes measurements past their closing day and publishes their results, without anyone reading them', async () => {
    const admin = await signIn(t.app, ADMIN.email, ADMIN.password);
    const organisationId = await createOrganisation(t.app, admin, 'Acme');
    await importUnits(t.app, admin, organisationId, [
      { code: 'ROOT', name: 'Company', parentCode: null },
      { code: 'A', name: 'A', parentCode: 'ROOT' },
    ]);
    const due = await createMeasurement(t.app, admin, organisationId, { title: 'Due', closesAt: '2026-12-20', demographics: ['age_band'] });
    const later = await createMeasurement(t.app, admin, organisationId, { title: 'Later', closesAt: '2026-12-31' });
    await openMeasurement(t.app, admin, due);
    await openMeasurement(t.app, admin, later);
    await respond(t.app, admin, due, 'A', 6, random(7));

    expect(await t.app.measurements.sweep(log)).toBe(0);
    clock.set('2026-12-21T08:00:00Z');
    expect(await t.app.measurements.sweep(log)).toBe(1);
    expect(errors).toEqual([]);

    const statuses = await t.app.db.selectFrom('measurements').select(['id', 'status']).where('organisation_id', '=', organisationId).execute();
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [due]: 'closed', [later]: 'open' });
    const published = await t.app.db.selectFrom('measurement_results').select('measurement_id').execute();
    expect(published.map((r) => r.measurement_id)).toEqual([due]);
    const events = await t.app.db.selectFrom('audit_events').select(['actor_user_id', 'details']).where('action', '=', 'measurement.close').execute();
    expect(events).toEqual([{ actor_user_id: null, details: { automatic: true } }]);
    // Nothing left to do: a second sweep closes nothing.
    expect(await t.app.measurements.sweep(log)).toBe(0);
  });
});
