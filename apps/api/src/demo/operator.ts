import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Principal } from '../access/authorize';

/**
 * The operator loading the demo, at the server's first start or from the command line: there is no HTTP request and
 * nobody signed in. Services take the request for their audit events, which then name no actor (as for the
 * administrator that start-up makes from ADMIN_EMAIL), and for its logger; this stands in for it.
 */
export function operatorRequest(log: FastifyBaseLogger): FastifyRequest {
  return { principal: null, log } as unknown as FastifyRequest;
}

/**
 * Creating an organisation answers with the caller's roles in it; the operator holds none (platform administrators
 * need no grant). The nil id matches no account.
 */
export const OPERATOR: Principal = {
  userId: '00000000-0000-0000-0000-000000000000',
  email: 'operator',
  isPlatformAdmin: true,
  via: 'token',
  credentialId: '00000000-0000-0000-0000-000000000000',
  grants: [],
};
