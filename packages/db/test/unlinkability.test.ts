import { createTestDatabase, type TestDatabase } from '@socialsafety/testkit';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKysely, migrateToLatest, openConnection, type Database, type DatabaseConnection } from '../src';

/*
 * Disclosure-control rule 8, read from the database itself: no column and no foreign key joins a response to an
 * invitation, a token or a person, or ties it to a moment; no invitation points at a response. A migration that
 * adds such a link fails this test, whatever the code does with it.
 */

let testDb: TestDatabase;
let connection: DatabaseConnection;
let db: Kysely<Database>;

interface Column {
  table: string;
  column: string;
  type: string;
}
interface ForeignKey {
  table: string;
  column: string;
  references: string;
}

async function columnsOf(table: string): Promise<Column[]> {
  const { rows } = await sql<Column>`
    select table_name as table, column_name as column, data_type as type
    from information_schema.columns where table_schema = 'public' and table_name = ${table}`.execute(db);
  return rows;
}

/** Every foreign key of the schema: (table, column) -> referenced table. */
async function foreignKeys(): Promise<ForeignKey[]> {
  const { rows } = await sql<ForeignKey>`
    select c.conrelid::regclass::text as table, a.attname as column, c.confrelid::regclass::text as references
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
    where c.contype = 'f' and c.connamespace = 'public'::regnamespace`.execute(db);
  return rows;
}

/** Names that would hold a link to a person, a token, an invitation, an address, a browser or a moment. */
const LINKING_NAME = /(^|_)(token|invitation|invitations|user|users|ip|address|agent|browser|session|email|time|timestamp|at)(_|$)/;

beforeAll(async () => {
  testDb = await createTestDatabase();
  connection = await openConnection({ databaseUrl: testDb.databaseUrl, dataDir: testDb.dataDir, poolMax: 2, connectionTimeoutMs: 5_000, queryTimeoutMs: 10_000 });
  db = createKysely(new pg.Pool(connection.poolConfig));
  await migrateToLatest(db);
});
afterAll(async () => {
  await db?.destroy();
  await connection?.close();
  await testDb?.drop();
});

describe('unlinkability of responses (rule 8)', () => {
  it('responses have only the columns the rule allows, with no time of day', async () => {
    const columns = await columnsOf('responses');
    expect(columns.map((c) => c.column).sort()).toEqual([
      'answers',
      'demographics',
      'id',
      'language',
      'measurement_id',
      'measurement_unit_id',
      'questionnaire_version_id',
      'submission_hash',
      'submitted_on',
    ]);
    expect(columns.filter((c) => LINKING_NAME.test(c.column))).toEqual([]);
    expect(columns.filter((c) => /time|interval/.test(c.type))).toEqual([]);
    expect(columns.find((c) => c.column === 'submitted_on')?.type).toBe('date');
  });

  it('responses have no foreign key to invitations, drafts, users, sessions or tokens, and nothing points at a response', async () => {
    const keys = await foreignKeys();
    expect(keys.filter((k) => k.table === 'responses').map((k) => k.references).sort()).toEqual([
      'measurement_units',
      'measurement_units',
      'measurements',
      'questionnaire_versions',
    ]);
    expect(keys.filter((k) => k.references === 'responses')).toEqual([]);
  });

  it('invitations hold no reference to a response and no time of day', async () => {
    const columns = await columnsOf('invitations');
    expect(columns.filter((c) => /response|submission|receipt/.test(c.column))).toEqual([]);
    expect(columns.filter((c) => /time|interval/.test(c.type))).toEqual([]);
    const keys = await foreignKeys();
    expect(keys.filter((k) => k.table === 'invitations').map((k) => k.references)).not.toContain('responses');
  });

  it('keeps tokens only as SHA-256: no column anywhere holds a raw token', async () => {
    const { rows } = await sql<Column>`
      select table_name as table, column_name as column, data_type as type
      from information_schema.columns
      where table_schema = 'public' and column_name like '%token%' and column_name <> 'token_hash'`.execute(db);
    expect(rows).toEqual([]);
  });

  it('fails for a schema that links them (the checks above are not vacuous)', async () => {
    await sql`create table probe_responses (id uuid, invitation_id uuid, created_at timestamptz)`.execute(db);
    try {
      const columns = await columnsOf('probe_responses');
      expect(columns.filter((c) => LINKING_NAME.test(c.column)).map((c) => c.column).sort()).toEqual(['created_at', 'invitation_id']);
      expect(columns.filter((c) => /time/.test(c.type)).map((c) => c.column)).toEqual(['created_at']);
    } finally {
      await sql`drop table probe_responses`.execute(db);
    }
  });
});
