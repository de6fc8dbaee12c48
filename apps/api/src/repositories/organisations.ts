import type { Database } from '@socialsafety/db';
import { sql, type Kysely } from 'kysely';

export interface OrganisationRow {
  id: string;
  name: string;
  createdAt: Date;
  unitCount: number;
}

/** All SQL about organisations. */
export function organisationRepository(db: Kysely<Database>) {
  const withCounts = () =>
    db
      .selectFrom('organisations as o')
      .select([
        'o.id',
        'o.name',
        'o.created_at as createdAt',
        (eb) =>
          eb
            .selectFrom('units')
            .select(sql<number>`count(*)::int`.as('n'))
            .whereRef('units.organisation_id', '=', 'o.id')
            .as('unitCount'),
      ]);

  const counted = (row: { id: string; name: string; createdAt: Date; unitCount: number | null }): OrganisationRow => ({
    ...row,
    unitCount: row.unitCount ?? 0,
  });

  return {
    async create(name: string): Promise<OrganisationRow> {
      const row = await db
        .insertInto('organisations')
        .values({ name })
        .returning(['id', 'name', 'created_at as createdAt'])
        .executeTakeFirstOrThrow();
      return { ...row, unitCount: 0 };
    },

    async find(id: string): Promise<OrganisationRow | undefined> {
      const row = await withCounts().where('o.id', '=', id).executeTakeFirst();
      return row && counted(row);
    },

    /** Every organisation, or only these ids. */
    async list(ids?: readonly string[]): Promise<OrganisationRow[]> {
      if (ids && ids.length === 0) return [];
      const rows = await withCounts()
        .$if(ids !== undefined, (q) => q.where('o.id', 'in', ids!))
        .orderBy('o.name')
        .execute();
      return rows.map(counted);
    },
  };
}

export type OrganisationRepository = ReturnType<typeof organisationRepository>;
