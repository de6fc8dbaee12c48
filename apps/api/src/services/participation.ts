import { solveDisclosure } from '@socialsafety/scoring';
import type { FastifyRequest } from 'fastify';
import { unitScope, type Principal } from '../access/authorize';
import { subtreeIds, subtreeSums } from '../lib/subtree';
import type { InvitationRepository } from '../repositories/invitations';
import type { SurveyRepository } from '../repositories/survey';
import type { AuditService } from './audit';
import type { MeasurementService } from './measurements';

export interface UnitParticipation {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  /** Personal links handed out in the subtree and not withdrawn. */
  invited: number;
  /** Whether an open link works somewhere in the subtree (then a response rate means nothing). */
  openLink: boolean;
  /** Responses in the subtree; null = hidden to protect anonymity (every hidden cell looks the same). */
  responded: number | null;
  /** Whole percent of `invited`; null when `responded` is hidden, nobody was invited, or an open link is in use. */
  rate: number | null;
}

/**
 * Participation while a measurement runs (disclosure-control.md rule 7): per unit of the frozen tree, the subtree's
 * responses are shown only where the suppression solver publishes them: at least k, and never a count from which a
 * group below k follows by subtraction (rule 2; rule 1 alone would let "department minus its shown teams" reveal a
 * hidden team). The solver runs on the whole tree, then a unit viewer's answer is cut down to their subtree, so every
 * viewer reads the same published set. No breakdown by day or hour: that would tie responses to moments.
 */
export function participationService(deps: {
  lifecycle: MeasurementService;
  invitations: InvitationRepository;
  survey: SurveyRepository;
  audit: AuditService;
}) {
  const { lifecycle, invitations, survey, audit } = deps;

  return {
    async read(request: FastifyRequest, principal: Principal, measurementId: string) {
      const m = await lifecycle.load(request, measurementId);
      const units = await invitations.countsByUnit(measurementId);
      const responses = await survey.countsByUnit(measurementId);
      const published = new Map<string, number>();
      if (units.length > 0) {
        const solved = solveDisclosure({
          units: units.map((u) => ({ id: u.id, parentId: u.parentId })),
          responseCounts: responses,
          demographics: [],
          k: m.k,
          kSensitive: m.kSensitive,
        });
        for (const cell of solved.tiers.ordinary.published.units) published.set(cell.unitId, cell.count);
      }
      const invited = subtreeSums(units, (u) => u.invited);
      const openLinks = subtreeSums(units, (u) => (u.openLink ? 1 : 0));

      const scope = unitScope(principal, 'participation.read', m.organisationId);
      // Unit viewers are granted on live units; the frozen copy remembers which live unit each unit came from.
      const visible =
        scope === 'all'
          ? null
          : subtreeIds(units, units.filter((u) => u.sourceUnitId !== null && scope.includes(u.sourceUnitId)).map((u) => u.id));

      const rows: UnitParticipation[] = units
        .filter((u) => visible === null || visible.has(u.id))
        .map((u) => {
          const responded = published.get(u.id) ?? null;
          const invitedHere = invited.get(u.id) ?? 0;
          const openLink = (openLinks.get(u.id) ?? 0) > 0;
          const rate = responded !== null && invitedHere > 0 && !openLink ? Math.min(100, Math.round((100 * responded) / invitedHere)) : null;
          const parentId = visible === null || (u.parentId !== null && visible.has(u.parentId)) ? u.parentId : null;
          return { id: u.id, code: u.code, name: u.name, parentId, invited: invitedHere, openLink, responded, rate };
        });

      await audit.record(request, 'participation.view', {
        organisationId: m.organisationId,
        targetType: 'measurement',
        targetId: measurementId,
        details: { units: rows.length },
      });
      return { measurementId, status: m.status, k: m.k, units: rows };
    },
  };
}

export type ParticipationService = ReturnType<typeof participationService>;
