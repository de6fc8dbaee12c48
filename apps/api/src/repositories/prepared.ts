import type pg from 'pg';

/**
 * Runs a statement of the survey's hot path as a named prepared statement: PostgreSQL parses and plans it once per
 * connection instead of at every call. Planning the submission statement took longer than running it (0.3 ms of
 * 0.7 ms, pg_stat_statements under the submissions benchmark, docs/performance.md). Only for a few fixed statements:
 * each name stays prepared on every pooled connection for its lifetime, and one name must always carry the same text.
 */
export type RunPrepared = <Row>(name: string, text: string, values: readonly unknown[]) => Promise<Row[]>;

/**
 * How many statements a connection runs before its plans are made again. PostgreSQL keeps one plan per prepared
 * statement and makes it again only when a table's definition or statistics change; statistics come from autovacuum,
 * at most once a minute and only after enough rows changed. A plan made while `responses` was nearly empty stays
 * while thousands of responses arrive: such a plan read every response of the measurement for each submission
 * (docs/performance.md, "A plan made on an empty table"). Planning again now and then costs about a millisecond.
 */
export const REPLAN_EVERY = 100;

export function preparedRunner(pool: Pick<pg.Pool, 'connect'>, { replanEvery = REPLAN_EVERY } = {}): RunPrepared {
  const runs = new WeakMap<pg.PoolClient, number>();
  return async <Row>(name: string, text: string, values: readonly unknown[]) => {
    const client = await pool.connect();
    let failure: Error | undefined;
    try {
      const count = (runs.get(client) ?? 0) + 1;
      runs.set(client, count);
      // Keeps the statements, drops their plans: the next call plans with the tables as they are now.
      if (count % replanEvery === 0) await client.query('discard plans');
      const result = await client.query({ name, text, values: [...values] });
      return result.rows as Row[];
    } catch (error) {
      failure = error as Error;
      throw error;
    } finally {
      // As pool.query does: a connection whose statement failed is closed, not handed out again.
      client.release(failure);
    }
  };
}
