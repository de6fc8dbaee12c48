import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helper';
import { createOrganisation, createUser, grantRole, signInAdmin, type Session } from './sessions';

let t: TestApp;
let admin: Session;
let org = '';

const put = (body: unknown, contentType = 'text/csv', organisationId = org) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/organisations/${organisationId}/units`,
    headers: { ...admin.headers, 'content-type': contentType },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
const flat = async () =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${org}/units?format=flat`, headers: admin.headers })).json().units as {
    id: string;
    code: string;
    name: string;
    parentCode: string | null;
  }[];

const CSV = ['code;name;parent_code', 'ROOT;Company;', 'HR;Human resources;ROOT', 'IT;IT;ROOT', 'DEV;Development;IT'].join('\n');

beforeAll(async () => {
  t = await startTestApp();
  admin = await signInAdmin(t.app);
  org = await createOrganisation(t.app, admin, 'Tree Ltd');
});
afterAll(async () => {
  await t?.close();
});

describe('importing a unit tree', () => {
  it('reads CSV and answers with counts; GET gives the nested tree', async () => {
    const res = await put(CSV);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ units: 4, created: 4, updated: 0, removed: 0, unchanged: 0 });
    const tree = await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${org}/units`, headers: admin.headers });
    expect(tree.json().format).toBe('tree');
    const [root] = tree.json().units;
    expect(root).toMatchObject({ code: 'ROOT', name: 'Company' });
    expect(root.children.map((c: { code: string }) => c.code)).toEqual(['HR', 'IT']);
    expect(root.children[1].children[0]).toMatchObject({ code: 'DEV', name: 'Development', children: [] });
  });

  it('replaces the whole tree from JSON, keeping ids of codes that stay', async () => {
    const before = new Map((await flat()).map((u) => [u.code, u.id]));
    const res = await put(
      [
        { code: 'ROOT', name: 'Company', parentCode: null },
        { code: 'IT', name: 'Information technology', parentCode: 'ROOT' },
        { code: 'DEV', name: 'Development', parentCode: 'OPS' },
        { code: 'OPS', name: 'Operations', parentCode: 'ROOT' },
      ],
      'application/json',
    );
    expect(res.json()).toEqual({ units: 4, created: 1, updated: 2, removed: 1, unchanged: 1 });
    const after = await flat();
    expect(after.find((u) => u.code === 'IT')?.id).toBe(before.get('IT'));
    expect(after.find((u) => u.code === 'DEV')).toMatchObject({ id: before.get('DEV'), parentCode: 'OPS' });
    expect(after.some((u) => u.code === 'HR')).toBe(false);
  });

  it('records each import in the audit log', async () => {
    const audit = await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${org}/audit`, headers: admin.headers });
    const imports = audit.json().events.filter((e: { action: string }) => e.action === 'units.import');
    expect(imports).toHaveLength(2);
    expect(imports[0].details).toEqual({ format: 'json', units: 4, created: 1, updated: 2, removed: 1, unchanged: 1 });
    expect(imports[0].actorEmail).toBe('admin@example.test');
  });
});

describe('a bad tree', () => {
  const cases: [string, string, { kind: string; line: number }[]][] = [
    ['a duplicate code', 'code,name,parent_code\nA,Alpha,\nB,Beta,A\nA,Again,', [{ kind: 'duplicate_code', line: 4 }]],
    ['an unknown parent', 'code,name,parent_code\nA,Alpha,\nB,Beta,Z', [{ kind: 'unknown_parent', line: 3 }]],
    ['a cycle', 'code,name,parent_code\nA,Alpha,\nB,Beta,C\nC,Gamma,B', [{ kind: 'cycle', line: 3 }, { kind: 'cycle', line: 4 }]],
    ['an empty name', 'code,name,parent_code\nA,Alpha,\nB, ,A', [{ kind: 'empty_name', line: 3 }]],
    ['an empty code', 'code,name,parent_code\nA,Alpha,\n,Nameless,A', [{ kind: 'empty_code', line: 3 }]],
    ['a missing column', 'code,name\nA,Alpha', [{ kind: 'missing_column', line: 1 }]],
    ['broken quoting', 'code,name,parent_code\nA,"Alpha,\n', [{ kind: 'bad_file', line: 2 }]],
  ];

  it.each(cases)('in CSV: %s gives 422 naming the lines, and the previous tree stays', async (_name, csv, expected) => {
    const before = await flat();
    const res = await put(csv);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('UNIT_TREE_INVALID');
    expect(res.json().error.details.problems.map((p: { kind: string; line: number }) => ({ kind: p.kind, line: p.line }))).toEqual(expected);
    expect(await flat()).toEqual(before);
  });

  it('in JSON: every problem is listed by item index, and nothing is written', async () => {
    const before = await flat();
    const res = await put(
      [
        { code: 'A', name: 'Alpha' },
        { code: 'A', name: 'Again' },
        { code: 'B', name: '', parentCode: 'A' },
        { code: 'C', name: 'Gamma', parentCode: 'nope' },
        { code: 'D', name: 'Delta', parentCode: 'D' },
        { code: 5, name: 'Five' },
      ],
      'application/json',
    );
    expect(res.statusCode).toBe(422);
    const problems = res.json().error.details.problems as { kind: string; index: number; message: string }[];
    expect(problems.map((p) => [p.index, p.kind])).toEqual([
      [1, 'duplicate_code'],
      [2, 'empty_name'],
      [3, 'unknown_parent'],
      [4, 'cycle'],
      [5, 'bad_row'],
    ]);
    expect(problems[2]?.message).toBe("item 3: parent 'nope' of 'C' is not in the tree");
    expect(await flat()).toEqual(before);
  });

  it('that is not a list, or empty, is refused', async () => {
    expect((await put({ code: 'A' }, 'application/json')).statusCode).toBe(400);
    const empty = await put('code,name,parent_code\n');
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.details.problems[0].kind).toBe('empty_tree');
    expect((await put('<units/>', 'application/xml')).statusCode).toBe(415);
  });

  it('for an organisation that does not exist is 404', async () => {
    expect((await put(CSV, 'text/csv', '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('units that people are granted on', () => {
  it('cannot be left out of a new tree (409 naming them), until the grant is removed', async () => {
    await createUser(t.app, admin, 'viewer@example.test');
    const ops = (await flat()).find((u) => u.code === 'OPS')!;
    const grantId = await grantRole(t.app, admin, org, 'viewer@example.test', 'unit_viewer', ops.id);
    const before = await flat();
    const withoutOps = 'code,name,parent_code\nROOT,Company,\nIT,IT,ROOT\nDEV,Development,IT';
    const refused = await put(withoutOps);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('UNITS_HAVE_GRANTS');
    expect(refused.json().error.details.units).toEqual([{ id: ops.id, code: 'OPS', name: 'Operations', grants: 1 }]);
    expect(await flat()).toEqual(before);

    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/organisations/${org}/grants/${grantId}`, headers: admin.headers });
    expect(removed.statusCode).toBe(204);
    expect((await put(withoutOps)).statusCode).toBe(200);
  });
});

describe('a large tree', () => {
  it('of 10,000 units imports, and re-imports with changes, in one go', async () => {
    const lines = ['code,name,parent_code', 'U0,Unit 0,'];
    // Ten levels deep at most: each unit hangs under unit floor((i - 1) / 10).
    for (let i = 1; i < 10_000; i += 1) lines.push(`U${i},Unit ${i},U${Math.floor((i - 1) / 10)}`);
    const big = await createOrganisation(t.app, admin, 'Big Corp');
    const first = await put(lines.join('\n'), 'text/csv', big);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ units: 10_000, created: 10_000 });
    lines[5_001] = 'U5000,Renamed,U1';
    lines.push('NEW,New unit,U0');
    const second = await put(lines.join('\n'), 'text/csv', big);
    expect(second.json()).toEqual({ units: 10_001, created: 1, updated: 1, removed: 0, unchanged: 9_999 });
    const org = await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${big}`, headers: admin.headers });
    expect(org.json().unitCount).toBe(10_001);
  });
});
