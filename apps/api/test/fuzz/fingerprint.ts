import { sql } from 'kysely';
import type { App } from '../../src/app';

/**
 * Parts of the database a request could write: counts of append-only tables, and a digest of the contents of
 * tables a request may change in place. Session activity times are left out: reading with a session may touch them.
 */
const PARTS = {
  responses: 'select count(*)::text from responses',
  drafts: "select count(*)::text || ':' || coalesce(md5(string_agg(token_hash || language || answers::text || demographics::text || updated_at::text, ',' order by token_hash)), '') from drafts",
  audit_events: 'select count(*)::text from audit_events',
  sessions: 'select count(*)::text from sessions',
  invitations: "select count(*)::text || ':' || count(*) filter (where status = 'used')::text || ':' || count(*) filter (where status = 'revoked')::text from invitations",
  users: "select count(*)::text || ':' || coalesce(md5(string_agg(id::text || email || password_hash || is_platform_admin::text || coalesce(disabled_at::text, ''), ',' order by id)), '') from users",
  organisations: "select count(*)::text || ':' || coalesce(md5(string_agg(id::text || name, ',' order by id)), '') from organisations",
  units: "select count(*)::text || ':' || coalesce(md5(string_agg(id::text || code || name || coalesce(parent_id::text, ''), ',' order by id)), '') from units",
  measurements: "select count(*)::text || ':' || coalesce(md5(string_agg(id::text || status || title || opens_at::text || closes_at::text || k::text || array_to_string(languages, ' ') || array_to_string(demographics, ' '), ',' order by id)), '') from measurements",
  grants: "select count(*)::text || ':' || coalesce(md5(string_agg(id::text || role || coalesce(unit_id::text, ''), ',' order by id)), '') from role_grants",
  versions: "select count(*)::text || ':' || coalesce(md5(string_agg(id::text || status || content_hash, ',' order by id)), '') from questionnaire_versions",
  tokens: "select count(*)::text || ':' || coalesce(md5(string_agg(id::text || coalesce(revoked_at::text, ''), ',' order by id)), '') from api_tokens",
} as const;

export type Part = keyof typeof PARTS;
export type Fingerprint = Partial<Record<Part, string>>;
export const ALL_PARTS = Object.keys(PARTS) as Part[];

/** The chosen parts in one query: two equal fingerprints mean nothing in those parts was written in between. */
export async function fingerprint(app: App, parts: readonly Part[] = ALL_PARTS): Promise<Fingerprint> {
  const columns = parts.map((part) => `(${PARTS[part]}) as ${part}`).join(', ');
  const { rows } = await sql<Fingerprint>`select ${sql.raw(columns)}`.execute(app.db);
  return rows[0]!;
}

/**
 * The insert position of the write-ahead log. Every write to a table moves it at once, so while it stays put nothing
 * was written anywhere and the last fingerprint still holds. (Not the write position, pg_current_wal_lsn: with
 * synchronous_commit off, as CI runs PostgreSQL, that one moves later, and a write would be seen a request late.) It may also move without a write the parts see (a rolled-back
 * insert, page pruning): the fuzzer then takes a fingerprint again.
 */
export async function walPosition(app: App): Promise<string> {
  const { rows } = await sql<{ position: string }>`select pg_current_wal_insert_lsn()::text as position`.execute(app.db);
  return rows[0]!.position;
}
