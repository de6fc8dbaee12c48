import type { Database, InvitationKind, InvitationStatus, MeasurementStatus } from '@socialsafety/db';
import { sql, type Kysely } from 'kysely';
import { freezeUnits } from './measurements';

export interface InvitationRow {
  measurementId: string;
  measurementUnitId: string;
  unitName: string;
  kind: InvitationKind;
  status: InvitationStatus;
}

export type CreateOutcome =
  | { kind: 'created'; unit: { id: string; code: string; name: string } }
  | { kind: 'status'; status: MeasurementStatus }
  | { kind: 'no_units' }
  | { kind: 'unit_not_found' }
  | { kind: 'open_link_exists' };

/** Per unit of the frozen tree, the unit's own links (not its subtree's). */
export interface UnitInvitationCounts {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  sourceUnitId: string | null;
  /** Personal links handed out and not withdrawn (unused and used alike: the split is participation). */
  invited: number;
  revoked: number;
  openLink: boolean;
}

/** All SQL about invitation links. */
export function invitationRepository(db: Kysely<Database>) {
  return {
    /**
     * Stores new links (their hashes) for one unit, in one transaction with the measurement locked, so that opening
     * or closing cannot interleave. In a draft, the first links freeze the unit tree: a link names its unit, and that
     * unit must not move under it.
     */
    async create(input: {
      measurementId: string;
      organisationId: string;
      unitCode: string;
      kind: InvitationKind;
      tokenHashes: readonly string[];
      today: string;
    }): Promise<CreateOutcome> {
      return db.transaction().execute(async (trx) => {
        const measurement = await trx
          .selectFrom('measurements')
          .select('status')
          .where('id', '=', input.measurementId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (measurement.status === 'closed') return { kind: 'status', status: measurement.status };
        if ((await freezeUnits(trx, input.measurementId, input.organisationId)) === 0) return { kind: 'no_units' };
        const unit = await trx
          .selectFrom('measurement_units')
          .select(['id', 'code', 'name'])
          .where('measurement_id', '=', input.measurementId)
          .where('code', '=', input.unitCode)
          .executeTakeFirst();
        if (!unit) return { kind: 'unit_not_found' };
        if (input.kind === 'open') {
          const existing = await trx
            .selectFrom('invitations')
            .select('id')
            .where('measurement_unit_id', '=', unit.id)
            .where('kind', '=', 'open')
            .where('status', '=', 'issued')
            .executeTakeFirst();
          if (existing) return { kind: 'open_link_exists' };
        }
        // One statement with an array parameter, whatever the count (PostgreSQL allows at most 65,535 parameters).
        await sql`
          insert into invitations (measurement_id, measurement_unit_id, token_hash, kind, created_on)
          select ${input.measurementId}::uuid, ${unit.id}::uuid, h, ${input.kind}, ${input.today}::date
          from unnest(${[...input.tokenHashes]}::text[]) as h`.execute(trx);
        return { kind: 'created', unit };
      });
    },

    /**
     * Withdraws every link in scope that is not withdrawn yet, used ones included: a count of only the unused ones
     * would tell, by subtraction from the links made, how many people of a unit took part (below k too). For a link
     * already used nothing changes but its answer to a retry (404 instead of 200); its use date is dropped.
     */
    async revoke(measurementId: string, scope: { unitId?: string | undefined; kind?: InvitationKind | undefined }): Promise<number> {
      // The links are locked in the order of their hashes, as a batch of submissions locks them
      // (survey-submission.ts): in any other order the two could each hold a link the other waits for.
      const result = await db
        .updateTable('invitations')
        .set({ status: 'revoked', used_on: null })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('invitations')
            .select('id')
            .where('measurement_id', '=', measurementId)
            .where('status', '<>', 'revoked')
            .$if(scope.unitId !== undefined, (q) => q.where('measurement_unit_id', '=', scope.unitId!))
            .$if(scope.kind !== undefined, (q) => q.where('kind', '=', scope.kind!))
            .orderBy('token_hash')
            .forUpdate(),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async findByTokenHash(tokenHash: string): Promise<InvitationRow | undefined> {
      return db
        .selectFrom('invitations as i')
        .innerJoin('measurement_units as u', 'u.id', 'i.measurement_unit_id')
        .select(['i.measurement_id as measurementId', 'i.measurement_unit_id as measurementUnitId', 'u.name as unitName', 'i.kind', 'i.status'])
        .where('i.token_hash', '=', tokenHash)
        .executeTakeFirst();
    },

    async countsByUnit(measurementId: string): Promise<UnitInvitationCounts[]> {
      const { rows } = await sql<UnitInvitationCounts>`
        with i as (
          select measurement_unit_id as id,
                 count(*) filter (where kind = 'personal' and status <> 'revoked')::int as invited,
                 count(*) filter (where kind = 'personal' and status = 'revoked')::int as revoked,
                 bool_or(kind = 'open' and status = 'issued') as open_link
          from invitations where measurement_id = ${measurementId} group by measurement_unit_id
        )
        select u.id, u.code, u.name, u.parent_id as "parentId", u.source_unit_id as "sourceUnitId", coalesce(i.invited, 0) as invited,
               coalesce(i.revoked, 0) as revoked, coalesce(i.open_link, false) as "openLink"
        from measurement_units u left join i on i.id = u.id
        where u.measurement_id = ${measurementId}
        order by u.code`.execute(db);
      return rows;
    },
  };
}

export type InvitationRepository = ReturnType<typeof invitationRepository>;
