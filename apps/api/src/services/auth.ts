import { emailFingerprint, hashSecret, newSecret, normaliseEmail, verifyDummyPassword, verifyPassword } from '@socialsafety/auth';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../access/authorize';
import { AppError } from '../lib/errors';
import type { RateLimiter } from '../lib/rate-limiter';
import type { GrantRepository } from '../repositories/grants';
import type { CredentialOwner, SessionRepository } from '../repositories/sessions';
import type { UserRepository } from '../repositories/users';
import type { AuditService } from './audit';

export const SESSION_COOKIE = 'socialsafety_session';
/** Last-seen and last-used times are written at most this often: not one write per request. */
const TOUCH_EVERY_MS = 60_000;

export interface AuthDeps {
  sessions: SessionRepository;
  users: UserRepository;
  grants: GrantRepository;
  audit: AuditService;
  limiter: RateLimiter;
  now: () => Date;
  sessionTtlMs: number;
}

export interface SignedIn {
  /** The session secret: goes into the cookie, never into the database or a log. */
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
  user: { id: string; email: string };
}

/**
 * The CSRF token of a session, derived from the session's secret: a page of our own origin receives it in JSON and
 * sends it back in a header; another site can neither read it nor compute it (the cookie is HttpOnly).
 */
export function csrfTokenFor(sessionToken: string): string {
  return hashSecret(`csrf:${sessionToken}`);
}

const badCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', 'The email address or password is not correct.');

function tooMany(seconds: number) {
  const minutes = Math.ceil(seconds / 60);
  return new AppError(
    429,
    'RATE_LIMITED',
    `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    { retryAfterSeconds: seconds },
    { 'retry-after': String(seconds) },
  );
}

/** Sign-in, sign-out, and turning a request's credential (session cookie or bearer token) into a principal. */
export function authService(deps: AuthDeps) {
  const { sessions, users, grants, audit, limiter, now } = deps;

  async function principalOf(owner: CredentialOwner, via: Principal['via']): Promise<Principal> {
    const at = now();
    if (!owner.lastUsedAt || at.getTime() - owner.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
      await (via === 'session' ? sessions.touchSession(owner.credentialId, at) : sessions.touchToken(owner.credentialId, at));
    }
    return {
      userId: owner.userId,
      email: owner.email,
      isPlatformAdmin: owner.isPlatformAdmin,
      via,
      credentialId: owner.credentialId,
      grants: await grants.ofUser(owner.userId),
    };
  }

  return {
    /**
     * Checks the password and opens a session. Unknown account, disabled account and wrong password all get the
     * same answer after the same work (an argon2 verification), so neither message nor timing tells which.
     * Failures count per account and per client address; over the limit the answer is 429 before any checking.
     */
    async login(request: FastifyRequest, email: string, password: string): Promise<SignedIn> {
      const normalised = normaliseEmail(email);
      const keys = [`account:${normalised}`, `ip:${request.ip}`];
      const wait = Math.max(...keys.map((k) => limiter.retryAfter(k)));
      if (wait > 0) {
        request.log.warn({ emailFingerprint: emailFingerprint(normalised) }, 'sign-in refused: too many failures');
        throw tooMany(wait);
      }
      const user = await users.findForLogin(normalised);
      const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyDummyPassword(password);
      if (!user || !ok || user.disabledAt !== null) {
        keys.forEach((k) => limiter.hit(k));
        const reason = !user ? 'unknown_account' : !ok ? 'wrong_password' : 'account_disabled';
        await audit.record(request, 'auth.login_failure', {
          actorUserId: user?.id ?? null,
          details: { reason, emailFingerprint: emailFingerprint(normalised) },
        });
        throw badCredentials();
      }
      limiter.reset(keys[0]!);

      const sessionToken = newSecret();
      const at = now();
      const expiresAt = new Date(at.getTime() + deps.sessionTtlMs);
      await sessions.deleteExpiredSessions(user.id, at);
      const sessionId = await sessions.createSession({ userId: user.id, tokenHash: hashSecret(sessionToken), expiresAt, now: at });
      await audit.record(request, 'auth.login', { actorUserId: user.id, targetType: 'session', targetId: sessionId });
      return { sessionToken, csrfToken: csrfTokenFor(sessionToken), expiresAt, user: { id: user.id, email: user.email } };
    },

    async logout(request: FastifyRequest): Promise<void> {
      const principal = request.principal;
      if (!principal) return;
      if (principal.via === 'session') await sessions.deleteSession(principal.credentialId);
      await audit.record(request, 'auth.logout', { targetType: principal.via, targetId: principal.credentialId });
    },

    /**
     * The principal behind the request, or null when it carries no valid session. A bearer token that is not valid
     * is an error (401 INVALID_TOKEN) rather than anonymity: a script should learn at once that its token no longer
     * works. Secrets are looked up by their SHA-256 through a unique index: the lookup's timing depends on a hash
     * the caller cannot steer, so it leaks nothing about stored secrets.
     */
    async authenticate(request: FastifyRequest): Promise<Principal | null> {
      // Other schemes (e.g. Basic from a protecting proxy) are not ours: they fall through to the session cookie.
      const bearer = /^Bearer\s+(\S*)\s*$/i.exec(request.headers.authorization ?? '');
      if (bearer) {
        const owner = await sessions.findToken(hashSecret(bearer[1] ?? ''));
        if (!owner) throw new AppError(401, 'INVALID_TOKEN', 'The API token is not valid: it was revoked, or its account is disabled.');
        return principalOf(owner, 'token');
      }
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return null;
      const owner = await sessions.findSession(hashSecret(token), now());
      return owner ? principalOf(owner, 'session') : null;
    },

    /** How the request is signed in: for a session, its CSRF token and when it ends (null for API tokens). */
    async describe(request: FastifyRequest) {
      const token = request.cookies[SESSION_COOKIE];
      const via = request.principal?.via ?? 'session';
      if (via !== 'session' || !token) return { authenticatedVia: via, csrfToken: null, sessionExpiresAt: null };
      const session = await sessions.findSession(hashSecret(token), now());
      return {
        authenticatedVia: via,
        csrfToken: csrfTokenFor(token),
        sessionExpiresAt: session?.expiresAt?.toISOString() ?? null,
      };
    },
  };
}

export type AuthService = ReturnType<typeof authService>;
