import type { Role } from '@socialsafety/db';

/**
 * Every permission the API knows, as a named action, and who holds it. This table is the whole policy: routes name
 * an action, `authorize` reads this table, and docs/api.md shows it to people.
 *
 * - scope 'platform': only platform administrators.
 * - scope 'organisation': the roles listed, in the organisation the request is about; platform administrators too
 *   when `platformAdmin` is true. Results and exports are deliberately NOT open to platform administrators without a
 *   grant: seeing an organisation's results always needs a grant, and every grant is in the audit log.
 * - scope 'self': any signed-in person, about their own account.
 * - `unitScoped`: a unit viewer holds it only for a unit inside their subtree (the route names the unit).
 *   Without it, a unit viewer listed in `roles` passes the check and the service narrows what it answers to their
 *   subtree with `unitScope` (units.read, measurements.read, participation.read).
 * - `sessionOnly`: not with an API token (a leaked token must not be able to mint new tokens).
 */
export const permissions = {
  'organisations.create': { scope: 'platform' },
  'questionnaires.write': { scope: 'platform' },
  'users.read': { scope: 'platform' },
  'users.write': { scope: 'platform' },
  'platform_audit.read': { scope: 'platform' },

  'organisations.list': { scope: 'self' },
  'account.read': { scope: 'self' },
  'account.write': { scope: 'self' },
  'tokens.read': { scope: 'self' },
  'tokens.write': { scope: 'self', sessionOnly: true },

  'organisation.read': { scope: 'organisation', roles: ['org_admin', 'analyst', 'unit_viewer', 'researcher'], platformAdmin: true },
  'units.read': { scope: 'organisation', roles: ['org_admin', 'analyst', 'unit_viewer', 'researcher'], platformAdmin: true },
  'units.write': { scope: 'organisation', roles: ['org_admin'], platformAdmin: true },
  'grants.read': { scope: 'organisation', roles: ['org_admin'], platformAdmin: true },
  'grants.write': { scope: 'organisation', roles: ['org_admin'], platformAdmin: true },
  'audit.read': { scope: 'organisation', roles: ['org_admin'], platformAdmin: true },
  // Every role needs to find the organisation's measurements (to read results, to export); a measurement's own data
  // holds no answers and no participation figures.
  'measurements.read': { scope: 'organisation', roles: ['org_admin', 'analyst', 'unit_viewer', 'researcher'], platformAdmin: true },
  'measurements.write': { scope: 'organisation', roles: ['org_admin'], platformAdmin: true },
  'invitations.read': { scope: 'organisation', roles: ['org_admin'], platformAdmin: true },
  'invitations.write': { scope: 'organisation', roles: ['org_admin'], platformAdmin: true },
  // Participation under rule 7 (counts from k up, under disclosure control) is progress, not results: those who run
  // a measurement, platform administrators included, follow it. Every view is in the audit log.
  'participation.read': { scope: 'organisation', roles: ['org_admin', 'analyst', 'unit_viewer'], platformAdmin: true },
  // Which results exist and which units the viewer starts from; the figures themselves need results.read.
  'results.overview': { scope: 'organisation', roles: ['org_admin', 'analyst', 'unit_viewer'], platformAdmin: false },
  'results.read': { scope: 'organisation', roles: ['org_admin', 'analyst', 'unit_viewer'], platformAdmin: false, unitScoped: true },
  'export.read': { scope: 'organisation', roles: ['researcher', 'org_admin'], platformAdmin: false },
} as const satisfies Record<string, Permission>;

export type Action = keyof typeof permissions;

export type Permission =
  | { scope: 'platform' }
  | { scope: 'self'; sessionOnly?: boolean }
  | { scope: 'organisation'; roles: readonly Role[]; platformAdmin: boolean; unitScoped?: boolean };

export const actions = Object.keys(permissions) as Action[];

export function permissionOf(action: Action): Permission {
  return permissions[action];
}
