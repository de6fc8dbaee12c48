import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/lib/errors';
import { startTestApp, type TestApp } from '../helper';
import { fuzz, fuzzRuns } from './fuzz-endpoint';

/**
 * The fuzzer's own checks can fail: a refused request that writes is caught (also when only some requests write, so
 * that the shortcut for requests that leave the write-ahead log where it was cannot hide one), and one that writes
 * nothing passes.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp((app) => {
    app.post('/test/refuse', async (request) => {
      const { write } = request.body as { write: boolean };
      if (write) await sql`insert into organisations (name) values ('written by a refused request')`.execute(app.db);
      throw new AppError(400, 'REFUSED', 'Refused on purpose.');
    });
  });
});
afterAll(async () => {
  await t?.close();
});

const refuse = (write: fc.Arbitrary<boolean>) =>
  write.map((w) => ({ method: 'POST', url: '/test/refuse', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ write: w }) }));

describe('the fuzzer', () => {
  it('passes an endpoint that refuses without writing', async () => {
    const statuses = await fuzz(t.app, refuse(fc.constant(false)), { runs: 50 });
    expect(statuses.get(400)).toBe(50);
  });

  it('fails an endpoint that writes when it refuses, even when most refusals write nothing', async () => {
    const rarely = fc.integer({ min: 0, max: 9 }).map((n) => n === 0);
    const failure = await fuzz(t.app, refuse(rarely), { runs: 200, parts: ['organisations'] }).then(() => undefined, (error: unknown) => error as Error & { cause?: Error });
    expect(failure?.message).toContain('Counterexample');
    expect(failure?.message).toContain('{\\"write\\":true}');
    expect(String(failure?.cause)).toMatch(/wrote to: expected \[ 'organisations' \]/);
  });

  it('reads its run count from FUZZ_RUNS, or picks one per database', () => {
    expect(fuzzRuns({ FUZZ_RUNS: '25' })).toBe(25);
    expect(fuzzRuns({})).toBe(10_000);
    expect(fuzzRuns({ DATABASE_URL: 'postgres://x' })).toBe(1_000);
    expect(() => fuzzRuns({ FUZZ_RUNS: 'many' })).toThrow(/FUZZ_RUNS/);
  });
});
