import type pg from 'pg';

/**
 * Runs a statement of the survey's hot path as a named prepared statement: PostgreSQL parses and plans it once per
 * connection instead of at every call. Planning the submission statement took longer than running it (0.3 ms of
 * 0.7 ms, pg_stat_statements under the submissions benchmark, docs/performance.md). Only for a few fixed statements:
 * each name stays prepared on every pooled connection for its lifetime, and one name must always carry the same text.
 */
export type RunPrepared = <Row>(name: string, text: string, values: readonly unknown[]) => Promise<Row[]>;

export function preparedRunner(pool: Pick<pg.Pool, 'query'>): RunPrepared {
  return async <Row>(name: string, text: string, values: readonly unknown[]) => {
    const result = await pool.query({ name, text, values: [...values] });
    return result.rows as Row[];
  };
}
