import type { InvitationKind } from '@socialsafety/db';
import type { FastifyRequest } from 'fastify';
import type { Today } from '../lib/calendar';
import { conflict, unprocessable } from '../lib/errors';
import { measurementHint, newSurveyToken, tokenHash } from '../lib/survey-secrets';
import type { InvitationRepository } from '../repositories/invitations';
import type { MeasurementRepository } from '../repositories/measurements';
import type { AuditService } from './audit';
import { statusConflict, type MeasurementService } from './measurements';

export interface NewLinks {
  unitCode: string;
  kind: InvitationKind;
  count: number;
}

/**
 * Invitation links: made per unit of the measurement's frozen tree, shown once, stored as SHA-256 only. Links name
 * their unit by its code (the organisation's own code, the same in the live tree and in the frozen copy), so a
 * client can make links in a draft before the tree is frozen.
 */
export function invitationService(deps: {
  invitations: InvitationRepository;
  measurements: MeasurementRepository;
  lifecycle: MeasurementService;
  audit: AuditService;
  today: Today;
  publicUrl: string;
}) {
  const { invitations, measurements, lifecycle, audit, today, publicUrl } = deps;

  async function unitIdOf(measurementId: string, code: string): Promise<string> {
    const unit = (await measurements.units(measurementId)).find((u) => u.code === code);
    if (!unit) throw unprocessable('UNIT_NOT_FOUND', `The measurement has no unit with code '${code}'.`);
    return unit.id;
  }

  return {
    async create(request: FastifyRequest, measurementId: string, input: NewLinks) {
      const m = await lifecycle.load(request, measurementId);
      if (m.status === 'closed') throw statusConflict('closed', 'get new links');
      const count = input.kind === 'open' ? 1 : input.count;
      const hint = measurementHint(measurementId);
      const tokens = Array.from({ length: count }, () => newSurveyToken(hint));
      const createdOn = today();
      const outcome = await invitations.create({
        measurementId,
        organisationId: m.organisationId,
        unitCode: input.unitCode,
        kind: input.kind,
        tokenHashes: tokens.map(tokenHash),
        today: createdOn,
      });
      switch (outcome.kind) {
        case 'status':
          throw statusConflict(outcome.status, 'get new links');
        case 'no_units':
          throw conflict('NO_UNITS', 'The organisation has no units: import the unit tree first (PUT /api/v1/organisations/:id/units).');
        case 'unit_not_found':
          throw unprocessable('UNIT_NOT_FOUND', `The measurement has no unit with code '${input.unitCode}'.`);
        case 'open_link_exists':
          throw conflict('OPEN_LINK_EXISTS', `Unit '${input.unitCode}' already has an open link. Its address cannot be shown again: revoke it (kind 'open') to make a new one.`);
        case 'created':
          break;
      }
      await audit.record(request, 'invitations.create', {
        organisationId: m.organisationId,
        targetType: 'measurement',
        targetId: measurementId,
        details: { unitCode: outcome.unit.code, kind: input.kind, count },
      });
      return {
        measurementId,
        unit: outcome.unit,
        kind: input.kind,
        createdOn,
        links: tokens.map((token) => `${publicUrl}/s/${token}`),
      };
    },

    async revoke(request: FastifyRequest, measurementId: string, scope: { unitCode?: string | undefined; kind?: InvitationKind | undefined }) {
      const m = await lifecycle.load(request, measurementId);
      if (m.status === 'closed') throw statusConflict('closed', 'have links revoked (they stopped working at close)');
      const unitId = scope.unitCode === undefined ? undefined : await unitIdOf(measurementId, scope.unitCode);
      const revoked = await invitations.revoke(measurementId, { unitId, kind: scope.kind });
      await audit.record(request, 'invitations.revoke', {
        organisationId: m.organisationId,
        targetType: 'measurement',
        targetId: measurementId,
        details: { unitCode: scope.unitCode ?? null, kind: scope.kind ?? null, revoked },
      });
      return { revoked };
    },

    /** Per unit (its own links, not its subtree's): links handed out, withdrawn, and whether an open link works. */
    async summary(request: FastifyRequest, measurementId: string) {
      await lifecycle.load(request, measurementId);
      return { units: await invitations.countsByUnit(measurementId) };
    },
  };
}

export type InvitationService = ReturnType<typeof invitationService>;
