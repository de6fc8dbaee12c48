import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FUZZ_TIMEOUT_MS, fuzz, RUNS } from './fuzz-endpoint';
import { bodyFor, nastyString } from './hostile';
import { expectBothPaths, idOr, signedInWorld, UNIT_CODES, writeOptions, writeRequests, type SignedInWorld } from './signed-in-world';

/**
 * The unit tree import as a signed-in organisation administrator, as JSON and as CSV: hostile input from someone with
 * a session must be refused as cleanly as from anyone else, and a refused import leaves the tree as it was.
 */
let world: SignedInWorld;
beforeAll(async () => {
  world = await signedInWorld();
});
afterAll(async () => {
  await world?.t.close();
});

const unitTree = fc
  .uniqueArray(fc.constantFrom(...UNIT_CODES.slice(1)), { minLength: 0, maxLength: 6 })
  .map((codes) => [
    { code: 'ROOT', name: 'Company', parentCode: null },
    ...codes.map((code, i) => ({ code, name: `Unit ${code}`, parentCode: i === 0 ? 'ROOT' : codes[i - 1]! })),
  ]);
const unitCsv = fc
  .oneof(
    unitTree.map((units) => ['code;name;parent_code', ...units.map((u) => `${u.code};${u.name};${u.parentCode ?? ''}`)].join('\n')),
    fc.array(fc.array(nastyString, { maxLength: 4 }), { maxLength: 6 }).map((rows) => ['code;name;parent_code', ...rows.map((r) => r.join(';'))].join('\n')),
    fc.string({ maxLength: 300 }),
  );

describe('fuzzing PUT /api/v1/organisations/:id/units as an organisation administrator', () => {
  it('answers JSON and CSV imports with a 2xx or a 4xx, and a refused import changes nothing', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const url = idOr(world.w.organisationId).map((id) => `/api/v1/organisations/${id}/units`);
    // bodyFor mutates objects: the tree is wrapped for it and unwrapped to the array the endpoint takes.
    const treeJson = bodyFor(unitTree.map((units) => ({ units }) as Record<string, unknown>), ['units']).map((b) => b.replace(/^\{"units":(.*)\}$/, '$1'));
    const json = writeRequests(world, 'PUT', url, treeJson);
    const csv = writeRequests(world, 'PUT', url, unitCsv, fc.constantFrom('text/csv', 'text/csv; charset=utf-8', 'text/plain'));
    await expectBothPaths(fuzz(world.t.app, fc.oneof(json, csv), writeOptions(Math.ceil(RUNS / 4))));
  });
});
