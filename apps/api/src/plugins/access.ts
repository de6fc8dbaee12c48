import { safeEqual } from '@socialsafety/auth';
import type { FastifyReply, FastifyRequest, HTTPMethods, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { authorize, type Principal } from '../access/authorize';
import { permissionOf, type Action } from '../access/permissions';
import { AppError, notFound } from '../lib/errors';
import { csrfTokenFor, SESSION_COOKIE } from '../services/auth';

/** Where a route finds the organisation or unit it is about: a path parameter or a query parameter. */
export type Source = `params.${string}` | `query.${string}`;

/**
 * Every /api route declares one: public, or the action it performs and where its scope comes from. A route about a
 * measurement names it with `measurementFrom`: its organisation is the scope (an unknown measurement is a 404).
 */
export type AccessRule =
  | 'public'
  | { action: Action; organisationFrom?: Source; unitFrom?: Source; measurementFrom?: Source; measurementUnitFrom?: Source };

export interface RouteAccess {
  method: string;
  url: string;
  access: AccessRule;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyRequest {
    /** Who is asking; set for every route that is not public, null on public ones. */
    principal: Principal | null;
  }
  interface FastifyInstance {
    /** Every route registered after this plugin, with its access rule: what the role × route test walks. */
    routeAccess: RouteAccess[];
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const CSRF_HEADER = 'x-csrf-token';

function read(request: FastifyRequest, source: Source | undefined): string | undefined {
  if (!source) return undefined;
  const [part, name] = source.split('.') as ['params' | 'query', string];
  const value = (request[part] as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * A browser only sends Origin on cross-origin requests and on same-origin unsafe ones. One naming another host is a
 * page of another site making the request: refused before anything else happens (sign-in included).
 */
async function sameOrigin(request: FastifyRequest) {
  const origin = request.headers.origin;
  if (origin === undefined || !UNSAFE.has(request.method)) return;
  let same: boolean;
  try {
    // Through URL on both sides, so that an explicit default port (:80, :443) compares equal to none.
    same = new URL(origin).host === new URL(`${request.protocol}://${request.host}`).host;
  } catch {
    same = false;
  }
  if (!same) throw new AppError(403, 'CROSS_ORIGIN', 'Requests from other sites are not accepted.');
}

/**
 * Every route under /api must declare `config.access`; a route without one fails to register, so nothing is
 * reachable by forgetting. Non-public routes get an onRequest check that runs before the body is read:
 * 401 without valid credentials, 403 on a cookie-authenticated unsafe request without the session's CSRF token,
 * 403 when `authorize` says no. Routes outside /api (health, API docs, the web app's files) are public by nature.
 */
export default fp(
  async (app) => {
    app.decorateRequest('principal', null);
    const registry: RouteAccess[] = [];
    app.decorate('routeAccess', registry);

    async function organisationOfMeasurement(id: string | undefined): Promise<string> {
      const organisationId = id !== undefined && UUID.test(id) ? await app.measurements.organisationOf(id) : undefined;
      if (organisationId === undefined) throw notFound('Measurement');
      return organisationId;
    }

    const guard = (rule: Exclude<AccessRule, 'public'>): onRequestHookHandler =>
      async function checkAccess(request: FastifyRequest, reply: FastifyReply) {
        const principal = await app.auth.authenticate(request);
        if (!principal) {
          if (request.cookies[SESSION_COOKIE]) reply.clearCookie(SESSION_COOKIE, { path: '/' });
          throw new AppError(401, 'UNAUTHENTICATED', 'Sign in first (or send an API token).');
        }
        request.principal = principal;
        if (principal.via === 'session' && UNSAFE.has(request.method)) {
          const sent = request.headers[CSRF_HEADER];
          const expected = csrfTokenFor(request.cookies[SESSION_COOKIE] ?? '');
          if (typeof sent !== 'string' || !safeEqual(sent, expected)) {
            throw new AppError(403, 'CSRF_TOKEN_INVALID', `Send the X-CSRF-Token header with the csrfToken from sign-in or GET /api/v1/me.`);
          }
        }
        const organisationId = rule.measurementFrom
          ? await organisationOfMeasurement(read(request, rule.measurementFrom))
          : read(request, rule.organisationFrom);
        const unitId = read(request, rule.unitFrom);
        const measurementId = read(request, rule.measurementFrom);
        const measurementUnitId = read(request, rule.measurementUnitFrom);
        // A unit of a measurement's frozen tree is checked through the live units it and its ancestors were copied from.
        const unitPath =
          unitId !== undefined && organisationId !== undefined && UUID.test(unitId) && UUID.test(organisationId)
            ? await app.units.path(organisationId, unitId)
            : measurementUnitId !== undefined && measurementId !== undefined
              ? UUID.test(measurementUnitId)
                ? await app.results.sourcePath(measurementId, measurementUnitId)
                : []
              : undefined;
        if (!authorize(principal, rule.action, { organisationId, unitPath })) {
          throw new AppError(403, 'FORBIDDEN', 'You do not have permission for this.');
        }
      };

    app.addHook('onRoute', (route) => {
      const methods = [route.method].flat() as HTTPMethods[];
      const url = route.url ?? route.path;
      const declared = route.config?.access;
      if (!url.startsWith('/api/')) {
        for (const method of methods) registry.push({ method, url, access: declared ?? 'public' });
        return;
      }
      if (!declared) {
        throw new Error(`${methods.join(',')} ${url} declares no access rule: set config.access to 'public' or { action, ... }`);
      }
      if (
        declared !== 'public' &&
        permissionOf(declared.action).scope === 'organisation' &&
        !declared.organisationFrom &&
        !declared.measurementFrom
      ) {
        throw new Error(`${methods.join(',')} ${url}: action ${declared.action} is about an organisation; set organisationFrom or measurementFrom`);
      }
      for (const method of methods) registry.push({ method, url, access: declared });
      const existing = route.onRequest ? [route.onRequest].flat() : [];
      const checks: onRequestHookHandler[] = [sameOrigin];
      if (declared !== 'public') checks.push(guard(declared));
      route.onRequest = [...checks, ...existing];
    });
  },
  { name: 'access', dependencies: ['services'] },
);

/** The principal of a request that passed its access check (routes that are not public). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError(401, 'UNAUTHENTICATED', 'Sign in first (or send an API token).');
  return request.principal;
}
