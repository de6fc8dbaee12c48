import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps are written by the database and read back as Date objects. */
type CreatedAt = ColumnType<Date, never, never>;

export interface OrganisationTable {
  id: Generated<string>;
  name: string;
  created_at: Generated<CreatedAt>;
}

/** The live unit tree of an organisation. Measurements take a frozen copy at open. */
export interface UnitTable {
  id: Generated<string>;
  organisation_id: string;
  parent_id: string | null;
  /** The organisation's own code for the unit (from its HR system); unique within the organisation. */
  code: string;
  name: string;
  created_at: Generated<CreatedAt>;
}

export interface Database {
  organisations: OrganisationTable;
  units: UnitTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type Unit = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
