import { describe, expect, it } from 'vitest';
import { tokenHash } from '../src/lib/survey-secrets';
import type { RunPrepared } from '../src/repositories/prepared';
import { storeResponses } from '../src/repositories/survey-submission';
import { inject, makeLinks } from './measurement-fixtures';
import { links, submissionInput, surveyWorldPerFile } from './survey-fixtures';

/**
 * Using up a personal link changes its status; migration 20261203000000 lets PostgreSQL do that in place (a HOT
 * update: no new index entries), which it cannot when an index depends on the status. Read from the database's own
 * counters for the current transaction, on both databases; and the rule that index kept (one open link per unit)
 * must still hold in the database itself.
 */
const file = surveyWorldPerFile();

describe('using up personal links', () => {
  it('updates each link in place, without new index entries', async () => {
    const { app, world } = file;
    const tokens = await links(app, world, 12, 'SOUTH');
    const client = await app.pg.pool.connect();
    try {
      await client.query('begin');
      // The product's own batch statement, inside a transaction whose counters are read before it ends.
      const run: RunPrepared = async <Row>(_name: string, text: string, values: readonly unknown[]) =>
        (await client.query({ text, values: [...values] })).rows as Row[];
      const verdicts = await storeResponses(run, tokens.map((token) => submissionInput(world, token, { personal: true })));
      expect(verdicts.map((v) => v?.insertedOn)).toEqual(tokens.map(() => '2026-12-10'));
      const { rows } = await client.query<{ updated: string; hot: string }>(
        "select n_tup_upd as updated, n_tup_hot_upd as hot from pg_stat_xact_user_tables where relname = 'invitations'",
      );
      expect(rows.map((r) => ({ updated: Number(r.updated), hot: Number(r.hot) }))).toEqual([{ updated: 12, hot: 12 }]);
    } finally {
      await client.query('rollback');
      client.release();
    }
  });

  it('has no index on invitations that depends on the status or the day a link was used', async () => {
    const { rows } = await file.app.pg.pool.query<{ definition: string }>(
      "select pg_get_indexdef(indexrelid) as definition from pg_index where indrelid = 'invitations'::regclass",
    );
    expect(rows.length).toBe(4);
    expect(rows.filter((r) => /\b(status|used_on)\b/.test(r.definition))).toEqual([]);
  });
});

describe('one open link per unit, in the database itself', () => {
  it('refuses a second open link while the first is issued, and allows one once it is withdrawn', async () => {
    const { app, world } = file;
    const [token] = await makeLinks(app, world.admin, world.open, 'OPS', 1, 'open');
    const first = await app.db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash(token!)).executeTakeFirstOrThrow();
    const another = (n: number) =>
      app.db
        .insertInto('invitations')
        .values({
          measurement_id: first.measurement_id,
          measurement_unit_id: first.measurement_unit_id,
          token_hash: String(n).repeat(64),
          kind: 'open',
          created_on: first.created_on,
        })
        .execute();
    await expect(another(1)).rejects.toMatchObject({ code: '23505', constraint: 'invitations_one_open_link' });
    // Personal links of the unit are not counted.
    await makeLinks(app, world.admin, world.open, 'OPS', 2);
    const revoke = { unitCode: 'OPS', kind: 'open' };
    await inject(app, { method: 'POST', url: `/api/v1/measurements/${world.open}/invitations/revoke`, headers: world.admin.headers, payload: revoke }, 200);
    await expect(another(2)).resolves.toBeDefined();
    await expect(another(3)).rejects.toMatchObject({ code: '23505', constraint: 'invitations_one_open_link' });
  });
});
