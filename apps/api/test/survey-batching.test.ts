import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseBusy, isDatabaseUnavailable } from '../src/lib/database-errors';
import { submissionHash, tokenHash } from '../src/lib/survey-secrets';
import { preparedRunner } from '../src/repositories/prepared';
import { surveyRepository } from '../src/repositories/survey';
import { submitResponses, type SubmissionInput } from '../src/repositories/survey-submission';
import { startTestApp, type TestApp } from './helper';
import { inject, LONG_SESSIONS, makeLinks, submit, TestClock } from './measurement-fixtures';
import { links, submissionInput, surveyWorld, VALID, type SurveyWorld } from './survey-fixtures';

let t: TestApp;
let w: SurveyWorld;
const clock = new TestClock();

const storedCount = async () =>
  Number((await t.app.db.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).where('measurement_id', '=', w.open).executeTakeFirstOrThrow()).n);
const linkStatus = async (token: string) =>
  (await t.app.db.selectFrom('invitations').select('status').where('token_hash', '=', tokenHash(token)).executeTakeFirstOrThrow()).status;
const hasDraft = async (token: string) =>
  (await t.app.db.selectFrom('drafts').select('token_hash').where('token_hash', '=', tokenHash(token)).execute()).length === 1;

beforeAll(async () => {
  t = await startTestApp(undefined, LONG_SESSIONS, { now: clock.now });
  w = await surveyWorld(t.app, clock);
});
afterAll(async () => {
  await t?.close();
});

describe('submissions arriving together', () => {
  it('are stored in shared statements, each decided as if it had come alone', async () => {
    const personal = await links(t.app, w, 12);
    const [shared] = await makeLinks(t.app, w.admin, w.open, 'SOUTH', 1, 'open');
    const body = (submissionId: string = crypto.randomUUID()) => ({ submissionId, answers: VALID(w.requiredItem), demographics: { age_band: 3 } });
    const twice = [crypto.randomUUID(), crypto.randomUUID()];
    const before = await storedCount();
    const batchesBefore = t.app.survey.submissionBatches();

    const requests = [
      ...personal.map((token) => ({ group: 'personal', token, body: body() })),
      // A second person with three of those links: of each pair exactly one gets through.
      ...personal.slice(0, 3).map((token) => ({ group: 'personal again', token, body: body() })),
      ...Array.from({ length: 10 }, () => ({ group: 'open', token: shared!, body: body() })),
      // The same submission three times at once (a browser retrying): stored once, one receipt.
      ...twice.flatMap((id) => [1, 2, 3].map(() => ({ group: `retry ${id}`, token: shared!, body: body(id) }))),
      { group: 'unknown', token: 'no-such-link-0000000000000000', body: body() },
    ];
    const answered = await Promise.all(requests.map(async (r) => ({ ...r, res: await submit(t.app, r.token, r.body) })));

    const codes = (group: string) => answered.filter((a) => a.group === group).map((a) => a.res.statusCode);
    const personalPairs = personal.slice(0, 3).map((token) =>
      answered
        .filter((a) => a.token === token)
        .map((a) => a.res.statusCode)
        .sort(),
    );
    expect(personalPairs).toEqual([
      [201, 409],
      [201, 409],
      [201, 409],
    ]);
    expect(codes('personal').slice(3)).toEqual(Array(9).fill(201));
    expect(codes('open')).toEqual(Array(10).fill(201));
    for (const id of twice) {
      expect(codes(`retry ${id}`).sort()).toEqual([200, 200, 201]);
      expect(new Set(answered.filter((a) => a.group === `retry ${id}`).map((a) => a.res.body)).size).toBe(1);
    }
    expect(codes('unknown')).toEqual([404]);
    for (const a of answered.filter((x) => x.res.statusCode === 409)) expect(a.res.json().error.code).toBe('INVITATION_USED');
    expect(await storedCount()).toBe(before + 12 + 10 + 2);
    for (const token of personal) expect(await linkStatus(token)).toBe('used');

    // They did share statements: fewer statements than submissions, and at least one held several.
    const batches = t.app.survey.submissionBatches();
    const items = batches.items - batchesBefore.items;
    expect(items).toBeGreaterThanOrEqual(12 + 3 + 10 + 6);
    expect(batches.batches - batchesBefore.batches).toBeLessThan(items);
  });
});

describe('one statement for several submissions (submitResponses)', () => {
  const input = (token: string, submissionId: string, personal: boolean, today = '2026-12-10'): SubmissionInput => ({
    tokenHash: tokenHash(token),
    measurementId: w.open,
    personal,
    language: 'nl',
    answers: VALID(w.requiredItem),
    demographics: {},
    submissionHash: submissionHash(submissionId),
    today,
  });
  const run = (inputs: SubmissionInput[]) => submitResponses(t.app.db, preparedRunner(t.app.pg.pool), inputs);

  it('decides every kind of personal submission in one batch as it would alone', async () => {
    const [fresh, submitted, taken, used, withDraft] = await links(t.app, w, 5);
    const [revoked] = await links(t.app, w, 1, 'OPS');
    await inject(t.app, { method: 'POST', url: `/api/v1/measurements/${w.open}/invitations/revoke`, headers: w.admin.headers, payload: { unitCode: 'OPS' } }, 200);
    const [shared] = await makeLinks(t.app, w.admin, w.open, 'SALES', 1, 'open');
    const earlier = crypto.randomUUID();
    const onShared = crypto.randomUUID();
    expect((await submit(t.app, submitted!, { submissionId: earlier, answers: VALID(w.requiredItem) })).statusCode).toBe(201);
    expect((await submit(t.app, used!, { answers: VALID(w.requiredItem) })).statusCode).toBe(201);
    expect((await submit(t.app, shared!, { submissionId: onShared, answers: VALID(w.requiredItem) })).statusCode).toBe(201);
    for (const token of [withDraft!, taken!]) {
      await inject(t.app, { method: 'PUT', url: `/api/v1/survey/${token}/draft`, payload: { language: 'nl', answers: {} } }, 200);
    }
    const before = await storedCount();

    const outcomes = await run([
      input(fresh!, crypto.randomUUID(), true),
      input(submitted!, earlier, true),
      input(taken!, onShared, true),
      input(used!, crypto.randomUUID(), true),
      input(revoked!, crypto.randomUUID(), true),
      input('never-issued', crypto.randomUUID(), true),
      input(withDraft!, crypto.randomUUID(), true),
    ]);

    expect(outcomes).toEqual([
      { kind: 'created', submittedOn: '2026-12-10', linkKind: 'personal' },
      { kind: 'retry', submittedOn: '2026-12-10', linkKind: 'personal' },
      { kind: 'submission_id_taken' },
      { kind: 'used' },
      { kind: 'not_found' },
      { kind: 'not_found' },
      { kind: 'created', submittedOn: '2026-12-10', linkKind: 'personal' },
    ]);
    expect(await storedCount()).toBe(before + 2);
    expect(await linkStatus(fresh!)).toBe('used');
    expect(await linkStatus(withDraft!)).toBe('used');
    expect(await linkStatus(taken!)).toBe('issued');
    // The draft goes with the response it became; a link that stored nothing keeps its draft.
    expect(await hasDraft(withDraft!)).toBe(false);
    expect(await hasDraft(taken!)).toBe(true);
  });

  it('decides open-link submissions, several on one link, and refuses them all before the first day and after the last', async () => {
    const [shared] = await makeLinks(t.app, w.admin, w.open, 'ROOT', 1, 'open');
    const earlier = crypto.randomUUID();
    expect((await submit(t.app, shared!, { submissionId: earlier, answers: VALID(w.requiredItem) })).statusCode).toBe(201);
    const before = await storedCount();

    expect(
      await run([
        input(shared!, crypto.randomUUID(), false),
        input(shared!, earlier, false),
        input(shared!, crypto.randomUUID(), false),
        input('never-issued', crypto.randomUUID(), false),
      ]),
    ).toEqual([
      { kind: 'created', submittedOn: '2026-12-10', linkKind: 'open' },
      { kind: 'retry', submittedOn: '2026-12-10', linkKind: 'open' },
      { kind: 'created', submittedOn: '2026-12-10', linkKind: 'open' },
      { kind: 'not_found' },
    ]);
    expect(await storedCount()).toBe(before + 2);

    // The measurement runs from 2026-12-10 to 2026-12-20; each submission is judged by its own day.
    const fresh = crypto.randomUUID();
    expect(
      await run([input(shared!, fresh, false, '2026-12-09'), input(shared!, crypto.randomUUID(), false, '2026-12-21'), input(shared!, crypto.randomUUID(), false, '2026-12-11')]),
    ).toEqual([{ kind: 'not_open', opensAt: '2026-12-10' }, { kind: 'closed' }, { kind: 'created', submittedOn: '2026-12-11', linkKind: 'open' }]);
    expect(await storedCount()).toBe(before + 3);
  });

  it('stores each submission of a batch with its own answers and demographics, text exactly as sent', async () => {
    const texts = ['quote " and backslash \\ and \\u0041', 'line\nbreak\ttab', 'émoji 🙂 and ½', '{"looks":"like json"}', ''];
    const personal = await links(t.app, w, texts.length);
    const inputs = texts.map((text, n) => ({
      ...input(personal[n]!, crypto.randomUUID(), true),
      answers: { ...VALID(w.requiredItem), note: text, list: [n, `${n}`], nested: { dontKnow: n % 2 === 0 } },
      demographics: { age_band: n + 1 },
    }));

    expect((await run(inputs)).map((outcome) => outcome.kind)).toEqual(texts.map(() => 'created'));

    for (const sent of inputs) {
      const row = await t.app.db
        .selectFrom('responses')
        .select(['answers', 'demographics'])
        .where('measurement_id', '=', w.open)
        .where('submission_hash', '=', sent.submissionHash)
        .executeTakeFirstOrThrow();
      expect(row.answers).toEqual(sent.answers);
      expect(row.demographics).toEqual(sent.demographics);
    }
  });

  it('refuses a batch that mixes measurements or kinds of link, before writing anything', async () => {
    const [token] = await links(t.app, w, 1);
    const before = await storedCount();
    await expect(run([input(token!, crypto.randomUUID(), true), input(token!, crypto.randomUUID(), false)])).rejects.toThrow('one measurement and one kind of link');
    await expect(run([input(token!, crypto.randomUUID(), true), { ...input(token!, crypto.randomUUID(), true), measurementId: crypto.randomUUID() }])).rejects.toThrow(
      'one measurement and one kind of link',
    );
    expect(await run([])).toEqual([]);
    expect(await storedCount()).toBe(before);
  });
});

describe('a batch that cannot be stored', () => {
  it('stores nothing of it, and then each of its submissions goes again on its own', async () => {
    // A repository of its own, so that the test decides what queues behind what (one lane: the first goes alone,
    // the three after it wait and go together).
    const repository = surveyRepository(t.app.db, preparedRunner(t.app.pg.pool), { submitLanes: 1, submitWaitMs: 5_000 });
    const [shared] = await makeLinks(t.app, w.admin, w.open, 'NORTH', 1, 'open');
    const good = (n: number) => ({ ...inputFor(shared!), answers: { ...VALID(w.requiredItem), note: `good ${n}` } });
    // PostgreSQL cannot store U+0000 in jsonb: the batch statement holding it fails as a whole. (The HTTP layer
    // refuses such text before it gets here; this reaches the repository directly to make a batch fail.)
    const bad = { ...inputFor(shared!), answers: { text: 'a\u0000b' } };
    const before = await storedCount();

    const settled = await Promise.allSettled([good(0), good(1), bad, good(2)].map((i) => repository.submit(i)));

    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value.kind : 'rejected'))).toEqual(['created', 'created', 'rejected', 'created']);
    expect(await storedCount()).toBe(before + 3);
    expect(repository.submissionBatches()).toEqual({ batches: 2, items: 4, largest: 3 });
  });

  it('is not waited for longer than a pool connection: a submission still queued then is refused as busy (503)', async () => {
    const repository = surveyRepository(t.app.db, preparedRunner(t.app.pg.pool), { submitLanes: 1, submitWaitMs: 100 });
    const [shared] = await makeLinks(t.app, w.admin, w.open, 'OPS', 1, 'open');
    const before = await storedCount();
    // Closing holds the measurement like this: the first submission waits for it, the next two queue behind it.
    let locked!: () => void;
    let release!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    const lock = t.app.db.transaction().execute(async (trx) => {
      await sql`select 1 from measurements where id = ${w.open} for update`.execute(trx);
      locked();
      await held;
    });
    await isLocked;
    const first = repository.submit(inputFor(shared!));
    const queued = await Promise.allSettled([repository.submit(inputFor(shared!)), repository.submit(inputFor(shared!))]);
    release();
    await lock;

    for (const outcome of queued) {
      expect(outcome.status).toBe('rejected');
      const error = (outcome as PromiseRejectedResult).reason as Error;
      expect(error).toBeInstanceOf(DatabaseBusy);
      expect(isDatabaseUnavailable(error)).toBe(true);
    }
    expect(await first).toMatchObject({ kind: 'created' });
    expect(await storedCount()).toBe(before + 1);
  });

  const inputFor = (token: string) => submissionInput(w, token);
});
