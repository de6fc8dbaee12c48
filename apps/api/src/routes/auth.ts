import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../lib/error-body';
import { principalOf } from '../plugins/access';
import { SESSION_COOKIE } from '../services/auth';
import { authErrors, grant, security, user, writeErrors } from './schemas';

const credentials = z.object({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(1024),
});

/** Sign-in and sign-out (session cookie), and the caller's own account. */
const auth: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['accounts'],
        summary: 'Sign in: sets the session cookie and returns the CSRF token for writes',
        description:
          'A wrong email or password gets one generic 401 (INVALID_CREDENTIALS). Too many failures for one account or ' +
          'from one address give 429 with Retry-After. The session ends SESSION_TTL_HOURS after sign-in.',
        body: credentials,
        response: {
          200: z.object({ user: z.object({ id: z.uuid(), email: z.string() }), csrfToken: z.string(), expiresAt: z.string() }),
          400: errorBody,
          401: errorBody,
          403: errorBody,
          429: errorBody,
        },
      },
    },
    async (request, reply) => {
      const signedIn = await app.auth.login(request, request.body.email, request.body.password);
      reply.setCookie(SESSION_COOKIE, signedIn.sessionToken, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: request.protocol === 'https',
        expires: signedIn.expiresAt,
      });
      return { user: signedIn.user, csrfToken: signedIn.csrfToken, expiresAt: signedIn.expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: { action: 'account.write' } },
      schema: {
        tags: ['accounts'],
        summary: 'Sign out: ends the session and clears its cookie',
        security,
        response: { 204: z.null(), ...authErrors },
      },
    },
    async (request, reply) => {
      await app.auth.logout(request);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { access: { action: 'account.read' } },
      schema: {
        tags: ['accounts'],
        summary: 'Who am I: the account, its roles, and the CSRF token of this session',
        security,
        response: {
          200: z.object({
            user,
            grants: z.array(grant),
            authenticatedVia: z.enum(['session', 'token']),
            csrfToken: z.string().nullable().meta({ description: 'Send as X-CSRF-Token on writes (null for API tokens)' }),
            sessionExpiresAt: z.string().nullable(),
          }),
          ...authErrors,
        },
      },
    },
    async (request) => ({ ...(await app.accounts.me(principalOf(request))), ...(await app.auth.describe(request)) }),
  );

  app.put(
    '/api/v1/me/password',
    {
      config: { access: { action: 'account.write' } },
      schema: {
        tags: ['accounts'],
        summary: 'Change your password (every session ends: sign in again)',
        security,
        body: z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) }),
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await app.accounts.changePassword(request, principalOf(request), request.body.currentPassword, request.body.newPassword);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
};

export default auth;
