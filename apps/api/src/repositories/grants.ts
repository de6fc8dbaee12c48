import type { Database, Role } from '@socialsafety/db';
import type { Kysely } from 'kysely';
import type { PrincipalGrant } from '../access/authorize';

export interface GrantRow {
  id: string;
  organisationId: string;
  organisationName: string;
  userId: string;
  email: string;
  role: Role;
  unitId: string | null;
  unitCode: string | null;
  unitName: string | null;
  grantedByEmail: string | null;
  createdAt: Date;
}

/** All SQL about role grants. */
export function grantRepository(db: Kysely<Database>) {
  const detailed = () =>
    db
      .selectFrom('role_grants as g')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .innerJoin('organisations as o', 'o.id', 'g.organisation_id')
      .leftJoin('units as un', 'un.id', 'g.unit_id')
      .leftJoin('users as by', 'by.id', 'g.granted_by')
      .select([
        'g.id',
        'g.organisation_id as organisationId',
        'o.name as organisationName',
        'g.user_id as userId',
        'u.email',
        'g.role',
        'g.unit_id as unitId',
        'un.code as unitCode',
        'un.name as unitName',
        'by.email as grantedByEmail',
        'g.created_at as createdAt',
      ]);

  return {
    /** The grants an authorisation decision needs, for every organisation. */
    async ofUser(userId: string): Promise<PrincipalGrant[]> {
      return db
        .selectFrom('role_grants')
        .select(['id', 'organisation_id as organisationId', 'role', 'unit_id as unitId'])
        .where('user_id', '=', userId)
        .execute();
    },

    async ofUserDetailed(userId: string): Promise<GrantRow[]> {
      return detailed().where('g.user_id', '=', userId).orderBy('o.name').orderBy('g.role').execute();
    },

    async ofOrganisation(organisationId: string): Promise<GrantRow[]> {
      return detailed().where('g.organisation_id', '=', organisationId).orderBy('u.email').orderBy('g.role').execute();
    },

    async find(organisationId: string, grantId: string): Promise<GrantRow | undefined> {
      return detailed().where('g.organisation_id', '=', organisationId).where('g.id', '=', grantId).executeTakeFirst();
    },

    /** Inserts a grant; undefined when the same grant already exists. */
    async create(row: { userId: string; organisationId: string; role: Role; unitId: string | null; grantedBy: string }) {
      const inserted = await db
        .insertInto('role_grants')
        .values({
          user_id: row.userId,
          organisation_id: row.organisationId,
          role: row.role,
          unit_id: row.unitId,
          granted_by: row.grantedBy,
        })
        .onConflict((oc) => oc.constraint('role_grants_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted && (await this.find(row.organisationId, inserted.id));
    },

    async delete(organisationId: string, grantId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('role_grants')
        .where('organisation_id', '=', organisationId)
        .where('id', '=', grantId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type GrantRepository = ReturnType<typeof grantRepository>;
