import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helper';
import { createMeasurement, inject, LONG_SESSIONS, makeLinks, openMeasurement, submit, TestClock } from './measurement-fixtures';
import { links, surveyWorld, VALID, type SurveyWorld } from './survey-fixtures';

let t: TestApp;
let w: SurveyWorld;
const clock = new TestClock();

const responses = (measurementId = w.open) => t.app.db.selectFrom('responses').selectAll().where('measurement_id', '=', measurementId).execute();
const statusOf = async (measurementId: string) =>
  (await t.app.db.selectFrom('invitations').select('status').where('measurement_id', '=', measurementId).execute()).map((r) => r.status);

beforeAll(async () => {
  t = await startTestApp(undefined, LONG_SESSIONS, { now: clock.now });
  w = await surveyWorld(t.app, clock);
});
afterAll(async () => {
  await t?.close();
});

describe('submitting', () => {
  it('stores the response with its date only, uses up the link, and answers a retry with the same receipt', async () => {
    const measurement = await createMeasurement(t.app, w.admin, w.organisationId, { questionnaire: { key: 'social-safety', version: '1.1.0' } });
    await openMeasurement(t.app, w.admin, measurement);
    const [token] = await makeLinks(t.app, w.admin, measurement, 'NORTH');
    const body = { submissionId: crypto.randomUUID(), language: 'en', answers: VALID(w.requiredItem) };

    const first = await submit(t.app, token!, body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.json()).toEqual({ receipt: expect.stringMatching(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/), submittedOn: '2026-12-10' });

    clock.addDays(1);
    const retry = await submit(t.app, token!, body);
    clock.addDays(-1);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());

    const stored = await responses(measurement);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ language: 'en', answers: VALID(w.requiredItem), demographics: {}, submitted_on: '2026-12-10' });
    expect(JSON.stringify(stored[0])).not.toContain(body.submissionId);
    expect(await statusOf(measurement)).toEqual(['used']);
  });

  it('lets exactly one of five simultaneous submissions with one link through', async () => {
    const [token] = await links(t.app, w);
    const before = (await responses()).length;
    const results = await Promise.all(Array.from({ length: 5 }, () => submit(t.app, token!, { answers: VALID(w.requiredItem) })));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().error.code).toBe('INVITATION_USED');
    expect((await responses()).length).toBe(before + 1);
  });

  it('stores one response when the same submission arrives three times at once', async () => {
    const [token] = await links(t.app, w);
    const before = (await responses()).length;
    const body = { submissionId: crypto.randomUUID(), answers: VALID(w.requiredItem) };
    const results = await Promise.all([1, 2, 3].map(() => submit(t.app, token!, body)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(results.map((r) => r.json().receipt)).size).toBe(1);
    expect((await responses()).length).toBe(before + 1);
  });

  it('does not let one submission id serve two personal links', async () => {
    const [a, b] = await links(t.app, w, 2);
    const submissionId = crypto.randomUUID();
    expect((await submit(t.app, a!, { submissionId, answers: VALID(w.requiredItem) })).statusCode).toBe(201);
    const reused = await submit(t.app, b!, { submissionId, answers: VALID(w.requiredItem) });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('SUBMISSION_ID_TAKEN');
    expect((await submit(t.app, b!, { answers: VALID(w.requiredItem) })).statusCode).toBe(201);
  });
});

describe('an open link', () => {
  it('takes many submissions, each with its own submission id, and recognises a retry', async () => {
    const [shared] = await makeLinks(t.app, w.admin, w.open, 'SOUTH', 1, 'open');
    const before = (await responses()).length;
    const one = { submissionId: crypto.randomUUID(), answers: VALID(w.requiredItem) };
    const results = await Promise.all([
      submit(t.app, shared!, one),
      submit(t.app, shared!, { answers: VALID(w.requiredItem) }),
      submit(t.app, shared!, { answers: VALID(w.requiredItem) }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect((await submit(t.app, shared!, one)).statusCode).toBe(200);
    expect((await responses()).length).toBe(before + 3);
    const south = await t.app.db
      .selectFrom('invitations')
      .select(['status', 'used_on'])
      .where('measurement_id', '=', w.open)
      .where('kind', '=', 'open')
      .execute();
    expect(south).toEqual([{ status: 'issued', used_on: null }]);
  });

  it('stores one response when the same submission arrives four times at once', async () => {
    const [shared] = await makeLinks(t.app, w.admin, w.open, 'OPS', 1, 'open');
    const before = (await responses()).length;
    const body = { submissionId: crypto.randomUUID(), answers: VALID(w.requiredItem) };
    const results = await Promise.all([1, 2, 3, 4].map(() => submit(t.app, shared!, body)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(results.map((r) => JSON.stringify(r.json()))).size).toBe(1);
    expect((await responses()).length).toBe(before + 1);
  });
});

describe('closing', () => {
  it('deletes drafts and rewrites responses so that no response shares a transaction stamp with a used link', async () => {
    const measurement = await createMeasurement(t.app, w.admin, w.organisationId, { questionnaire: { key: 'social-safety', version: '1.1.0' } });
    await openMeasurement(t.app, w.admin, measurement);
    const tokens = await makeLinks(t.app, w.admin, measurement, 'NORTH', 4);
    for (const token of tokens.slice(0, 3)) expect((await submit(t.app, token, { answers: VALID(w.requiredItem) })).statusCode).toBe(201);
    await inject(t.app, { method: 'PUT', url: `/api/v1/survey/${tokens[3]}/draft`, payload: { language: 'nl', answers: {} } }, 200);

    // PostgreSQL's xmin: the transaction that wrote the row version. Submit writes the response and uses up the link
    // in one transaction, so until close they share it: exactly what the rewrite at close removes.
    const stamps = async () => {
      const { rows } = await sql<{ r: string[]; i: string[] }>`
        select (select array_agg(xmin::text) from responses where measurement_id = ${measurement}) as r,
               (select array_agg(xmin::text) from invitations where measurement_id = ${measurement} and status = 'used') as i`.execute(t.app.db);
      return { responses: rows[0]!.r, used: rows[0]!.i };
    };
    const open = await stamps();
    expect(open.responses.filter((x) => open.used.includes(x))).toHaveLength(3);

    await inject(t.app, { method: 'POST', url: `/api/v1/measurements/${measurement}/close`, headers: w.admin.headers }, 200);
    const closed = await stamps();
    expect(closed.responses).toHaveLength(3);
    expect(closed.responses.filter((x) => closed.used.includes(x))).toEqual([]);
    expect(new Set(closed.responses).size).toBe(1);
    expect(await t.app.db.selectFrom('drafts').select('token_hash').where('measurement_id', '=', measurement).execute()).toEqual([]);
  });
});
