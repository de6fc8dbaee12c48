import type { Database } from '@socialsafety/db';
import type { Kysely } from 'kysely';

export interface CredentialOwner {
  credentialId: string;
  userId: string;
  email: string;
  isPlatformAdmin: boolean;
  /** When the credential was last used (sessions: last seen), to write that at most once a minute. */
  lastUsedAt: Date | null;
  /** Sessions only. */
  expiresAt: Date | null;
}

export interface ApiTokenRow {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const tokenColumns = ['id', 'name', 'created_at as createdAt', 'last_used_at as lastUsedAt', 'revoked_at as revokedAt'] as const;

/** All SQL about sessions and API tokens. Secrets never reach this layer: only their SHA-256. */
export function sessionRepository(db: Kysely<Database>) {
  return {
    async createSession(row: { userId: string; tokenHash: string; expiresAt: Date; now: Date }): Promise<string> {
      const { id } = await db
        .insertInto('sessions')
        .values({ user_id: row.userId, token_hash: row.tokenHash, expires_at: row.expiresAt, last_seen_at: row.now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },

    /** Removes a user's sessions that have ended, so the table does not grow with every sign-in. */
    async deleteExpiredSessions(userId: string, now: Date): Promise<void> {
      await db.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<=', now).execute();
    },

    /** The live session with this token hash, of an account that is not disabled. */
    async findSession(tokenHash: string, now: Date): Promise<CredentialOwner | undefined> {
      return db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.id as credentialId',
          'users.id as userId',
          'users.email',
          'users.is_platform_admin as isPlatformAdmin',
          'sessions.last_seen_at as lastUsedAt',
          'sessions.expires_at as expiresAt',
        ])
        .where('sessions.token_hash', '=', tokenHash)
        .where('sessions.expires_at', '>', now)
        .where('users.disabled_at', 'is', null)
        .executeTakeFirst();
    },

    async touchSession(id: string, now: Date): Promise<void> {
      await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
    },

    async deleteSession(id: string): Promise<void> {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },

    /** The unrevoked token with this hash, of an account that is not disabled. */
    async findToken(tokenHash: string): Promise<CredentialOwner | undefined> {
      const row = await db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .select([
          'api_tokens.id as credentialId',
          'users.id as userId',
          'users.email',
          'users.is_platform_admin as isPlatformAdmin',
          'api_tokens.last_used_at as lastUsedAt',
        ])
        .where('api_tokens.token_hash', '=', tokenHash)
        .where('api_tokens.revoked_at', 'is', null)
        .where('users.disabled_at', 'is', null)
        .executeTakeFirst();
      return row && { ...row, expiresAt: null };
    },

    async touchToken(id: string, now: Date): Promise<void> {
      await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
    },

    async createToken(row: { userId: string; name: string; tokenHash: string }): Promise<ApiTokenRow> {
      return db
        .insertInto('api_tokens')
        .values({ user_id: row.userId, name: row.name, token_hash: row.tokenHash })
        .returning(tokenColumns)
        .executeTakeFirstOrThrow();
    },

    async listTokens(userId: string): Promise<ApiTokenRow[]> {
      return db.selectFrom('api_tokens').select(tokenColumns).where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
    },

    /** Revokes one of the user's tokens; undefined when the user has no such token. Revoking twice keeps the first time. */
    async revokeToken(userId: string, id: string, now: Date): Promise<ApiTokenRow | undefined> {
      await db
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .execute();
      return db.selectFrom('api_tokens').select(tokenColumns).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    },
  };
}

export type SessionRepository = ReturnType<typeof sessionRepository>;
