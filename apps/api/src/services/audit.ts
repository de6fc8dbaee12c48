import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { AuditEventRow, AuditRepository } from '../repositories/audit';

export interface AuditFields {
  organisationId?: string | null;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
  /** Defaults to the signed-in person making the request; set it where there is none yet (a sign-in). */
  actorUserId?: string | null;
}

export interface AuditPage {
  events: (Omit<AuditEventRow, 'occurredAt'> & { occurredAt: string })[];
  /** Pass as `before` to get the next (older) page; null on the last page. */
  nextBefore: number | null;
}

/**
 * The audit log, for every part of the API: `audit.record(request, 'grant.create', { ... })`. Actions are
 * `resource.verb` names (logins, grants, imports, tokens; measurement lifecycle, result views and exports later).
 * Events are written right after the action succeeded; a failure to write one is logged and fails the request, so
 * an action is never reported as done without its trace.
 */
export function auditService(repository: AuditRepository, log: FastifyBaseLogger) {
  return {
    async record(request: FastifyRequest | null, action: string, fields: AuditFields = {}): Promise<void> {
      try {
        await repository.insert({
          actorUserId: fields.actorUserId !== undefined ? fields.actorUserId : (request?.principal?.userId ?? null),
          action,
          organisationId: fields.organisationId ?? null,
          targetType: fields.targetType ?? null,
          targetId: fields.targetId ?? null,
          details: fields.details ?? {},
        });
      } catch (error) {
        (request?.log ?? log).error({ err: error, action }, 'could not write an audit event');
        throw error;
      }
    },

    async page(filter: { organisationId?: string; before?: number | undefined; limit: number }): Promise<AuditPage> {
      const rows = await repository.page({
        ...(filter.organisationId !== undefined ? { organisationId: filter.organisationId } : {}),
        ...(filter.before !== undefined ? { before: filter.before } : {}),
        limit: filter.limit + 1,
      });
      const events = rows.slice(0, filter.limit).map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() }));
      return { events, nextBefore: rows.length > filter.limit ? (events.at(-1)?.id ?? null) : null };
    },
  };
}

export type AuditService = ReturnType<typeof auditService>;
