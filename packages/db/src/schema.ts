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

/** A person who signs in. Disabled, never deleted (the audit log keeps referring to them). */
export interface UserTable {
  id: Generated<string>;
  /** Normalised: trimmed, lower case. Unique regardless of case. */
  email: string;
  /** argon2id in PHC format; a check constraint refuses anything else. */
  password_hash: string;
  is_platform_admin: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  disabled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** A signed-in browser. Only the SHA-256 of the cookie's token is stored. */
export interface SessionTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Date;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
}

/** A bearer token for scripts, acting as its user. Only the SHA-256 of the token is stored. */
export interface ApiTokenTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  name: string;
  created_at: CreatedAt;
  last_used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type Role = 'org_admin' | 'analyst' | 'unit_viewer' | 'researcher';

/** A role of a user in one organisation; unit viewers are scoped to one unit's subtree (unit_id). */
export interface RoleGrantTable {
  id: Generated<string>;
  user_id: string;
  organisation_id: string;
  role: Role;
  /** Required for unit_viewer, null for every other role (a check constraint holds it). */
  unit_id: string | null;
  granted_by: string | null;
  created_at: CreatedAt;
}

/** Append-only (a trigger rejects UPDATE, DELETE and TRUNCATE): who did what, when, where. */
export interface AuditEventTable {
  /** bigint identity; pg returns it as a string. */
  id: ColumnType<string, never, never>;
  occurred_at: ColumnType<Date, Date | undefined, never>;
  actor_user_id: ColumnType<string | null, string | null, never>;
  action: ColumnType<string, string, never>;
  organisation_id: ColumnType<string | null, string | null, never>;
  target_type: ColumnType<string | null, string | null, never>;
  target_id: ColumnType<string | null, string | null, never>;
  details: ColumnType<unknown, string | undefined, never>;
}

export interface Database {
  organisations: OrganisationTable;
  units: UnitTable;
  questionnaires: QuestionnaireTable;
  questionnaire_versions: QuestionnaireVersionTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  role_grants: RoleGrantTable;
  audit_events: AuditEventTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type Unit = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
export type QuestionnaireVersion = Selectable<QuestionnaireVersionTable>;
export type User = Selectable<UserTable>;
export type RoleGrant = Selectable<RoleGrantTable>;
export type AuditEvent = Selectable<AuditEventTable>;
