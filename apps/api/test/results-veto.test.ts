import { computeMeasurementResults } from '@socialsafety/scoring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measurementRepository } from '../src/repositories/measurements';
import { resultsRepository } from '../src/repositories/results';
import { resultsPublisher } from '../src/services/results-publisher';
import { ADMIN, startTestApp, type TestApp } from './helper';
import { createMeasurement, LONG_SESSIONS, openMeasurement, TestClock } from './measurement-fixtures';
import { random, respond } from './results-fixtures';
import { createOrganisation, importUnits, signIn } from './sessions';

let t: TestApp;
const clock = new TestClock();

beforeAll(async () => {
  t = await startTestApp(undefined, { ...LONG_SESSIONS, SURVEY_LIMIT_PER_MINUTE: '100000' }, { now: clock.now });
});

afterAll(async () => {
  await t?.close();
});

describe('the auditor at close', () => {
  it('vetoes a result set that reveals a small group: nothing is stored and the measurement stays open', async () => {
    const admin = await signIn(t.app, ADMIN.email, ADMIN.password);
    const organisationId = await createOrganisation(t.app, admin, 'Acme');
    await importUnits(t.app, admin, organisationId, [
      { code: 'ROOT', name: 'Company', parentCode: null },
      { code: 'BIG', name: 'Big team', parentCode: 'ROOT' },
      { code: 'TINY', name: 'Tiny team', parentCode: 'ROOT' },
    ]);
    const id = await createMeasurement(t.app, admin, organisationId, { demographics: ['age_band'] });
    await openMeasurement(t.app, admin, id);
    const rng = random(3);
    await respond(t.app, admin, id, 'BIG', 8, rng);
    await respond(t.app, admin, id, 'TINY', 2, rng);

    // A broken computation that publishes the response count of every unit, the tiny team's 2 included.
    const leaky: typeof computeMeasurementResults = (input) => {
      const honest = computeMeasurementResults(input);
      const counts = new Map<string, number>();
      for (const r of input.responses) counts.set(r.unitId, (counts.get(r.unitId) ?? 0) + 1);
      return { ...honest, units: honest.units.map((u) => ({ ...u, responses: { n: counts.get(u.unitId) ?? 10 } })) };
    };
    const errors: object[] = [];
    const log = { ...t.app.log, error: (obj: object) => errors.push(obj) } as typeof t.app.log;
    const measurements = measurementRepository(t.app.db);
    const publisher = resultsPublisher({ measurements, results: resultsRepository(t.app.db), log, now: clock.now, compute: leaky });
    const row = (await measurements.find(id))!;

    await expect(measurements.close(id, clock.now(), { publish: await publisher.prepare(row) })).rejects.toMatchObject({
      statusCode: 500,
      code: 'RESULTS_AUDIT_FAILED',
    });
    expect((await measurements.find(id))!.status).toBe('open');
    expect(await t.app.db.selectFrom('measurement_results').selectAll().execute()).toEqual([]);
    expect(await t.app.db.selectFrom('responses').select('id').where('measurement_id', '=', id).execute()).toHaveLength(10);
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors[0])).not.toMatch(/"n"/);

    // The real computation closes it.
    await expect(measurements.close(id, clock.now(), { publish: await resultsPublisher({ measurements, results: resultsRepository(t.app.db), log, now: clock.now }).prepare(row) })).resolves.toMatchObject({ kind: 'done' });
  });
});
