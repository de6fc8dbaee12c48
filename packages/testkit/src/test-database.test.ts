import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from './test-database';

async function query<T extends pg.QueryResultRow>(url: string | undefined, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<T>(text, values);
  } finally {
    await client.end();
  }
}

describe('createTestDatabase', () => {
  it('gives the embedded, in-memory database when DATABASE_URL is unset', async () => {
    const db = await createTestDatabase({});
    expect(db).toMatchObject({ kind: 'embedded', databaseUrl: undefined, dataDir: 'memory://' });
    await db.drop();
  });

  // CI runs the whole suite twice: on the embedded database, and with DATABASE_URL pointing at PostgreSQL 15.
  it('follows the environment: a fresh database on the server when DATABASE_URL is set, dropped afterwards', async () => {
    const serverUrl = process.env.DATABASE_URL;
    const db = await createTestDatabase();
    if (!serverUrl) {
      expect(db.kind).toBe('embedded');
      return;
    }
    expect(db.kind).toBe('postgres');
    const { rows } = await query<{ name: string }>(db.databaseUrl, 'select current_database() as name');
    expect(rows[0]?.name).toMatch(/^test_[0-9a-f]{12}$/);
    await db.drop();
    const left = await query(serverUrl, 'select 1 from pg_database where datname = $1', [rows[0]?.name]);
    expect(left.rowCount).toBe(0);
  });
});
