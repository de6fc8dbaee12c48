import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createKysely, migrateToLatest, openConnection } from '../src';

const dataDir = mkdtempSync(path.join(tmpdir(), 'socialsafety-embedded-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const options = { dataDir, poolMax: 3, connectionTimeoutMs: 5_000, queryTimeoutMs: 10_000 };

describe('embedded database', () => {
  it('serves concurrent queries over the wire protocol through one pooled connection, and keeps data across restarts', async () => {
    const first = await openConnection(options);
    expect(first.kind).toBe('embedded');
    // One connection whatever poolMax says: pglite-socket interleaves the protocol messages of concurrent connections.
    expect(first.poolConfig.max).toBe(1);
    const pool = new pg.Pool(first.poolConfig);
    const db = createKysely(pool);
    await migrateToLatest(db);
    // More concurrent queries than connections: they queue in the pool and each gets its own answer.
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => pool.query<{ n: number }>('select $1::int as n', [i])));
    expect(results.map((r) => r.rows[0]?.n)).toEqual([0, 1, 2, 3, 4, 5]);
    await db.insertInto('organisations').values({ name: 'Kept' }).execute();
    await db.destroy();
    await first.close();

    const second = await openConnection(options);
    const again = createKysely(new pg.Pool(second.poolConfig));
    expect(await migrateToLatest(again)).toEqual([]);
    const rows = await again.selectFrom('organisations').select('name').execute();
    expect(rows.map((r) => r.name)).toEqual(['Kept']);
    await again.destroy();
    await second.close();
    // Two embedded starts and a full migration: seconds alone, much longer while the whole suite shares two cores.
  }, 120_000);

  it('fails a query that waits for a busy connection instead of hanging', async () => {
    const connection = await openConnection({ ...options, dataDir: 'memory://', poolMax: 1, connectionTimeoutMs: 300 });
    const pool = new pg.Pool(connection.poolConfig);
    const client = await pool.connect();
    try {
      await expect(pool.query('select 1')).rejects.toThrow(/timeout/i);
    } finally {
      client.release();
      await pool.end();
      await connection.close();
    }
  });

  it('starts every in-memory database empty, however many the process has started and filled before', async () => {
    const memory = { ...options, dataDir: 'memory://' };
    // Two at once, then a third after both were written to: each must start with no tables of ours.
    const [a, b] = await Promise.all([openConnection(memory), openConnection(memory)]);
    const tablesIn = async (pool: pg.Pool) =>
      (await pool.query<{ n: number }>("select count(*)::int as n from pg_tables where schemaname = 'public'")).rows[0]?.n;
    const pools = [new pg.Pool(a.poolConfig), new pg.Pool(b.poolConfig)];
    for (const pool of pools) expect(await tablesIn(pool)).toBe(0);
    await migrateToLatest(createKysely(pools[0]!));
    await pools[1]!.query('create table only_in_b (x int)');
    expect(await tablesIn(pools[0]!)).toBeGreaterThan(5);
    expect(await tablesIn(pools[1]!)).toBe(1);

    const c = await openConnection(memory);
    const pool = new pg.Pool(c.poolConfig);
    expect(await tablesIn(pool)).toBe(0);
    // And it works as a database: migrations apply to it in full.
    expect((await migrateToLatest(createKysely(pool))).length).toBeGreaterThan(0);
    for (const p of [...pools, pool]) await p.end();
    for (const connection of [a, b, c]) await connection.close();
  }, 120_000);
});
