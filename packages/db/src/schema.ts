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

/**
 * Calendar dates (`date` columns) are read as 'YYYY-MM-DD' strings: the connection installs a parser for them
 * (connect.ts), because pg's default turns a date into a Date at local midnight, which shifts across time zones.
 */
type CalendarDate = ColumnType<string, string, string>;

export type MeasurementStatus = 'draft' | 'open' | 'closed';

/**
 * A measurement of one organisation with one published questionnaire version. From open on, k, k_sensitive, the
 * version, languages and demographics are locked, and status only moves forward (a trigger enforces both).
 */
export interface MeasurementTable {
  id: Generated<string>;
  organisation_id: string;
  questionnaire_version_id: string;
  title: string;
  /** The questionnaire languages offered to respondents (a subset of the version's). */
  languages: ColumnType<string[], string[], string[]>;
  /** Ids of the version's demographic questions asked in this measurement. */
  demographics: ColumnType<string[], string[] | undefined, string[]>;
  k: ColumnType<number, number | undefined, number>;
  k_sensitive: ColumnType<number, number | undefined, number>;
  status: ColumnType<MeasurementStatus, MeasurementStatus | undefined, MeasurementStatus>;
  /** First day people can answer. */
  opens_at: CalendarDate;
  /** Last day people can answer; the day after, the measurement counts as closed. */
  closes_at: CalendarDate;
  opened_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: CreatedAt;
}

/** The unit tree as it was when it was frozen for a measurement. Rows never change (a trigger refuses UPDATE). */
export interface MeasurementUnitTable {
  id: Generated<string>;
  measurement_id: string;
  /** The live unit it was copied from; no foreign key, so that re-organising the live tree never touches this. */
  source_unit_id: string | null;
  code: string;
  name: string;
  parent_id: string | null;
}

export type InvitationKind = 'personal' | 'open';
export type InvitationStatus = 'issued' | 'used' | 'revoked';

/** A link to take part. Holds only the token's SHA-256 and no reference to any response. */
export interface InvitationTable {
  id: Generated<string>;
  measurement_id: string;
  measurement_unit_id: string;
  token_hash: string;
  kind: InvitationKind;
  status: ColumnType<InvitationStatus, InvitationStatus | undefined, InvitationStatus>;
  created_on: CalendarDate;
  /** Set with status 'used' only (a check constraint holds it). */
  used_on: ColumnType<string | null, string | null | undefined, string | null>;
  // The table also has `open_and_issued`, generated from kind and status for the one-open-link index and never read or
  // written (migration 20261203000000_invitations_in_place_updates), so it is left out here.
}

/** Saved progress of one personal link, keyed by its token's hash; deleted on submit and at close. */
export interface DraftTable {
  token_hash: string;
  measurement_id: string;
  language: string;
  /** jsonb: item id -> answer (see @socialsafety/instrument answersSchema). */
  answers: ColumnType<unknown, string, string>;
  /** jsonb: demographic id -> option code. */
  demographics: ColumnType<unknown, string | undefined, string>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/**
 * One submitted questionnaire. Deliberately nothing that leads back to a token, an invitation, a person or a moment:
 * no token, no invitation id, no user, no address, no browser, no time of day.
 */
export interface ResponseTable {
  id: Generated<string>;
  measurement_id: string;
  measurement_unit_id: string;
  questionnaire_version_id: string;
  language: string;
  answers: ColumnType<unknown, string, string>;
  demographics: ColumnType<unknown, string | undefined, string>;
  /** SHA-256 of the submission id chosen by the respondent's browser: recognises a retry, links to nothing. */
  submission_hash: string;
  submitted_on: CalendarDate;
}

/** The published result set of a closed measurement (see @socialsafety/scoring PublishedResults). */
export interface MeasurementResultTable {
  measurement_id: string;
  scoring_version: string;
  /** jsonb: PublishedResults without its units (those are rows of measurement_result_units). */
  results: ColumnType<unknown, string, string>;
  /** jsonb: the benchmark the comparisons were made with ({ kind, source, organisations? }), or null. */
  benchmark: ColumnType<unknown, string | null, string | null>;
  /** jsonb: what the independent auditor checked ({ families, cells, complete }). */
  audit: ColumnType<unknown, string, string>;
  computed_at: ColumnType<Date, Date | undefined, Date>;
}

/** One unit of a published set (PublishedResults['units'][position]), stored and read whole. */
export interface MeasurementResultUnitTable {
  measurement_id: string;
  unit_id: string;
  /** The unit's place in the set's `units`, from 0. */
  position: number;
  /** json: UnitResult. */
  result: ColumnType<unknown, string, string>;
}

/** Benchmark values imported from outside the deployment, per scale on the 0-100 scale. */
export interface ExternalBenchmarkTable {
  id: Generated<string>;
  questionnaire_version_id: string;
  source: string;
  /** jsonb: scale id -> { n, mean, sd }. */
  scales: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: CreatedAt;
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
  measurements: MeasurementTable;
  measurement_units: MeasurementUnitTable;
  invitations: InvitationTable;
  drafts: DraftTable;
  responses: ResponseTable;
  measurement_results: MeasurementResultTable;
  measurement_result_units: MeasurementResultUnitTable;
  external_benchmarks: ExternalBenchmarkTable;
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
export type Measurement = Selectable<MeasurementTable>;
export type MeasurementUnit = Selectable<MeasurementUnitTable>;
export type Invitation = Selectable<InvitationTable>;
export type SurveyResponse = Selectable<ResponseTable>;
