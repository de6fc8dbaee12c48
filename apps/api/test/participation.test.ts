import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helper';
import { ANSWERS, createMeasurement, LONG_SESSIONS, makeLinks, openMeasurement, submit, TestClock, TREE } from './measurement-fixtures';
import { createOrganisation, createUser, grantRole, importUnits, signIn, signInAdmin, type Session } from './sessions';

let t: TestApp;
let admin: Session;
let viewer: Session;
let analyst: Session;
let measurement = '';

interface Row {
  code: string;
  parentId: string | null;
  invited: number;
  openLink: boolean;
  responded: number | null;
  rate: number | null;
}

const participation = async (who: Session) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/measurements/${measurement}/participation`, headers: who.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { k: number; status: string; units: Row[] };
};
const byCode = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.code, r]));

/** Sends `n` responses with personal links of a unit made for the purpose (plus `extra` links left unused). */
async function respond(unitCode: string, n: number, extra = 0) {
  const tokens = await makeLinks(t.app, admin, measurement, unitCode, n + extra);
  for (const token of tokens.slice(0, n)) expect((await submit(t.app, token, { answers: ANSWERS })).statusCode).toBe(201);
}

beforeAll(async () => {
  t = await startTestApp(undefined, LONG_SESSIONS, { now: new TestClock().now });
  admin = await signInAdmin(t.app);
  const org = await createOrganisation(t.app, admin, 'Acme');
  const live = await importUnits(t.app, admin, org, TREE);
  for (const [email, role, unit] of [
    ['viewer@example.test', 'unit_viewer', live.SALES],
    ['analyst@example.test', 'analyst', undefined],
  ] as const) {
    await createUser(t.app, admin, email);
    await grantRole(t.app, admin, org, email, role, unit);
  }
  viewer = await signIn(t.app, 'viewer@example.test');
  analyst = await signIn(t.app, 'analyst@example.test');
  measurement = await createMeasurement(t.app, admin, org);
  await openMeasurement(t.app, admin, measurement);
  // NORTH 6 of 10, SOUTH 2 of 4, OPS 5 of 5: SALES 8 of 14, ROOT 13 of 19.
  await respond('NORTH', 6, 4);
  await respond('SOUTH', 2, 2);
  await respond('OPS', 5);
});
afterAll(async () => {
  await t?.close();
});

describe('participation', () => {
  it('shows subtree counts from k up, hides a count that would reveal a small group by subtraction, and rounds rates', async () => {
    const body = await participation(analyst);
    expect(body).toMatchObject({ status: 'open', k: 5 });
    const rows = byCode(body.units);
    expect(rows.ROOT).toMatchObject({ invited: 19, responded: 13, rate: 68, openLink: false });
    expect(rows.SALES).toMatchObject({ invited: 14, responded: 8, rate: 57 });
    expect(rows.OPS).toMatchObject({ invited: 5, responded: 5, rate: 100 });
    // NORTH has 6 >= k, but SALES (8) minus NORTH would give SOUTH's 2: NORTH is hidden too (rule 2).
    expect(rows.NORTH).toMatchObject({ invited: 10, responded: null, rate: null });
    expect(rows.SOUTH).toMatchObject({ invited: 4, responded: null, rate: null });
    // Every hidden cell looks the same: no "hidden because 6" vs "hidden because 2".
    const figures = ({ responded, rate, openLink }: Row) => ({ responded, rate, openLink });
    expect(figures(rows.NORTH!)).toEqual(figures(rows.SOUTH!));
  });

  it('shows a unit viewer only their subtree, with the same published counts', async () => {
    const rows = (await participation(viewer)).units;
    expect(rows.map((r) => r.code).sort()).toEqual(['NORTH', 'SALES', 'SOUTH']);
    expect(byCode(rows).SALES).toMatchObject({ parentId: null, responded: 8 });
    expect(byCode(rows).NORTH!.responded).toBeNull();
  });

  it('gives no rate where an open link is in use (anyone with it may answer)', async () => {
    await makeLinks(t.app, admin, measurement, 'OPS', 1, 'open');
    const rows = byCode((await participation(admin)).units);
    expect(rows.OPS).toMatchObject({ openLink: true, responded: 5, rate: null });
    expect(rows.ROOT).toMatchObject({ openLink: true, rate: null });
    expect(rows.SALES).toMatchObject({ openLink: false, rate: 57 });
  });

  it('is in the audit log as a view of the measurement', async () => {
    const events = await t.app.db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id'])
      .where('target_id', '=', measurement)
      .where('action', '=', 'participation.view')
      .execute();
    expect(events.map((e) => e.actor_user_id)).toEqual(expect.arrayContaining([analyst.userId, viewer.userId, admin.userId]));
  });

  it('offers no breakdown by day or hour', async () => {
    const body = JSON.stringify(await participation(admin));
    expect(body).not.toMatch(/20\d\d-\d\d-\d\d|T\d\d:\d\d/);
  });
});
