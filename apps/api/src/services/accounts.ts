import { AccountError, hashSecret, newSecret, verifyPassword, type AccountStore } from '@socialsafety/auth';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../access/authorize';
import { AppError, notFound } from '../lib/errors';
import type { GrantRepository, GrantRow } from '../repositories/grants';
import type { ApiTokenRow, SessionRepository } from '../repositories/sessions';
import type { UserRepository, UserRow } from '../repositories/users';
import type { AuditService } from './audit';

/** API token prefix: recognisable in a leaked log or by a secret scanner. */
export const TOKEN_PREFIX = 'sst_';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const userView = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  isPlatformAdmin: u.isPlatformAdmin,
  createdAt: u.createdAt.toISOString(),
  disabledAt: iso(u.disabledAt),
});

export const grantView = (g: GrantRow) => ({
  id: g.id,
  organisationId: g.organisationId,
  organisationName: g.organisationName,
  userId: g.userId,
  email: g.email,
  role: g.role,
  unit: g.unitId === null ? null : { id: g.unitId, code: g.unitCode ?? '', name: g.unitName ?? '' },
  grantedBy: g.grantedByEmail,
  createdAt: g.createdAt.toISOString(),
});

const tokenView = (t: ApiTokenRow) => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: iso(t.lastUsedAt),
  revokedAt: iso(t.revokedAt),
});

/** Maps the shared account store's errors onto the API's error policy. */
function accountError(error: unknown): never {
  if (error instanceof AccountError) {
    const status = error.code === 'EMAIL_TAKEN' ? 409 : error.code === 'USER_NOT_FOUND' ? 404 : 422;
    throw new AppError(status, error.code, error.message);
  }
  throw error;
}

/** A person's own account (profile, password, API tokens) and, for platform administrators, everyone's accounts. */
export function accountService(deps: {
  store: AccountStore;
  users: UserRepository;
  grants: GrantRepository;
  sessions: SessionRepository;
  audit: AuditService;
  now: () => Date;
}) {
  const { store, users, grants, sessions, audit, now } = deps;

  return {
    async me(principal: Principal) {
      const user = await users.findById(principal.userId);
      if (!user) throw notFound('Your account');
      return { user: userView(user), grants: (await grants.ofUserDetailed(principal.userId)).map(grantView) };
    },

    /** Changes the password after checking the current one; every session of the account ends (sign in again). */
    async changePassword(request: FastifyRequest, principal: Principal, current: string, next: string): Promise<void> {
      const login = await users.findForLogin(principal.email);
      if (!login || !(await verifyPassword(login.passwordHash, current))) {
        throw new AppError(422, 'INVALID_CREDENTIALS', 'The current password is not correct.');
      }
      await store.setPassword(principal.email, next, principal.userId, 'api').catch(accountError);
      request.log.info({ userId: principal.userId }, 'password changed');
    },

    async listTokens(principal: Principal) {
      return (await sessions.listTokens(principal.userId)).map(tokenView);
    },

    /** Creates an API token; its secret is in this answer only. */
    async createToken(request: FastifyRequest, principal: Principal, name: string) {
      const token = newSecret(TOKEN_PREFIX);
      const row = await sessions.createToken({ userId: principal.userId, name: name.trim(), tokenHash: hashSecret(token) });
      await audit.record(request, 'token.create', { targetType: 'api_token', targetId: row.id, details: { name: row.name } });
      return { ...tokenView(row), token };
    },

    async revokeToken(request: FastifyRequest, principal: Principal, id: string) {
      const row = await sessions.revokeToken(principal.userId, id, now());
      if (!row) throw notFound('API token');
      await audit.record(request, 'token.revoke', { targetType: 'api_token', targetId: row.id, details: { name: row.name } });
      return tokenView(row);
    },

    async listUsers() {
      return (await users.list()).map(userView);
    },

    async createUser(request: FastifyRequest, input: { email: string; password: string; platformAdmin: boolean }) {
      const created = await store
        .create({ ...input, createdBy: request.principal?.userId ?? null, via: 'api' })
        .catch(accountError);
      const row = await users.findById(created.id);
      if (!row) throw notFound('The new account');
      return userView(row);
    },

    /** Disables or re-enables an account. Disabling ends its sessions; its API tokens stop working while disabled. */
    async setDisabled(request: FastifyRequest, id: string, disabled: boolean) {
      if (disabled && request.principal?.userId === id) {
        throw new AppError(409, 'CANNOT_DISABLE_SELF', 'You cannot disable your own account.');
      }
      const row = await users.setDisabled(id, disabled ? now() : null);
      if (!row) throw notFound('User');
      await audit.record(request, disabled ? 'user.disable' : 'user.enable', { targetType: 'user', targetId: id });
      return userView(row);
    },
  };
}

export type AccountService = ReturnType<typeof accountService>;
