import { answerOrder } from '@socialsafety/scoring';
import { socialSafety_1_0_0 } from '@socialsafety/instrument';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsRepository } from '../src/repositories/results';
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

/**
 * The close reads responses in keyset pages (5,000 in production); here pages of two and three, so that page
 * boundaries, a last partial page and a last full page are all crossed with a handful of responses.
 */
describe('reading the responses of a measurement for its results', () => {
  it('hands out every response of the measurement exactly once, in pages, with answers as lists in item order', async () => {
    const admin = await signIn(t.app, ADMIN.email, ADMIN.password);
    const organisationId = await createOrganisation(t.app, admin, 'Paged');
    await importUnits(t.app, admin, organisationId, [
      { code: 'ROOT', name: 'Company', parentCode: null },
      { code: 'A', name: 'A', parentCode: 'ROOT' },
      { code: 'B', name: 'B', parentCode: 'ROOT' },
    ]);
    const measured = await createMeasurement(t.app, admin, organisationId, { title: 'Read', closesAt: '2026-12-20', demographics: ['age_band'] });
    const other = await createMeasurement(t.app, admin, organisationId, { title: 'Other', closesAt: '2026-12-20', demographics: ['age_band'] });
    await openMeasurement(t.app, admin, measured);
    await openMeasurement(t.app, admin, other);
    await respond(t.app, admin, measured, 'A', 4, random(11));
    await respond(t.app, admin, measured, 'B', 2, random(12));
    await respond(t.app, admin, other, 'A', 3, random(13));

    const order = answerOrder(socialSafety_1_0_0);
    const repository = resultsRepository(t.app.db);
    const read = (pageSize: number) =>
      t.app.db.transaction().execute(async (trx) => {
        const pages = [];
        for await (const page of repository.responsePages(trx, measured, order, pageSize)) pages.push(page);
        return pages;
      });

    const stored = await t.app.db
      .selectFrom('responses')
      .select(['measurement_unit_id as unitId', 'answers', 'demographics'])
      .where('measurement_id', '=', measured)
      .execute();
    expect(stored).toHaveLength(6);
    // The expected form, built from the stored objects the other way round: every stored answer at its item's place.
    const expected = stored.map((row) => {
      const list: unknown[] = order.map(() => null);
      for (const [id, value] of Object.entries(row.answers as Record<string, unknown>)) list[order.indexOf(id)] = value;
      return JSON.stringify({ unitId: row.unitId, answerList: list, demographics: row.demographics });
    });
    expect(expected.every((e) => !e.includes('"answerList":[null,null,null'))).toBe(true);

    for (const [pageSize, sizes] of [
      [2, [2, 2, 2]],
      [4, [4, 2]],
      [5_000, [6]],
    ] as const) {
      const pages = await read(pageSize);
      expect(pages.map((p) => p.length), `pages of ${pageSize}`).toEqual(sizes);
      const got = pages.flat().map((r) => JSON.stringify({ unitId: r.unitId, answerList: r.answerList, demographics: r.demographics }));
      expect(got.sort(), `pages of ${pageSize}`).toEqual([...expected].sort());
    }
  });
});
