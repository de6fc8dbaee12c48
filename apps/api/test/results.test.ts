import { auditPublishedResults, type PublishedResults } from '@socialsafety/scoring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsRepository } from '../src/repositories/results';
import { ADMIN, startTestApp, type TestApp } from './helper';
import { createMeasurement, inject, LONG_SESSIONS, openMeasurement, TestClock } from './measurement-fixtures';
import { close, countsIn, random, respond } from './results-fixtures';
import { createOrganisation, createUser, grantRole, importUnits, signIn, type Session } from './sessions';

/**
 * A tree that forces complementary suppression: SOUTH has 3 respondents (below k = 5), so with SALES (9) published,
 * NORTH (6) may not be, or SOUTH would be SALES - NORTH. Behaviour figures need k_sensitive = 10: only the
 * organisation (16) qualifies.
 */
const TREE = [
  { code: 'ROOT', name: 'Company', parentCode: null },
  { code: 'SALES', name: 'Sales', parentCode: 'ROOT' },
  { code: 'NORTH', name: 'Sales north', parentCode: 'SALES' },
  { code: 'SOUTH', name: 'Sales south', parentCode: 'SALES' },
  { code: 'OPS', name: 'Operations', parentCode: 'ROOT' },
];
const SIZES = { NORTH: 6, SOUTH: 3, OPS: 7 };
const K = 5;
const K_SENSITIVE = 10;

let t: TestApp;
let admin: Session;
let analyst: Session;
let viewer: Session;
let researcher: Session;
let organisationId: string;
let first: string;
let second: string;
const clock = new TestClock();
const frozen: Record<string, string> = {};

const stored = async (id: string) => (await resultsRepository(t.app.db).find(id))!.results as PublishedResults;

const get = async (who: Session, url: string, expected = 200) => (await inject(t.app, { method: 'GET', url, headers: who.headers }, expected)).json();

async function measurementWithResponses(seed: number, title: string) {
  const id = await createMeasurement(t.app, admin, organisationId, { title, demographics: ['age_band'], k: K, kSensitive: K_SENSITIVE });
  await openMeasurement(t.app, admin, id);
  const rng = random(seed);
  for (const [code, count] of Object.entries(SIZES)) await respond(t.app, admin, id, code, count, rng);
  return id;
}

beforeAll(async () => {
  t = await startTestApp(undefined, { ...LONG_SESSIONS, SURVEY_LIMIT_PER_MINUTE: '100000' }, { now: clock.now });
  admin = await signIn(t.app, ADMIN.email, ADMIN.password);
  organisationId = await createOrganisation(t.app, admin, 'Acme');
  const units = await importUnits(t.app, admin, organisationId, TREE);
  for (const [email, role, unit] of [
    ['analyst@example.test', 'analyst', undefined],
    ['viewer@example.test', 'unit_viewer', units.SALES],
    ['researcher@example.test', 'researcher', undefined],
  ] as const) {
    await createUser(t.app, admin, email);
    await grantRole(t.app, admin, organisationId, email, role, unit);
  }
  await grantRole(t.app, admin, organisationId, ADMIN.email, 'org_admin');
  admin = await signIn(t.app, ADMIN.email, ADMIN.password);
  analyst = await signIn(t.app, 'analyst@example.test');
  viewer = await signIn(t.app, 'viewer@example.test');
  researcher = await signIn(t.app, 'researcher@example.test');

  // An imported benchmark exists before the first measurement closes, so its comparisons use it.
  await inject(
    t.app,
    {
      method: 'POST',
      url: '/api/v1/questionnaires/social-safety/versions/1.0.0/benchmarks',
      headers: admin.headers,
      payload: { source: 'Test study 2025 (n = 1000)', scales: { psychological_safety: { n: 1000, mean: 50, sd: 20 } } },
    },
    201,
  );

  first = await measurementWithResponses(1, 'Social safety 2026');
  const before = await t.app.inject({ method: 'GET', url: `/api/v1/measurements/${first}/results`, headers: admin.headers });
  expect(before.statusCode).toBe(409);
  expect(before.json().error.code).toBe('RESULTS_NOT_AVAILABLE');
  await close(t.app, admin, first);
  for (const u of (await get(admin, `/api/v1/measurements/${first}/units`)).units as { id: string; code: string }[]) frozen[u.code] = u.id;

  clock.addDays(1);
  second = await measurementWithResponses(2, 'Social safety 2027');
  await close(t.app, admin, second);
}, 240_000);

afterAll(async () => {
  await t?.close();
});

describe('publishing at close', () => {
  it('stores one audited result set per closed measurement, with the scoring version', async () => {
    const rows = (await t.app.db.selectFrom('measurement_results').select(['measurement_id', 'scoring_version', 'audit']).orderBy('computed_at').execute()) as {
      measurement_id: string;
      scoring_version: string;
      audit: { ok: boolean; families: number; responses: number };
    }[];
    expect(rows.map((r) => r.measurement_id)).toEqual([first, second]);
    expect(rows[0]!.scoring_version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(rows[0]!.audit.ok).toBe(true);
    expect(rows[0]!.audit.families).toBeGreaterThan(1);
    expect(rows[0]!.audit.responses).toBe(16);
  });

  it('publishes a set the independent auditor finds no leak in', async () => {
    const audit = auditPublishedResults(await stored(first));
    expect(audit.leaks).toEqual([]);
    expect(audit.ok).toBe(true);
  });

  it('recomputes to identical results', async () => {
    const before = await stored(first);
    const res = await inject(t.app, { method: 'POST', url: `/api/v1/measurements/${first}/results/recompute`, headers: admin.headers }, 200);
    expect(res.json().identicalToPrevious).toBe(true);
    expect(await stored(first)).toEqual(before);
  });

  it('refuses to recompute a measurement that is not closed', async () => {
    const draft = await createMeasurement(t.app, admin, organisationId, { title: 'Draft', opensAt: '2026-12-20', closesAt: '2026-12-30' });
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/measurements/${draft}/results/recompute`, headers: admin.headers });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('MEASUREMENT_NOT_OPEN');
  });
});

describe('the heatmap', () => {
  it('shows the tree with complementary suppression and nothing of a hidden cell', async () => {
    const body = await get(admin, `/api/v1/measurements/${first}/results/heatmap?depth=2`);
    type Row = { code: string; responses: object; cells: object[] };
    const rows = body.rows as Row[];
    const row = (code: string) => rows.find((r) => r.code === code)!;
    const byCode = { ROOT: row('ROOT'), OPS: row('OPS'), SALES: row('SALES'), NORTH: row('NORTH'), SOUTH: row('SOUTH') };
    expect(rows.map((r) => r.code)).toEqual(['ROOT', 'OPS', 'SALES', 'NORTH', 'SOUTH']);
    expect(byCode.ROOT.responses).toEqual({ n: 16 });
    expect(byCode.OPS.responses).toEqual({ n: 7 });
    expect(byCode.SOUTH.responses).toEqual({ hidden: true });
    // SALES - NORTH would be SOUTH: one of them is hidden too.
    const salesOrNorthHidden = [byCode.SALES.responses, byCode.NORTH.responses].filter((r) => 'hidden' in r);
    expect(salesOrNorthHidden.length).toBeGreaterThanOrEqual(1);
    for (const cell of byCode.SOUTH.cells) expect(cell).toEqual({ hidden: true });
    expect(body.columns.length).toBeGreaterThan(10);
    expect(byCode.ROOT.cells).toHaveLength(body.columns.length);
    for (const count of countsIn(body)) expect(count.n, count.path).toBeGreaterThanOrEqual(K);
  });

  it('gives each metric: mean with its interval, % favourable, differences with the organisation and the benchmark', async () => {
    const column = async (metric: string) => {
      const body = await get(admin, `/api/v1/measurements/${first}/results/heatmap?depth=1&metric=${metric}`);
      const index = (body.columns as { scaleId: string }[]).findIndex((c) => c.scaleId === 'psychological_safety');
      return Object.fromEntries((body.rows as { code: string; cells: Record<string, unknown>[] }[]).map((r) => [r.code, r.cells[index]!]));
    };
    const mean = await column('mean');
    const root = mean.ROOT as { value: number; n: number; ci: [number, number] };
    expect(root.n).toBe(16);
    expect(root.ci[0]).toBeLessThan(root.value);
    expect(root.ci[1]).toBeGreaterThan(root.value);
    const favourable = await column('favourable');
    expect((favourable.ROOT as { value: number }).value).toBeGreaterThanOrEqual(0);
    const vsOrganisation = await column('vsOrganisation');
    const ops = mean.OPS as { value: number };
    expect((vsOrganisation.OPS as { value: number }).value).toBeCloseTo(ops.value - root.value, 1);
    expect((vsOrganisation.ROOT as { value: number | null }).value).toBeNull();
    const vsBenchmark = await column('vsBenchmark');
    expect((vsBenchmark.OPS as { value: number }).value).toBeCloseTo(ops.value - 50, 1);
  });

  it('answers a wrong query with a 400 that says what is wrong', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/measurements/${first}/results/heatmap?metric=median`, headers: admin.headers });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/metric/);
    const unknownUnit = await t.app.inject({
      method: 'GET',
      url: `/api/v1/measurements/${first}/results/heatmap?root=${crypto.randomUUID()}`,
      headers: admin.headers,
    });
    expect(unknownUnit.statusCode).toBe(404);
  });
});

describe('unit details, behaviour and trends', () => {
  it('gives a unit every scale with its distribution, the cuts that passed, and reliability', async () => {
    const body = await get(admin, `/api/v1/measurements/${first}/results/units/${frozen.ROOT}?lang=en`);
    expect(body.unit.code).toBe('ROOT');
    const ps = (body.scales as { scaleId: string; figure: { kind: string; distribution: number[] }; categories: string[]; cuts: { result: unknown }[] }[]).find(
      (s) => s.scaleId === 'psychological_safety',
    )!;
    expect(ps.figure.kind).toBe('mean');
    expect(ps.categories).toHaveLength(5);
    // Shares are rounded to 4 decimals each.
    expect(ps.figure.distribution.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    expect(ps.cuts.map((c) => c).length).toBe(1);
    expect(body.reliability.length).toBeGreaterThan(0);
    for (const count of countsIn(body)) expect(count.n, count.path).toBeGreaterThanOrEqual(count.proportion ? K_SENSITIVE : K);
  });

  it('shows a hidden unit as hidden and nothing else', async () => {
    const body = await get(admin, `/api/v1/measurements/${first}/results/units/${frozen.SOUTH}`);
    expect(body.responses).toEqual({ hidden: true });
    for (const scale of body.scales as { figure: unknown; cuts: { result: unknown }[] }[]) {
      expect(scale.figure).toEqual({ hidden: true });
      for (const cut of scale.cuts) expect(cut.result).toEqual({ hidden: true });
    }
    expect(countsIn(body)).toEqual([]);
  });

  it('publishes behaviour prevalence only from k_sensitive, with Wilson intervals', async () => {
    const body = await get(admin, `/api/v1/measurements/${first}/results/behaviour`);
    const rows = Object.fromEntries((body.rows as { code: string; figures: Record<string, { kind?: string; percent?: number; ci?: number[] }> }[]).map((r) => [r.code, r]));
    const any = rows.ROOT!.figures['behaviour:experienced:any']!;
    expect(any.kind).toBe('proportion');
    expect(any.ci![0]).toBeLessThanOrEqual(any.percent!);
    expect(rows.OPS!.figures['behaviour:experienced:any']).toEqual({ hidden: true });
    expect((body.indicators as { group: string }[]).map((i) => i.group)).toEqual(expect.arrayContaining(['any', 'category', 'source']));
    const counts = countsIn(body);
    expect(counts.filter((c) => c.proportion).length).toBeGreaterThan(0);
    for (const count of counts) expect(count.n, count.path).toBeGreaterThanOrEqual(count.proportion ? K_SENSITIVE : K);
  });

  it('follows a unit into the later measurement through the live unit it was copied from', async () => {
    const units = (await get(admin, `/api/v1/measurements/${second}/units`)).units as { id: string; code: string }[];
    const ops = units.find((u) => u.code === 'OPS')!.id;
    const body = await get(admin, `/api/v1/measurements/${second}/results/trend?unitId=${ops}`);
    expect(body.points.map((p: { measurementId: string }) => p.measurementId)).toEqual([first, second]);
    const ps = (body.series as { scaleId: string; values: ({ kind: string; n: number } | null)[]; change: unknown }[]).find((s) => s.scaleId === 'psychological_safety')!;
    expect(ps.values.map((v) => v?.n)).toEqual([7, 7]);
    expect(ps.change).toEqual(expect.objectContaining({ difference: expect.any(Number) }));
  });
});

describe('who sees what', () => {
  it('narrows a unit viewer to their subtree', async () => {
    const overview = await get(viewer, `/api/v1/measurements/${first}/results`);
    expect(overview.roots).toEqual([frozen.SALES]);
    expect((overview.units as { code: string }[]).map((u) => u.code).sort()).toEqual(['NORTH', 'SALES', 'SOUTH']);
    const heatmap = await get(viewer, `/api/v1/measurements/${first}/results/heatmap?root=${frozen.SALES}&depth=3`);
    expect((heatmap.rows as { code: string }[]).map((r) => r.code)).toEqual(['SALES', 'NORTH', 'SOUTH']);
    for (const url of [
      `/api/v1/measurements/${first}/results/heatmap?root=${frozen.OPS}`,
      `/api/v1/measurements/${first}/results/heatmap?root=${frozen.ROOT}`,
      `/api/v1/measurements/${first}/results/heatmap`,
      `/api/v1/measurements/${first}/results/units/${frozen.OPS}`,
      `/api/v1/measurements/${first}/results/behaviour?root=${frozen.ROOT}`,
      `/api/v1/measurements/${first}/results/trend?unitId=${frozen.OPS}`,
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: viewer.headers });
      expect(res.statusCode, url).toBe(403);
    }
  });

  it('lets analysts read everything and researchers nothing', async () => {
    await get(analyst, `/api/v1/measurements/${first}/results/heatmap?depth=2`);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/measurements/${first}/results/heatmap`, headers: researcher.headers });
    expect(res.statusCode).toBe(403);
  });

  it('writes every view to the audit log', async () => {
    const rows = await t.app.db.selectFrom('audit_events').select('details').where('action', '=', 'results.read').where('target_id', '=', first).execute();
    expect(new Set(rows.map((r) => (r.details as { view: string }).view))).toEqual(new Set(['overview', 'heatmap', 'unit', 'behaviour']));
  });
});

describe('benchmarks', () => {
  it('refuses values for a scale the version does not have, naming it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/questionnaires/social-safety/versions/1.0.0/benchmarks',
      headers: admin.headers,
      payload: { source: 'x', scales: { no_such_scale: { n: 10, mean: 50, sd: 10 } } },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/no_such_scale/);
  });

  it('lists imported benchmarks and no deployment benchmark below 5 organisations', async () => {
    const body = await get(admin, '/api/v1/questionnaires/social-safety/versions/1.0.0/benchmarks');
    expect(body.external[0].source).toBe('Test study 2025 (n = 1000)');
    expect(body.deployment).toBeNull();
  });
});
