import type { Database } from '@socialsafety/db';
import type { Kysely } from 'kysely';

export interface NewAuditEvent {
  actorUserId: string | null;
  action: string;
  organisationId: string | null;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

export interface AuditEventRow {
  id: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorEmail: string | null;
  action: string;
  organisationId: string | null;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
}

/** All SQL about the audit log: insert and read, nothing else (the table refuses anything else). */
export function auditRepository(db: Kysely<Database>) {
  return {
    /** The database's clock stamps the event: one clock for every API process. */
    async insert(event: NewAuditEvent): Promise<void> {
      await db
        .insertInto('audit_events')
        .values({
          actor_user_id: event.actorUserId,
          action: event.action,
          organisation_id: event.organisationId,
          target_type: event.targetType,
          target_id: event.targetId,
          details: JSON.stringify(event.details),
        })
        .execute();
    },

    /**
     * A page of events, newest first: of one organisation, or of everything (organisationId undefined).
     * `before` is the id of the last event of the previous page (keyset paging: stable while events are added).
     */
    async page(filter: { organisationId?: string; before?: number; limit: number }): Promise<AuditEventRow[]> {
      const rows = await db
        .selectFrom('audit_events as e')
        .leftJoin('users as u', 'u.id', 'e.actor_user_id')
        .select([
          'e.id',
          'e.occurred_at as occurredAt',
          'e.actor_user_id as actorUserId',
          'u.email as actorEmail',
          'e.action',
          'e.organisation_id as organisationId',
          'e.target_type as targetType',
          'e.target_id as targetId',
          'e.details',
        ])
        .$if(filter.organisationId !== undefined, (q) => q.where('e.organisation_id', '=', filter.organisationId!))
        .$if(filter.before !== undefined, (q) => q.where('e.id', '<', String(filter.before)))
        .orderBy('e.id', 'desc')
        .limit(filter.limit)
        .execute();
      // bigint identity arrives as a string; audit ids stay far below 2^53.
      return rows.map((row) => ({ ...row, id: Number(row.id) }));
    },
  };
}

export type AuditRepository = ReturnType<typeof auditRepository>;
