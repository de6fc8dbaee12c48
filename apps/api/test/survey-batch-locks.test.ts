import { describe, expect, it } from 'vitest';
import { tokenHash } from '../src/lib/survey-secrets';
import { preparedRunner } from '../src/repositories/prepared';
import { storeResponses } from '../src/repositories/survey-submission';
import { inject } from './measurement-fixtures';
import { countResponses, links, submissionInput, surveyWorldPerFile } from './survey-fixtures';

/**
 * Batches of submissions and the withdrawal of links lock the same rows. Both lock links in the order of their
 * hashes, so that neither can hold a link the other waits for: here they run at once, many times, on overlapping
 * links (on PostgreSQL truly at once; the embedded database runs one statement at a time and checks the outcomes).
 * PostgreSQL would break a deadlock by failing one of them (40P01): every batch and every withdrawal must succeed,
 * and what they leave must add up. A race, so a test by repetition: with the batch locking links in the opposite
 * order, it failed in 4 of 6 runs on PostgreSQL here ("deadlock detected", or the withdrawal answering 500).
 */
const file = surveyWorldPerFile();

const statusOf = async (token: string) =>
  (await file.app.db.selectFrom('invitations').select('status').where('token_hash', '=', tokenHash(token)).executeTakeFirstOrThrow()).status;
const stored = () => countResponses(file.app, file.world.open);

/** A seeded shuffle, so that a failing round can be run again. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('batches of submissions and withdrawn links at the same time', () => {
  it('never deadlock, store each link at most once, and leave every withdrawn link withdrawn', async () => {
    const { app, world: w } = file;
    const run = preparedRunner(app.pg.pool);
    for (let round = 1; round <= 10; round += 1) {
      const north = await links(app, w, 16, 'NORTH');
      const south = await links(app, w, 16, 'SOUTH');
      const all = [...north, ...south];
      const before = await stored();

      // Eight batches of six distinct links each, drawn from both units so that they overlap, in shuffled order.
      const batches = Array.from({ length: 8 }, (_, b) => shuffled(all, round * 100 + b).slice(0, 6));
      const revoke = () =>
        inject(app, { method: 'POST', url: `/api/v1/measurements/${w.open}/invitations/revoke`, headers: w.admin.headers, payload: { unitCode: 'NORTH' } });
      const settled = await Promise.allSettled([
        ...batches.slice(0, 4).map((batch) => storeResponses(run, batch.map((token) => submissionInput(w, token, { personal: true })))),
        revoke(),
        ...batches.slice(4).map((batch) => storeResponses(run, batch.map((token) => submissionInput(w, token, { personal: true })))),
        revoke(),
      ]);

      const failures = settled.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []));
      expect(failures).toEqual([]);
      const revokes = settled.filter((_, i) => i === 4 || i === 9).map((s) => (s.status === 'fulfilled' ? (s.value as { statusCode: number }).statusCode : 0));
      expect(revokes).toEqual([200, 200]);

      // Which batch entries stored a response, per link.
      const storedBy = new Map<string, number>();
      settled.forEach((s, i) => {
        if (s.status !== 'fulfilled' || i === 4 || i === 9) return;
        const batch = batches[i < 4 ? i : i - 1]!;
        (s.value as Awaited<ReturnType<typeof storeResponses>>).forEach((verdict, k) => {
          if (verdict?.insertedOn) storedBy.set(batch[k]!, (storedBy.get(batch[k]!) ?? 0) + 1);
        });
      });
      const created = [...storedBy.values()].reduce((a, b) => a + b, 0);
      expect([...storedBy.values()].every((n) => n === 1)).toBe(true);
      expect(await stored()).toBe(before + created);
      // A link of the withdrawn unit is withdrawn, used or not; one of the other unit is used exactly when it stored.
      for (const token of north) expect(await statusOf(token)).toBe('revoked');
      for (const token of south) expect(await statusOf(token)).toBe(storedBy.has(token) ? 'used' : 'issued');
    }
  });
});
