import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FUZZ_TIMEOUT_MS, fuzz, RUNS } from './fuzz-endpoint';
import { bodyFor, nastyString } from './hostile';
import { expectBothPaths, idOr, signedInWorld, UNIT_CODES, writeOptions, writeRequests, type SignedInWorld } from './signed-in-world';

/**
 * Writes about a measurement and an organisation as a signed-in organisation administrator: a new measurement, links,
 * a grant. Refused writes change nothing.
 */
/** A fifth of the per-endpoint count (2,000 on the embedded database) for each of these three writes. */
const RUNS_EACH = Math.ceil(RUNS / 5);
let world: SignedInWorld;
beforeAll(async () => {
  world = await signedInWorld();
});
afterAll(async () => {
  await world?.t.close();
});

describe('fuzzing writes as an organisation administrator', () => {
  it('POST /api/v1/organisations/:id/measurements', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const valid = fc.record({
      title: fc.oneof(fc.constant('Pulse'), nastyString),
      questionnaire: fc.constantFrom({ key: 'social-safety', version: '1.0.0' }, { key: 'social-safety', version: '1.1.0' }),
      opensAt: fc.constantFrom('2026-12-10', '2026-12-11', '2027-02-29', '2026-13-01'),
      closesAt: fc.constantFrom('2026-12-20', '2027-01-31', '2026-12-01'),
      k: fc.integer({ min: 3, max: 60 }),
    });
    const url = idOr(world.w.organisationId).map((id) => `/api/v1/organisations/${id}/measurements`);
    const fields = ['title', 'questionnaire', 'opensAt', 'closesAt', 'k', 'languages', 'demographics', 'kSensitive'];
    await expectBothPaths(fuzz(world.t.app, writeRequests(world, 'POST', url, bodyFor(valid, fields)), writeOptions(RUNS_EACH)));
  });

  it('POST /api/v1/measurements/:id/invitations', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const valid = fc.record({ unitCode: fc.constantFrom(...UNIT_CODES), count: fc.integer({ min: 1, max: 5 }), kind: fc.constantFrom('personal', 'open') });
    const url = idOr(world.w.open).map((id) => `/api/v1/measurements/${id}/invitations`);
    await expectBothPaths(fuzz(world.t.app, writeRequests(world, 'POST', url, bodyFor(valid, ['unitCode', 'count', 'kind'])), writeOptions(RUNS_EACH)));
  });

  it('POST /api/v1/organisations/:id/grants', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const valid = fc.record({
      email: fc.constantFrom('colleague@example.test', 'COLLEAGUE@example.test', 'nobody@example.test'),
      role: fc.constantFrom('org_admin', 'analyst', 'unit_viewer', 'researcher', 'platform_admin'),
    });
    const url = idOr(world.w.organisationId).map((id) => `/api/v1/organisations/${id}/grants`);
    await expectBothPaths(fuzz(world.t.app, writeRequests(world, 'POST', url, bodyFor(valid, ['email', 'role', 'unitId'])), writeOptions(RUNS_EACH)));
  });
});
