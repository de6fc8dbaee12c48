import type { Role } from '@socialsafety/db';
import { permissionOf, type Action } from './permissions';

export interface PrincipalGrant {
  id: string;
  organisationId: string;
  role: Role;
  /** The root of a unit viewer's subtree; null for organisation-wide roles. */
  unitId: string | null;
}

/** Who is asking: a signed-in person, through a browser session or an API token. */
export interface Principal {
  userId: string;
  email: string;
  isPlatformAdmin: boolean;
  via: 'session' | 'token';
  /** The session's or the token's id. */
  credentialId: string;
  grants: PrincipalGrant[];
}

export interface AccessScope {
  /** The organisation the request is about. */
  organisationId?: string | undefined;
  /**
   * For unit-scoped actions: the unit the request is about followed by its ancestors up to the root (empty when the
   * unit does not exist in the organisation).
   */
  unitPath?: readonly string[] | undefined;
}

/**
 * The one authorisation decision. Pure: everything it needs is in the principal and the scope, so it is tested
 * exhaustively and every route uses it through its access declaration (plugins/access.ts).
 */
export function authorize(principal: Principal, action: Action, scope: AccessScope = {}): boolean {
  const permission = permissionOf(action);
  switch (permission.scope) {
    case 'platform':
      return principal.isPlatformAdmin;
    case 'self':
      return !permission.sessionOnly || principal.via === 'session';
    case 'organisation': {
      const organisationId = scope.organisationId;
      if (organisationId === undefined) return false;
      if (permission.platformAdmin && principal.isPlatformAdmin) return true;
      return principal.grants.some((grant) => {
        if (grant.organisationId !== organisationId || !permission.roles.includes(grant.role)) return false;
        if (grant.role !== 'unit_viewer') return true;
        // A unit viewer holds an organisation-wide action only where the action is about units it can narrow down.
        if (!permission.unitScoped) return true;
        return grant.unitId !== null && (scope.unitPath ?? []).includes(grant.unitId);
      });
    }
  }
}

/**
 * Which part of an organisation's tree a principal may see for an action it holds: everything, or the subtrees
 * under these unit ids (unit viewers). Services use it to narrow lists, after `authorize` let the request in.
 */
export function unitScope(principal: Principal, action: Action, organisationId: string): 'all' | string[] {
  const permission = permissionOf(action);
  if (permission.scope !== 'organisation') return 'all';
  if (permission.platformAdmin && principal.isPlatformAdmin) return 'all';
  const grants = principal.grants.filter((g) => g.organisationId === organisationId && permission.roles.includes(g.role));
  if (grants.some((g) => g.role !== 'unit_viewer')) return 'all';
  return grants.flatMap((g) => (g.unitId === null ? [] : [g.unitId]));
}
