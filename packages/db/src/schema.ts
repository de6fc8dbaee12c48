import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps are written by the database and read back as Date objects. */
type CreatedAt = ColumnType<Date, never, never>;

export interface OrganisationTable {
  id: Generated<string>;
  name: string;
  created_at: CreatedAt;
}

/** The live unit tree of an organisation. Measurements take a frozen copy at open. */
export interface UnitTable {
  id: Generated<string>;
  organisation_id: string;
  parent_id: string | null;
  /** The organisation's own code for the unit (from its HR system); unique within the organisation. */
  code: string;
  name: string;
  created_at: CreatedAt;
}

export interface QuestionnaireTable {
  key: string;
  created_at: CreatedAt;
}

export type QuestionnaireStatus = 'draft' | 'published' | 'retired';

/** One version of a questionnaire. Published versions are immutable (a trigger enforces it). */
export interface QuestionnaireVersionTable {
  id: Generated<string>;
  questionnaire_key: string;
  version: string;
  status: ColumnType<QuestionnaireStatus, QuestionnaireStatus | undefined, QuestionnaireStatus>;
  /** The validated definition (jsonb); its shape is owned by @socialsafety/instrument. */
  definition: ColumnType<unknown, string, string>;
  content_hash: string;
  builtin: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  published_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface Database {
  organisations: OrganisationTable;
  units: UnitTable;
  questionnaires: QuestionnaireTable;
  questionnaire_versions: QuestionnaireVersionTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type Unit = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
export type QuestionnaireVersion = Selectable<QuestionnaireVersionTable>;
