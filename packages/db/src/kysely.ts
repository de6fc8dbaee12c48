import { Kysely, PostgresDialect } from 'kysely';
import type { Pool } from 'pg';
import type { Database } from './schema';

/**
 * Kysely over an existing pg pool. The pool's owner ends it; never call `destroy()` on a Kysely made here while
 * someone else owns the pool (Kysely's destroy ends the pool too, and a pool may be ended only once).
 */
export function createKysely(pool: Pool): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
