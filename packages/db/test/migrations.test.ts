import { createTestDatabase, type TestDatabase } from '@socialsafety/testkit';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKysely, migrateToLatest, openConnection, type Database, type DatabaseConnection } from '../src';

let testDb: TestDatabase;
let connection: DatabaseConnection;
let db: Kysely<Database>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  connection = await openConnection({
    databaseUrl: testDb.databaseUrl,
    dataDir: testDb.dataDir,
    poolMax: 2,
    connectionTimeoutMs: 5_000,
    queryTimeoutMs: 10_000,
  });
  db = createKysely(new pg.Pool(connection.poolConfig));
});

afterAll(async () => {
  await db?.destroy();
  await connection?.close();
  await testDb?.drop();
});

describe('migrations', () => {
  it('apply in order on an empty database, then find nothing pending', async () => {
    const first = await migrateToLatest(db);
    expect(first[0]).toBe('20261128000000_organisations_and_units');
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('create a unit tree that keeps parents inside the organisation', async () => {
    const [a, b] = await db
      .insertInto('organisations')
      .values([{ name: 'A' }, { name: 'B' }])
      .returning('id')
      .execute();
    const root = await db
      .insertInto('units')
      .values({ organisation_id: a!.id, code: 'ROOT', name: 'Root', parent_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('units').values({ organisation_id: a!.id, code: 'T1', name: 'Team 1', parent_id: root.id }).execute();

    // A parent from another organisation violates the composite foreign key.
    await expect(
      db.insertInto('units').values({ organisation_id: b!.id, code: 'X', name: 'X', parent_id: root.id }).execute(),
    ).rejects.toThrow(/units_parent_fkey/);
    // Codes are unique within an organisation.
    await expect(
      db.insertInto('units').values({ organisation_id: a!.id, code: 'T1', name: 'Again', parent_id: root.id }).execute(),
    ).rejects.toThrow(/units_organisation_code_key/);
    // Names may not be blank.
    await expect(
      db.insertInto('units').values({ organisation_id: a!.id, code: 'T2', name: '  ', parent_id: root.id }).execute(),
    ).rejects.toThrow(/check constraint/);

    const children = await db.selectFrom('units').select('code').where('parent_id', '=', root.id).execute();
    expect(children.map((c) => c.code)).toEqual(['T1']);
    // Deleting the organisation removes its tree.
    await db.deleteFrom('organisations').where('id', '=', a!.id).execute();
    const left = await db.selectFrom('units').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(left.n).toBe(0);
  });
});
