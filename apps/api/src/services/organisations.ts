import type { FastifyRequest } from 'fastify';
import type { Principal } from '../access/authorize';
import { notFound } from '../lib/errors';
import type { OrganisationRepository, OrganisationRow } from '../repositories/organisations';
import type { AuditService } from './audit';

const view = (o: OrganisationRow, principal: Principal) => ({
  id: o.id,
  name: o.name,
  createdAt: o.createdAt.toISOString(),
  unitCount: o.unitCount,
  /** The caller's own roles here, so a client can show what they may do. */
  myRoles: [...new Set(principal.grants.filter((g) => g.organisationId === o.id).map((g) => g.role))].sort(),
});

/** Organisations: platform administrators create them; everyone sees the ones they hold a role in. */
export function organisationService(repository: OrganisationRepository, audit: AuditService) {
  return {
    async create(request: FastifyRequest, principal: Principal, name: string) {
      const row = await repository.create(name.trim());
      await audit.record(request, 'organisation.create', { organisationId: row.id, targetType: 'organisation', targetId: row.id, details: { name: row.name } });
      return view(row, principal);
    },

    async list(principal: Principal) {
      const rows = principal.isPlatformAdmin
        ? await repository.list()
        : await repository.list([...new Set(principal.grants.map((g) => g.organisationId))]);
      return rows.map((row) => view(row, principal));
    },

    async get(principal: Principal, id: string) {
      const row = await repository.find(id);
      if (!row) throw notFound('Organisation');
      return view(row, principal);
    },
  };
}

export type OrganisationService = ReturnType<typeof organisationService>;
