import type { PublishedResults } from '@socialsafety/scoring';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { down, up } from '../../../migrations/20261202000000_result_units';
import { resultsRepository } from '../src/repositories/results';
import { ADMIN, startTestApp, type TestApp } from './helper';
import { createMeasurement, inject, LONG_SESSIONS, openMeasurement, TestClock } from './measurement-fixtures';
import { close, random, respond } from './results-fixtures';
import { createOrganisation, importUnits, signIn, type Session } from './sessions';

/**
 * How a published set is stored: a head row and one row per unit. Five organisations each close a measurement, so
 * the deployment benchmark (which reads only each organisation's root unit) has enough to pool.
 */
const TREE = [
  { code: 'ROOT', name: 'Company', parentCode: null },
  { code: 'TEAM', name: 'Team', parentCode: 'ROOT' },
  { code: 'DESK', name: 'Desk', parentCode: 'ROOT' },
];
const ORGANISATIONS = 5;

let t: TestApp;
let admin: Session;
const measurementIds: string[] = [];

beforeAll(async () => {
  t = await startTestApp(undefined, { ...LONG_SESSIONS, SURVEY_LIMIT_PER_MINUTE: '100000' }, { now: new TestClock().now });
  admin = await signIn(t.app, ADMIN.email, ADMIN.password);
  for (let i = 0; i < ORGANISATIONS; i++) {
    const organisationId = await createOrganisation(t.app, admin, `Organisation ${i}`);
    await importUnits(t.app, admin, organisationId, TREE);
    const id = await createMeasurement(t.app, admin, organisationId, { title: `Measurement ${i}`, demographics: ['age_band'], k: 5, kSensitive: 10 });
    await openMeasurement(t.app, admin, id);
    const rng = random(100 + i);
    await respond(t.app, admin, id, 'TEAM', 5 + i, rng);
    await respond(t.app, admin, id, 'DESK', 6, rng);
    await close(t.app, admin, id);
    measurementIds.push(id);
  }
}, 240_000);

afterAll(async () => {
  await t?.close();
});

const setOf = async (id: string) => (await resultsRepository(t.app.db).find(id))!.results as PublishedResults;

describe('storing a published set', () => {
  it('keeps the head without its units and each unit as its own row, in the order of the set', async () => {
    const id = measurementIds[0]!;
    const head = await t.app.db.selectFrom('measurement_results').select('results').where('measurement_id', '=', id).executeTakeFirstOrThrow();
    expect(Object.keys(head.results as object)).not.toContain('units');
    const rows = await t.app.db.selectFrom('measurement_result_units').select(['unit_id', 'position']).where('measurement_id', '=', id).orderBy('position').execute();
    const set = await setOf(id);
    expect(set.units).toHaveLength(TREE.length);
    expect(rows.map((r) => r.unit_id)).toEqual(set.units.map((u) => u.unitId));
    expect(rows.map((r) => r.position)).toEqual([0, 1, 2]);
    expect(set.tree).toHaveLength(TREE.length);
  });

  it('pools the deployment benchmark from each organisation\'s root unit', async () => {
    const roots = await Promise.all(
      measurementIds.map(async (id) => {
        const set = await setOf(id);
        const figure = set.units.find((u) => u.unitId === set.rootUnitId)!.metrics['scale:psychological_safety']!;
        if ('hidden' in figure || figure.kind !== 'mean') throw new Error('the organisation-level figure should be published');
        return figure;
      }),
    );
    const n = roots.reduce((sum, f) => sum + f.n, 0);
    // 11 to 15 respondents per organisation (TEAM 5..9, DESK 6).
    expect(roots.map((f) => f.n)).toEqual([11, 12, 13, 14, 15]);
    const body = (await inject(t.app, { method: 'GET', url: '/api/v1/questionnaires/social-safety/versions/1.0.0/benchmarks', headers: admin.headers }, 200)).json();
    expect(body.deployment.organisations).toBe(ORGANISATIONS);
    expect(body.deployment.scales.psychological_safety.n).toBe(n);
    expect(body.deployment.scales.psychological_safety.mean).toBeCloseTo(roots.reduce((sum, f) => sum + f.n * f.mean, 0) / n, 9);
  });

  it('moves stored sets into rows and back with the migration, losing nothing', async () => {
    const before = await Promise.all(measurementIds.map(setOf));
    await down(t.app.db);
    const whole = await t.app.db.selectFrom('measurement_results').select(['measurement_id', 'results']).execute();
    for (const row of whole) {
      const expected = before[measurementIds.indexOf(row.measurement_id)];
      expect(row.results).toEqual(expected);
    }
    await up(t.app.db);
    expect(await Promise.all(measurementIds.map(setOf))).toEqual(before);
    const count = await t.app.db.selectFrom('measurement_result_units').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(count.n).toBe(ORGANISATIONS * TREE.length);
  });

  it('replaces every unit row when the set is computed again', async () => {
    const id = measurementIds[1]!;
    const before = await setOf(id);
    const res = await inject(t.app, { method: 'POST', url: `/api/v1/measurements/${id}/results/recompute`, headers: admin.headers }, 200);
    expect(res.json().identicalToPrevious).toBe(true);
    expect(await setOf(id)).toEqual(before);
    const rows = await t.app.db.selectFrom('measurement_result_units').select('position').where('measurement_id', '=', id).execute();
    expect(rows.map((r) => r.position).sort()).toEqual([0, 1, 2]);
  });
});
