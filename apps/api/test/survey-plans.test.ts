import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submissionHash, tokenHash } from '../src/lib/survey-secrets';
import { preparedRunner } from '../src/repositories/prepared';
import { storeResponses, submitResponse } from '../src/repositories/survey-submission';
import { startTestApp, type TestApp } from './helper';
import { LONG_SESSIONS, makeLinks, TestClock } from './measurement-fixtures';
import { submissionInput, surveyWorld, type SurveyWorld } from './survey-fixtures';

/**
 * The submission statements are prepared once per connection, and PostgreSQL keeps the plan it made then. A plan made
 * while `responses` held a handful of rows once read every response of the measurement for each submission, so a
 * measurement slowed down with every response it got. Here the plans are made on a nearly empty table with fresh
 * statistics (the worst case: PostgreSQL then prefers reading the whole table), the table grows, and the plans the
 * statements run with afterwards must read no more responses than the submissions they look up.
 */
let t: TestApp;
let w: SurveyWorld;
let held: pg.PoolClient;
let shared: string;
const clock = new TestClock();

beforeAll(async () => {
  t = await startTestApp(undefined, LONG_SESSIONS, { now: clock.now });
  w = await surveyWorld(t.app, clock);
  [shared] = (await makeLinks(t.app, w.admin, w.open, 'NORTH', 1, 'open')) as [string];
  // Held for the whole test (the embedded database has one connection: the app makes no request meanwhile).
  held = await t.app.pg.pool.connect();
  // The plan PostgreSQL would otherwise settle on after five custom ones, made at once.
  await held.query('set plan_cache_mode = force_generic_plan');
});
afterAll(async () => {
  held?.release();
  await t?.close();
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/** Rows of `responses` a plan looked at: those it returned and those it read and threw away. */
function responsesRead(node: PlanNode): number {
  const own =
    node['Relation Name'] === 'responses' && node['Node Type'] !== 'ModifyTable'
      ? ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0)) * (node['Actual Loops'] ?? 1)
      : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + responsesRead(child), 0);
}

const literal = (value: unknown): string => {
  if (Array.isArray(value)) return `array[${value.map(literal).join(', ')}]`;
  if (typeof value === 'boolean') return String(value);
  return held.escapeLiteral(String(value));
};

/** Runs the prepared statement `name` with its cached plan under EXPLAIN ANALYZE and counts what it read. */
async function readsOf(name: string, values: unknown[], types: string[]): Promise<number> {
  const args = values.map((value, i) => `${literal(value)}::${types[i]}`).join(', ');
  const { rows } = await held.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`explain (analyze, format json) execute "${name}"(${args})`);
  return responsesRead(rows[0]!['QUERY PLAN'][0].Plan);
}

describe('plans of the submission statements', () => {
  it('read only the responses they look for, however few responses there were when they were made', async () => {
    const replanEvery = 3;
    // One connection, handed out again and again, as a pool hands out its idle connections.
    const connection = { query: held.query.bind(held), release: () => {} } as unknown as pg.PoolClient;
    const run = preparedRunner({ connect: async () => connection }, { replanEvery });
    const input = () => submissionInput(w, shared);
    const addResponses = (count: number) =>
      held.query(
        `insert into responses (measurement_id, measurement_unit_id, questionnaire_version_id, language, answers, submission_hash, submitted_on)
         select i.measurement_id, i.measurement_unit_id, m.questionnaire_version_id, 'nl', '{}', encode(sha256(gen_random_uuid()::text::bytea), 'hex'), '2026-12-10'
         from invitations i join measurements m on m.id = i.measurement_id, generate_series(1, $2::int)
         where i.token_hash = $1`,
        [tokenHash(shared), count],
      );

    // A handful of responses, with statistics that say so; both statements are planned now.
    await addResponses(20);
    await held.query('analyze responses');
    // Whatever the app planned on this connection before is dropped: the plans are made on the near-empty table.
    await held.query('discard plans');
    expect((await storeResponses(run, [input(), input()])).map((v) => v?.outcome)).toEqual(['store', 'store']);
    expect((await submitResponse(t.app.db, run, input())).kind).toBe('created');

    // Thousands arrive; the plans are made again within `replanEvery` statements on the connection.
    await addResponses(3_000);
    for (let i = 0; i < replanEvery; i += 1) await storeResponses(run, [input()]);

    const unknownLink = tokenHash('never-issued-link');
    const batch = [1, 2, 3].map(() => submissionHash(crypto.randomUUID()));
    const batchReads = await readsOf(
      'survey.submit.open.batch',
      [w.open, batch.map(() => unknownLink), batch, batch.map(() => '2026-12-10'), batch.map(() => 'nl'), '[{}, {}, {}]', '[{}, {}, {}]', false],
      ['uuid', 'text[]', 'text[]', 'date[]', 'text[]', 'jsonb', 'jsonb', 'boolean'],
    );
    const singleReads = await readsOf(
      'survey.submit.open',
      [w.open, unknownLink, submissionHash(crypto.randomUUID()), '2026-12-10', 'nl', '{}', '{}', false],
      ['uuid', 'text', 'text', 'date', 'text', 'jsonb', 'jsonb', 'boolean'],
    );
    // Nothing matched (unknown link, new submission ids): a good plan reads nothing; a bad one reads thousands.
    expect({ batchReads, singleReads }).toEqual({ batchReads: 0, singleReads: 0 });
  });
});
