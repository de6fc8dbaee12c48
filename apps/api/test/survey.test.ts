import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helper';
import { createMeasurement, inject, LONG_SESSIONS, makeLinks, openMeasurement, submit, TestClock } from './measurement-fixtures';
import { links, surveyWorld, VALID, type SurveyWorld } from './survey-fixtures';

let t: TestApp;
let w: SurveyWorld;
const clock = new TestClock();

const get = (token: string, query = '') => t.app.inject({ method: 'GET', url: `/api/v1/survey/${token}${query}` });
const saveDraft = (token: string, payload: object) => t.app.inject({ method: 'PUT', url: `/api/v1/survey/${token}/draft`, payload });

beforeAll(async () => {
  t = await startTestApp(undefined, LONG_SESSIONS, { now: clock.now });
  w = await surveyWorld(t.app, clock);
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/v1/survey/:token', () => {
  it('gives the measurement, the questionnaire in the first language, the asked demographics and the anonymity promise', async () => {
    const [token] = await links(t.app, w);
    const res = await get(token!);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toMatchObject({
      measurement: { title: 'Social safety 2026', opensAt: '2026-12-10', closesAt: '2026-12-20', k: 5, languages: ['nl', 'en'] },
      unit: { name: 'Sales north' },
      kind: 'personal',
      draftsAvailable: true,
      language: 'nl',
      draft: null,
      anonymity: { language: 'nl', title: 'Je antwoorden zijn anoniem' },
    });
    expect(typeof body.questionnaire.title).toBe('string');
    expect(body.questionnaire.demographics.map((d: { id: string }) => d.id)).toEqual(['age_band']);
    expect(body.anonymity.points.join(' ')).toContain('minstens 5 mensen');

    const en = (await get(token!, '?lang=en')).json();
    expect(en.language).toBe('en');
    expect(en.anonymity.title).toBe('Your answers are anonymous');
    expect(en.questionnaire.title).not.toBe(body.questionnaire.title);
    const de = await get(token!, '?lang=de');
    expect(de.statusCode).toBe(400);
    expect(de.json().error).toMatchObject({ code: 'LANGUAGE_NOT_AVAILABLE', details: { languages: ['nl', 'en'] } });
  });
});

describe('links that do not work', () => {
  it('answers 404 with a clear message for an unknown or a withdrawn link', async () => {
    const [token] = await links(t.app, w, 1, 'OPS');
    await inject(t.app, { method: 'POST', url: `/api/v1/measurements/${w.open}/invitations/revoke`, headers: w.admin.headers, payload: { unitCode: 'OPS' } }, 200);
    for (const tried of ['not-a-real-token', token!]) {
      for (const res of [await get(tried), await submit(t.app, tried), await saveDraft(tried, { language: 'nl', answers: {} })]) {
        expect(res.statusCode).toBe(404);
        expect(res.json().error).toMatchObject({ code: 'INVITATION_NOT_FOUND', message: expect.stringMatching(/does not work/) });
      }
    }
  });

  it('answers 410 before the first day, in a draft, and after close', async () => {
    const draft = await createMeasurement(t.app, w.admin, w.organisationId);
    const [early] = await makeLinks(t.app, w.admin, draft, 'NORTH');
    const future = await createMeasurement(t.app, w.admin, w.organisationId, { opensAt: '2026-12-15', closesAt: '2026-12-31' });
    const [later] = await makeLinks(t.app, w.admin, future, 'NORTH');
    await openMeasurement(t.app, w.admin, future);
    const done = await createMeasurement(t.app, w.admin, w.organisationId);
    await openMeasurement(t.app, w.admin, done);
    const [late] = await makeLinks(t.app, w.admin, done, 'NORTH');
    await inject(t.app, { method: 'POST', url: `/api/v1/measurements/${done}/close`, headers: w.admin.headers }, 200);

    for (const res of [await get(early!), await submit(t.app, early!)]) {
      expect(res.statusCode).toBe(410);
      expect(res.json().error).toMatchObject({ code: 'MEASUREMENT_NOT_OPEN', message: expect.stringMatching(/not started yet/) });
    }
    expect((await get(later!)).json().error).toMatchObject({ code: 'MEASUREMENT_NOT_OPEN', details: { opensAt: '2026-12-15' } });
    for (const res of [await get(late!), await submit(t.app, late!), await saveDraft(late!, { language: 'nl', answers: {} })]) {
      expect(res.statusCode).toBe(410);
      expect(res.json().error).toMatchObject({ code: 'MEASUREMENT_CLOSED', message: expect.stringMatching(/has closed/) });
    }
  });

  it('says a personal link was used, and refuses it with another submission id', async () => {
    const [token] = await links(t.app, w);
    expect((await submit(t.app, token!, { answers: VALID(w.requiredItem) })).statusCode).toBe(201);
    const again = await submit(t.app, token!, { answers: VALID(w.requiredItem) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVITATION_USED');
    expect((await get(token!)).json().error.code).toBe('INVITATION_USED');
    expect((await saveDraft(token!, { language: 'nl', answers: {} })).statusCode).toBe(409);
  });
});

describe('checking answers', () => {
  it('lists every problem, each naming its item, and stores nothing', async () => {
    const [token] = await links(t.app, w);
    const res = await submit(t.app, token!, {
      answers: { nope: 1, ps_mistakes_remembered: 9, ub_exp_general_source: [1], ps_learn_from_mistakes: { dontKnow: true } },
      demographics: { gender: 1, age_band: 77 },
    });
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('ANSWERS_INVALID');
    expect(error.details.issues).toEqual(
      expect.arrayContaining([
        { itemId: 'nope', message: "unknown item 'nope'" },
        { itemId: w.requiredItem, message: 'required item not answered' },
        { itemId: 'ps_mistakes_remembered', message: '9 is not an answer of this item' },
        { itemId: 'ub_exp_general_source', message: expect.stringMatching(/condition is not met/) },
        { itemId: 'ps_learn_from_mistakes', message: expect.stringMatching(/don't know/) },
        { itemId: 'gender', message: "demographic 'gender' is not asked in this measurement" },
        { itemId: 'age_band', message: '77 is not an option of this question' },
      ]),
    );
    expect(error.details.total).toBe(7);
    expect((await get(token!)).statusCode).toBe(200);
  });

  it('refuses a language the measurement does not offer', async () => {
    const [token] = await links(t.app, w);
    const res = await submit(t.app, token!, { language: 'fr', answers: VALID(w.requiredItem) });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('LANGUAGE_NOT_AVAILABLE');
  });

  it('refuses a malformed submission id or answer with 400', async () => {
    const [token] = await links(t.app, w);
    expect((await submit(t.app, token!, { submissionId: 'not-a-uuid' })).statusCode).toBe(400);
    expect((await submit(t.app, token!, { answers: { ps_raise_problems: 1.5 } })).statusCode).toBe(400);
  });
});

describe('drafts', () => {
  it('saves partial answers, gives them back, and deletes them on submit', async () => {
    const [token] = await links(t.app, w);
    const partial = { language: 'en', answers: { ps_mistakes_remembered: 3 }, demographics: { age_band: 2 } };
    const saved = await saveDraft(token!, partial);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().updatedAt).toBe(clock.now().toISOString());
    const resumed = (await get(token!)).json();
    expect(resumed.draft).toMatchObject({ language: 'en', answers: { ps_mistakes_remembered: 3 }, demographics: { age_band: 2 } });

    const bad = await saveDraft(token!, { language: 'en', answers: { ps_mistakes_remembered: 8, ghost: 1 } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.issues.map((i: { itemId: string }) => i.itemId).sort()).toEqual(['ghost', 'ps_mistakes_remembered']);

    expect(await t.app.db.selectFrom('drafts').select('token_hash').execute()).toHaveLength(1);
    expect((await submit(t.app, token!, { answers: VALID(w.requiredItem), demographics: { age_band: 2 } })).statusCode).toBe(201);
    expect(await t.app.db.selectFrom('drafts').select('token_hash').execute()).toHaveLength(0);
  });

  it('are not available with an open link, which others share', async () => {
    const [shared] = await makeLinks(t.app, w.admin, w.open, 'SOUTH', 1, 'open');
    const body = (await get(shared!)).json();
    expect(body).toMatchObject({ kind: 'open', draftsAvailable: false, draft: null });
    const res = await saveDraft(shared!, { language: 'nl', answers: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DRAFTS_NOT_AVAILABLE');
  });
});
