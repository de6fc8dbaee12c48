import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hintOf, measurementHint, tokenHash } from '../src/lib/survey-secrets';
import { RecentMeasurement } from '../src/services/recent-measurement';
import { createMeasurement, inject, makeLinks, openMeasurement, submit } from './measurement-fixtures';
import { countResponses, surveyWorldPerFile, VALID } from './survey-fixtures';

/**
 * Once a few personal links in a row were for one measurement, the next one is guessed to be for it too: its answers
 * are checked against that measurement's questionnaire and go straight to the statement, which stores them only if
 * the link is in that measurement. Whatever the guess, every outcome must be what it is without it: a link of
 * another measurement is judged by its own questionnaire and stored there, and every refusal is the usual one.
 */
const s = surveyWorldPerFile();

const reads = () => s.app.survey.admissionReads();
const statements = () => s.app.survey.submissionBatches().batches;
const linkStatus = async (measurementId: string, used: boolean) =>
  Number(
    (
      await s.app.db
        .selectFrom('invitations')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('measurement_id', '=', measurementId)
        .where('status', '=', used ? 'used' : 'issued')
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Three personal links of the world's measurement, each stored: the guess is then that measurement. */
async function streakOnWorld() {
  for (const token of await makeLinks(s.app, s.world.admin, s.world.open, 'NORTH', 3)) {
    expect((await submit(s.app, token, { answers: VALID(s.world.requiredItem) })).statusCode).toBe(201);
  }
}

/**
 * Personal links as they were made before links carried their measurement's hint: 32 random characters. Written
 * straight into the table (the API makes only hinted links now), in the unit of an API-made link.
 */
async function linksWithoutHint(measurementId: string, count: number): Promise<string[]> {
  const [model] = await makeLinks(s.app, s.world.admin, measurementId, 'NORTH', 1);
  const unit = await s.app.db
    .selectFrom('invitations')
    .select(['measurement_unit_id', 'created_on'])
    .where('token_hash', '=', tokenHash(model!))
    .executeTakeFirstOrThrow();
  const tokens = Array.from({ length: count }, () => randomBytes(24).toString('base64url'));
  await s.app.db
    .insertInto('invitations')
    .values(tokens.map((token) => ({ measurement_id: measurementId, measurement_unit_id: unit.measurement_unit_id, token_hash: tokenHash(token), kind: 'personal' as const, created_on: unit.created_on })))
    .execute();
  for (const token of tokens) expect(hintOf(token)).toBeUndefined();
  return tokens;
}

/** Another measurement open on the same days: version 1.0.0 (nothing required) and no demographic questions. */
async function otherMeasurement(): Promise<string> {
  const id = await createMeasurement(s.app, s.world.admin, s.world.organisationId, { title: 'Second', demographics: [] });
  await openMeasurement(s.app, s.world.admin, id);
  return id;
}

describe('personal links of the measurement being answered', () => {
  it('are stored without reading the link first once three in a row were for it', async () => {
    await streakOnWorld();
    const before = { reads: reads(), stored: await countResponses(s.app, s.world.open), used: await linkStatus(s.world.open, true) };
    const tokens = await makeLinks(s.app, s.world.admin, s.world.open, 'SOUTH', 4);
    for (const token of tokens) {
      expect((await submit(s.app, token, { answers: VALID(s.world.requiredItem) })).statusCode).toBe(201);
    }
    expect(reads()).toBe(before.reads);
    expect(await countResponses(s.app, s.world.open)).toBe(before.stored + 4);
    expect(await linkStatus(s.world.open, true)).toBe(before.used + 4);
  });

  it('answer a retry with the same receipt, and a used link as used', async () => {
    await streakOnWorld();
    const [token] = await makeLinks(s.app, s.world.admin, s.world.open, 'NORTH', 1);
    const submissionId = crypto.randomUUID();
    const first = await submit(s.app, token!, { submissionId, answers: VALID(s.world.requiredItem) });
    expect(first.statusCode).toBe(201);
    const stored = await countResponses(s.app, s.world.open);
    const retry = await submit(s.app, token!, { submissionId, answers: VALID(s.world.requiredItem) });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().receipt).toBe(first.json().receipt);
    const again = await submit(s.app, token!, { answers: VALID(s.world.requiredItem) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVITATION_USED');
    expect(await countResponses(s.app, s.world.open)).toBe(stored);
  });

  it('refuse what is refused without the guess, and store nothing for it', async () => {
    await streakOnWorld();
    const stored = await countResponses(s.app, s.world.open);
    const [revoked] = await makeLinks(s.app, s.world.admin, s.world.open, 'OPS', 1);
    const revoke = { unitCode: 'OPS', kind: 'personal' };
    await inject(s.app, { method: 'POST', url: `/api/v1/measurements/${s.world.open}/invitations/revoke`, headers: s.world.admin.headers, payload: revoke }, 200);
    const withdrawn = await submit(s.app, revoked!, { answers: VALID(s.world.requiredItem) });
    expect(withdrawn.statusCode).toBe(404);
    expect(withdrawn.json().error.code).toBe('INVITATION_NOT_FOUND');
    const unknown = await submit(s.app, 'x'.repeat(32), { answers: VALID(s.world.requiredItem) });
    expect(unknown.statusCode).toBe(404);
    await streakOnWorld();
    const [valid] = await makeLinks(s.app, s.world.admin, s.world.open, 'NORTH', 1);
    const invalid = await submit(s.app, valid!, { answers: { [s.world.requiredItem]: 9 } });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error.code).toBe('ANSWERS_INVALID');
    expect(await countResponses(s.app, s.world.open)).toBe(stored + 3);
  });
});

describe('a personal link of another measurement, while the guess is the first', () => {
  it('is stored in its own measurement, after one statement that stored nothing', async () => {
    const other = await otherMeasurement();
    const [token] = await makeLinks(s.app, s.world.admin, other, 'NORTH', 1);
    await streakOnWorld();
    const before = { statements: statements(), world: await countResponses(s.app, s.world.open) };
    // Valid for both questionnaires: only the statement can tell that the link is not in the guessed measurement.
    const res = await submit(s.app, token!, { answers: VALID(s.world.requiredItem) });
    expect(res.statusCode).toBe(201);
    expect(statements()).toBe(before.statements + 2);
    expect(await countResponses(s.app, other)).toBe(1);
    expect(await countResponses(s.app, s.world.open)).toBe(before.world);
    expect(await linkStatus(other, true)).toBe(1);
  });

  it('is judged by its own questionnaire: answers that fit only the guessed one are refused, and stored nowhere', async () => {
    const other = await otherMeasurement();
    const [token] = await makeLinks(s.app, s.world.admin, other, 'SOUTH', 1);
    await streakOnWorld();
    const world = await countResponses(s.app, s.world.open);
    // The world's measurement asks age_band; the other asks no demographic question.
    const res = await submit(s.app, token!, { answers: VALID(s.world.requiredItem), demographics: { age_band: 2 } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.issues).toEqual([{ itemId: 'age_band', message: "demographic 'age_band' is not asked in this measurement" }]);
    expect(await countResponses(s.app, other)).toBe(0);
    expect(await countResponses(s.app, s.world.open)).toBe(world);
    expect(await linkStatus(other, false)).toBe(1);
  });

  it('is stored with answers that fit only its own questionnaire', async () => {
    const other = await otherMeasurement();
    const [token] = await makeLinks(s.app, s.world.admin, other, 'OPS', 1);
    await streakOnWorld();
    // The world's version requires an item this answer set leaves out; the other's does not.
    const res = await submit(s.app, token!, { answers: { ps_mistakes_remembered: 2 } });
    expect(res.statusCode).toBe(201);
    expect(await countResponses(s.app, other)).toBe(1);
  });

  it('is not taken for a retry of a response in the guessed measurement with the same submission id', async () => {
    const other = await otherMeasurement();
    const [token] = await makeLinks(s.app, s.world.admin, other, 'NORTH', 1);
    expect((await submit(s.app, token!, { answers: VALID(s.world.requiredItem) })).statusCode).toBe(201);
    await streakOnWorld();
    const [mine] = await makeLinks(s.app, s.world.admin, s.world.open, 'NORTH', 1);
    const submissionId = crypto.randomUUID();
    const first = await submit(s.app, mine!, { submissionId, answers: VALID(s.world.requiredItem) });
    expect(first.statusCode).toBe(201);
    // The other measurement's used link with the world's submission id: used, not a retry of the world's response.
    const res = await submit(s.app, token!, { submissionId, answers: VALID(s.world.requiredItem) });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('INVITATION_USED');
    expect(await countResponses(s.app, other)).toBe(1);
  });

  it('ends the guess: the next links are read again until three agree', async () => {
    const other = await otherMeasurement();
    const [token] = await makeLinks(s.app, s.world.admin, other, 'NORTH', 1);
    await streakOnWorld();
    expect((await submit(s.app, token!, { answers: VALID(s.world.requiredItem) })).statusCode).toBe(201);
    const before = reads();
    for (const next of await linksWithoutHint(s.world.open, 5)) {
      expect((await submit(s.app, next, { answers: VALID(s.world.requiredItem) })).statusCode).toBe(201);
    }
    // Links without a hint: three read (a new streak on the world's measurement), then two guessed.
    expect(reads()).toBe(before + 3);
  });
});

describe('personal links that name their measurement (the hint at the start of the token)', () => {
  it('of two measurements sent in turn are stored without reading once each hint was seen', async () => {
    const other = await otherMeasurement();
    const ours = await makeLinks(s.app, s.world.admin, s.world.open, 'SOUTH', 4);
    const theirs = await makeLinks(s.app, s.world.admin, other, 'SOUTH', 4);
    expect(ours.map(hintOf)).toEqual(Array(4).fill(measurementHint(s.world.open)));
    expect(theirs.map(hintOf)).toEqual(Array(4).fill(measurementHint(other)));
    const before = { ours: await countResponses(s.app, s.world.open), theirs: await countResponses(s.app, other) };
    // The first link of each measurement is read (nothing is known of its hint yet, or the guess is the other one).
    for (const token of [ours[0]!, theirs[0]!]) expect((await submit(s.app, token, { answers: VALID(s.world.requiredItem) })).statusCode).toBe(201);
    const afterFirst = reads();
    for (let i = 1; i < 4; i += 1) {
      for (const token of [ours[i]!, theirs[i]!]) expect((await submit(s.app, token, { answers: VALID(s.world.requiredItem) })).statusCode).toBe(201);
    }
    expect(reads()).toBe(afterFirst);
    expect({ ours: await countResponses(s.app, s.world.open), theirs: await countResponses(s.app, other) }).toEqual({
      ours: before.ours + 4,
      theirs: before.theirs + 4,
    });
    expect(await linkStatus(other, true)).toBe(4);
  });

  it('is only a hint: a made-up token with a known hint is an unknown link, and nothing is stored', async () => {
    const [token] = await makeLinks(s.app, s.world.admin, s.world.open, 'NORTH', 1);
    expect((await submit(s.app, token!, { answers: VALID(s.world.requiredItem) })).statusCode).toBe(201);
    const stored = await countResponses(s.app, s.world.open);
    const madeUp = measurementHint(s.world.open) + randomBytes(24).toString('base64url');
    const res = await submit(s.app, madeUp, { answers: VALID(s.world.requiredItem) });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('INVITATION_NOT_FOUND');
    expect(await countResponses(s.app, s.world.open)).toBe(stored);
  });
});

describe('an open link, while personal links are guessed', () => {
  it('is stored, stays usable, and is then known as an open link', async () => {
    const [open] = await makeLinks(s.app, s.world.admin, s.world.open, 'ROOT', 1, 'open');
    await streakOnWorld();
    const stored = await countResponses(s.app, s.world.open);
    const before = reads();
    const first = await submit(s.app, open!, { answers: VALID(s.world.requiredItem) });
    expect(first.statusCode).toBe(201);
    const more = await Promise.all([0, 1, 2, 3].map(() => submit(s.app, open!, { answers: VALID(s.world.requiredItem) })));
    expect(more.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect(reads()).toBe(before);
    expect(await countResponses(s.app, s.world.open)).toBe(stored + 5);
    const status = await s.app.db.selectFrom('invitations').select('status').where('kind', '=', 'open').where('measurement_id', '=', s.world.open).executeTakeFirstOrThrow();
    expect(status.status).toBe('issued');
  });
});

describe('RecentMeasurement', () => {
  it('guesses only after `streak` in a row for one key, within the time to live of the last', () => {
    const recent = new RecentMeasurement<string>(1_000, 3);
    recent.seen('a', 'A', 0);
    recent.seen('a', 'A', 10);
    expect(recent.get(20)).toBeUndefined();
    recent.seen('a', 'A', 20);
    expect(recent.get(30)).toBe('A');
    expect(recent.get(1_019)).toBe('A');
    expect(recent.get(1_020)).toBeUndefined();
  });

  it('starts again on another key, on a miss, and after the time to live', () => {
    const recent = new RecentMeasurement<string>(1_000, 2);
    recent.seen('a', 'A', 0);
    recent.seen('b', 'B', 1);
    expect(recent.get(2)).toBeUndefined();
    recent.seen('b', 'B', 3);
    expect(recent.get(4)).toBe('B');
    recent.missed();
    expect(recent.get(5)).toBeUndefined();
    recent.seen('b', 'B', 6);
    recent.seen('b', 'B', 7);
    expect(recent.get(8)).toBe('B');
    recent.seen('b', 'B', 5_000);
    expect(recent.get(5_001)).toBeUndefined();
  });
});
