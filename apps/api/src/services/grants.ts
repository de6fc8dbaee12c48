import { normaliseEmail } from '@socialsafety/auth';
import type { Role } from '@socialsafety/db';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../access/authorize';
import { conflict, notFound, unprocessable } from '../lib/errors';
import type { GrantRepository } from '../repositories/grants';
import type { OrganisationRepository } from '../repositories/organisations';
import type { UnitRepository } from '../repositories/units';
import type { UserRepository } from '../repositories/users';
import { grantView } from './accounts';
import type { AuditService } from './audit';

export interface NewGrant {
  email: string;
  role: Role;
  unitId?: string | null | undefined;
}

/** Who may do what in an organisation. Every change is in the audit log. */
export function grantService(deps: {
  grants: GrantRepository;
  users: UserRepository;
  units: UnitRepository;
  organisations: OrganisationRepository;
  audit: AuditService;
}) {
  const { grants, users, units, organisations, audit } = deps;

  async function requireOrganisation(id: string) {
    if (!(await organisations.find(id))) throw notFound('Organisation');
  }

  return {
    async list(organisationId: string) {
      await requireOrganisation(organisationId);
      return (await grants.ofOrganisation(organisationId)).map(grantView);
    },

    async create(request: FastifyRequest, principal: Principal, organisationId: string, input: NewGrant) {
      await requireOrganisation(organisationId);
      const unitId = input.unitId ?? null;
      if (input.role === 'unit_viewer' && unitId === null) {
        throw unprocessable('UNIT_REQUIRED', 'A unit viewer needs a unit: send unitId, the root of the subtree they may see.');
      }
      if (input.role !== 'unit_viewer' && unitId !== null) {
        throw unprocessable('UNIT_NOT_ALLOWED', `The role ${input.role} covers the whole organisation; send no unitId.`);
      }
      if (unitId !== null && (await units.path(organisationId, unitId)).length === 0) {
        throw unprocessable('UNIT_NOT_FOUND', 'That unit is not part of this organisation.');
      }
      const user = await users.findByEmail(normaliseEmail(input.email));
      if (!user) {
        throw unprocessable('USER_NOT_FOUND', `There is no account for ${normaliseEmail(input.email)}; a platform administrator creates accounts.`);
      }
      const row = await grants.create({ userId: user.id, organisationId, role: input.role, unitId, grantedBy: principal.userId });
      if (!row) throw conflict('GRANT_EXISTS', `${user.email} already has this role here.`);
      await audit.record(request, 'grant.create', {
        organisationId,
        targetType: 'role_grant',
        targetId: row.id,
        details: { userId: user.id, email: user.email, role: row.role, unitId: row.unitId, unitCode: row.unitCode },
      });
      return grantView(row);
    },

    async remove(request: FastifyRequest, organisationId: string, grantId: string): Promise<void> {
      const row = await grants.find(organisationId, grantId);
      if (!row || !(await grants.delete(organisationId, grantId))) throw notFound('Grant');
      await audit.record(request, 'grant.delete', {
        organisationId,
        targetType: 'role_grant',
        targetId: grantId,
        details: { userId: row.userId, email: row.email, role: row.role, unitId: row.unitId, unitCode: row.unitCode },
      });
    },
  };
}

export type GrantService = ReturnType<typeof grantService>;
