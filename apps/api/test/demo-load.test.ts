import { checkAnswers, socialSafety_1_0_0 as definition, type Answers } from '@socialsafety/instrument';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EMAIL, ensureDemoSignIn } from '../src/demo/demo-account';
import { firstRunDemo } from '../src/demo/first-run';
import { demoOrganisationName, type DemoOptions } from '../src/demo/options';
import { generateOrganisation } from '../src/demo/organisation';
import { planWave } from '../src/demo/responses';
import { startTestApp, type TestApp } from './helper';
import { signIn } from './sessions';

// Small, so the test stays quick; still two divisions, several teams, both measurements.
const OPTIONS: DemoOptions = { employees: 90, seed: 11, name: 'Zorggroep Test' };
const NAME = demoOrganisationName(OPTIONS.name);

/** stderr as the first run sees it when it is not a terminal (CI, a service manager). */
function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream: Object.assign(stream, { isTTY: false }), text: () => text };
}
const noInput = () => Object.assign(new PassThrough(), { isTTY: false });

let t: TestApp;
let lines: string[] = [];
let progress = '';

beforeAll(async () => {
  // Without ADMIN_EMAIL: the demo must make its own administrator.
  t = await startTestApp(undefined, { ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
  const stderr = capture();
  const outcome = await firstRunDemo(t.app, t.config, 'yes', { stdin: noInput(), stderr: stderr.stream }, OPTIONS);
  if (outcome.kind !== 'loaded') throw new Error(`expected the demo to load, got ${outcome.kind}: ${stderr.text()}`);
  lines = outcome.lines('http://localhost:3000');
  progress = stderr.text();
}, 180_000);
afterAll(async () => {
  await t?.close();
});

async function organisation() {
  return t.app.db.selectFrom('organisations').select(['id', 'name']).where('name', '=', NAME).executeTakeFirstOrThrow();
}

describe('first run with SOCIALSAFETY_DEMO=yes on an empty database', () => {
  it('loads the demo, shows progress as plain lines, and labels it as demo data', () => {
    expect(progress).toContain(`Creating "${NAME}"`);
    expect(progress).toMatch(/^ {2}100% {2}\d+ \/ \d+ responses$/m);
    expect(progress).not.toContain('\r');
    expect(lines.join('\n')).toContain('DEMO DATA: synthetic answers of invented employees');
    expect(lines.join('\n')).toContain(`Organisation  ${NAME}: 90 employees`);
  });

  it('prints a sign-in that works: a demo platform administrator who sees the demo organisation', async () => {
    const line = lines.find((l) => l.startsWith('Sign in at http://localhost:3000 as '));
    const password = /with the password (\S+)$/.exec(line ?? '')?.[1];
    expect(line).toContain(DEMO_EMAIL);
    expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const session = await signIn(t.app, DEMO_EMAIL, password!);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: session.headers });
    expect((res.json() as { organisations: { name: string }[] }).organisations.map((o) => o.name)).toEqual([NAME]);
    // ...and its results: a platform administrator needs a grant for those, and the demo gives one.
    const { id } = await organisation();
    const [latest] = (await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${id}/measurements`, headers: session.headers })).json().measurements as { id: string }[];
    const heatmap = await t.app.inject({ method: 'GET', url: `/api/v1/measurements/${latest!.id}/results/heatmap`, headers: session.headers });
    expect(heatmap.statusCode, heatmap.body).toBe(200);
    // A second load keeps that account and its password; with ADMIN_EMAIL set nothing is made.
    expect(await ensureDemoSignIn(t.app.db, undefined)).toEqual({ kind: 'existing', email: DEMO_EMAIL });
    expect(await ensureDemoSignIn(t.app.db, { email: 'ops@example.test' })).toEqual({ kind: 'configured', email: 'ops@example.test' });
  });

  it('writes the generated organisation: its unit tree, and two closed measurements a year apart', async () => {
    const expected = generateOrganisation({ ...OPTIONS, name: NAME });
    const { id } = await organisation();
    const units = await t.app.db.selectFrom('units').select(['code', 'name']).where('organisation_id', '=', id).execute();
    expect(units.map((u) => u.code).sort()).toEqual(expected.units.map((u) => u.code).sort());
    expect(units.find((u) => u.code === 'KP00')?.name).toBe(NAME);

    const measurements = await t.app.db
      .selectFrom('measurements')
      .select(['id', 'title', 'status', 'k', 'k_sensitive', 'opens_at', 'closes_at', 'demographics'])
      .where('organisation_id', '=', id)
      .orderBy('closes_at')
      .execute();
    expect(measurements.map((m) => [m.status, m.k, m.k_sensitive])).toEqual([
      ['closed', 5, 10],
      ['closed', 5, 10],
    ]);
    const [earlier, current] = measurements as [(typeof measurements)[number], (typeof measurements)[number]];
    expect((Date.parse(current.closes_at) - Date.parse(earlier.closes_at)) / 86_400_000).toBe(364);
    expect(earlier.title).toMatch(/^Sociale veiligheid \d{4} \(demo\)$/);
    expect(current.demographics).toEqual(definition.demographics.map((d) => d.id));

    for (const [wave, m] of [earlier, current].entries()) {
      const plan = planWave(expected, OPTIONS.seed, wave as 0 | 1);
      const perUnit = await t.app.db
        .selectFrom('responses as r')
        .innerJoin('measurement_units as u', 'u.id', 'r.measurement_unit_id')
        .select(['u.code', (eb) => eb.fn.countAll<string>().as('n')])
        .where('r.measurement_id', '=', m.id)
        .groupBy('u.code')
        .execute();
      const wanted = plan.teams.filter((p) => p.respondents > 0).map((p) => [p.team.code, p.respondents]);
      expect(perUnit.map((r) => [r.code, Number(r.n)]).sort()).toEqual(wanted.sort());

      const frozen = await t.app.db.selectFrom('measurement_units').select('id').where('measurement_id', '=', m.id).execute();
      expect(frozen).toHaveLength(expected.units.length);
      const links = await t.app.db
        .selectFrom('invitations')
        .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
        .where('measurement_id', '=', m.id)
        .groupBy('status')
        .execute();
      const byStatus = Object.fromEntries(links.map((l) => [l.status, Number(l.n)]));
      expect(byStatus).toEqual({ used: plan.total, issued: expected.employees - plan.total });
    }
  });

  it('stores responses the survey would accept, on days within their measurement', async () => {
    const rows = await t.app.db
      .selectFrom('responses as r')
      .innerJoin('measurements as m', 'm.id', 'r.measurement_id')
      .select(['r.answers', 'r.submitted_on', 'm.opens_at', 'm.closes_at'])
      .where('m.organisation_id', '=', (await organisation()).id)
      .execute();
    expect(rows.length).toBeGreaterThan(90);
    for (const row of rows) {
      expect(checkAnswers(definition, row.answers as Answers)).toEqual([]);
      expect(row.submitted_on >= row.opens_at && row.submitted_on <= row.closes_at).toBe(true);
    }
  });

  it('closes through the measurement service: results published, audited, with no person as the actor', async () => {
    const { id } = await organisation();
    const results = await t.app.db
      .selectFrom('measurement_results as r')
      .innerJoin('measurements as m', 'm.id', 'r.measurement_id')
      .select('r.audit')
      .where('m.organisation_id', '=', id)
      .execute();
    expect(results.map((r) => (r.audit as { ok: boolean }).ok)).toEqual([true, true]);
    const events = await t.app.db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id', 'details'])
      .where('organisation_id', '=', id)
      .where('action', 'in', ['organisation.create', 'units.import', 'measurement.create', 'measurement.open', 'measurement.close'])
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'organisation.create',
      'units.import',
      'measurement.create',
      'measurement.open',
      'measurement.close',
      'measurement.create',
      'measurement.open',
      'measurement.close',
    ]);
    expect(events.every((e) => e.actor_user_id === null)).toBe(true);
    expect(events.filter((e) => e.action === 'measurement.close').map((e) => (e.details as { automatic: boolean }).automatic)).toEqual([true, false]);
  });

  it('leaves a database that has organisations alone on the next start', async () => {
    const stderr = capture();
    const again = await firstRunDemo(t.app, t.config, 'yes', { stdin: noInput(), stderr: stderr.stream }, OPTIONS);
    expect(again).toEqual({ kind: 'none' });
    expect(stderr.text()).toBe('');
    const count = await t.app.db.selectFrom('organisations').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});
