import type { Database } from '@socialsafety/db';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}

/** A unit of an incoming tree, already validated: codes unique, parents known, no cycles. */
export interface UnitInput {
  code: string;
  name: string;
  parentCode: string | null;
}

export type ReplaceOutcome =
  | { kind: 'replaced'; created: number; updated: number; removed: number; unchanged: number }
  | { kind: 'blocked'; units: { id: string; code: string; name: string; grants: number }[] };

/** All SQL about unit trees. */
export function unitRepository(db: Kysely<Database>) {
  return {
    async list(organisationId: string): Promise<UnitRow[]> {
      return db
        .selectFrom('units')
        .select(['id', 'code', 'name', 'parent_id as parentId'])
        .where('organisation_id', '=', organisationId)
        .orderBy('code')
        .execute();
    },

    /** The unit and its ancestors up to the root, nearest first; empty when the unit is not in the organisation. */
    async path(organisationId: string, unitId: string): Promise<string[]> {
      const { rows } = await sql<{ id: string }>`
        with recursive up (id, parent_id, depth) as (
          select id, parent_id, 0 from units where organisation_id = ${organisationId} and id = ${unitId}
          union all
          select u.id, u.parent_id, up.depth + 1 from units u join up on u.id = up.parent_id
        )
        select id from up order by depth`.execute(db);
      return rows.map((r) => r.id);
    },

    /**
     * Replaces the organisation's tree in one transaction. Units keep their id when their code stays (so grants and,
     * later, measurements keep pointing at them); new codes are inserted, missing codes deleted. Removing a unit that
     * someone is granted on is refused ('blocked'), and nothing is written. Set-based: three statements whatever the
     * size of the tree, with the data passed as arrays (unnest).
     */
    async replaceTree(organisationId: string, units: readonly UnitInput[]): Promise<ReplaceOutcome> {
      return db.transaction().execute(async (trx) => {
        // Serialises imports of one organisation: a second import waits and then sees the first one's tree.
        await trx.selectFrom('organisations').select('id').where('id', '=', organisationId).forUpdate().execute();
        const existing = await trx
          .selectFrom('units')
          .select(['id', 'code', 'name', 'parent_id as parentId'])
          .where('organisation_id', '=', organisationId)
          .execute();
        const byCode = new Map(existing.map((u) => [u.code, u]));
        const idOf = new Map(units.map((u) => [u.code, byCode.get(u.code)?.id ?? randomUUID()]));
        const removed = existing.filter((u) => !idOf.has(u.code));

        if (removed.length > 0) {
          const granted = await trx
            .selectFrom('role_grants')
            .select(['unit_id', sql<number>`count(*)::int`.as('n')])
            .where(sql<boolean>`unit_id = any(${removed.map((u) => u.id)}::uuid[])`)
            .groupBy('unit_id')
            .execute();
          if (granted.length > 0) {
            const count = new Map(granted.map((g) => [g.unit_id, g.n]));
            return {
              kind: 'blocked' as const,
              units: removed
                .filter((u) => count.has(u.id))
                .map((u) => ({ id: u.id, code: u.code, name: u.name, grants: count.get(u.id) ?? 0 })),
            };
          }
        }

        const fresh = units.filter((u) => !byCode.has(u.code));
        if (fresh.length > 0) {
          // Inserted without parents first: a new unit's parent may be another new unit, in any order.
          await sql`
            insert into units (id, organisation_id, code, name)
            select u.id, ${organisationId}::uuid, u.code, u.name
            from unnest(${fresh.map((u) => idOf.get(u.code))}::uuid[], ${fresh.map((u) => u.code)}::text[],
                        ${fresh.map((u) => u.name)}::text[]) as u (id, code, name)`.execute(trx);
        }

        const parentOf = (u: UnitInput) => (u.parentCode === null ? null : (idOf.get(u.parentCode) ?? null));
        const changed = units.filter((u) => {
          const old = byCode.get(u.code);
          return !old || old.name !== u.name || old.parentId !== parentOf(u);
        });
        if (changed.length > 0) {
          await sql`
            update units set name = u.name, parent_id = u.parent_id
            from unnest(${changed.map((u) => idOf.get(u.code))}::uuid[], ${changed.map((u) => u.name)}::text[],
                        ${changed.map(parentOf)}::uuid[]) as u (id, name, parent_id)
            where units.id = u.id and units.organisation_id = ${organisationId}::uuid`.execute(trx);
        }

        // Every kept unit now hangs under a kept parent, so deleting cascades to nothing that stays.
        if (removed.length > 0) {
          // One array parameter, not one parameter per id: PostgreSQL allows at most 65,535 parameters.
          await trx.deleteFrom('units').where(sql<boolean>`id = any(${removed.map((u) => u.id)}::uuid[])`).execute();
        }
        const updated = changed.length - fresh.length;
        return {
          kind: 'replaced' as const,
          created: fresh.length,
          updated,
          removed: removed.length,
          unchanged: units.length - fresh.length - updated,
        };
      });
    },
  };
}

export type UnitRepository = ReturnType<typeof unitRepository>;
