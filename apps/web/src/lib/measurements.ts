/** The shapes the measurement, link and participation endpoints answer with (docs/api.md), and what the app derives. */

export const measurementStatuses = ['draft', 'open', 'closed'] as const;
export type MeasurementStatus = (typeof measurementStatuses)[number];

export interface Measurement {
  id: string;
  organisationId: string;
  title: string;
  questionnaire: { key: string; version: string };
  languages: string[];
  demographics: string[];
  k: number;
  kSensitive: number;
  status: MeasurementStatus;
  /** First day people can answer (YYYY-MM-DD). */
  opensAt: string;
  /** Last day people can answer (YYYY-MM-DD). */
  closesAt: string;
  openedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  unitsFrozen: boolean;
}

export interface NewMeasurement {
  title: string;
  questionnaire: { key: string; version: string };
  languages: string[];
  demographics: string[];
  k: number;
  kSensitive: number;
  opensAt: string;
  closesAt: string;
}

/** A unit of the frozen copy of the tree (flat; children point at their parent). */
export interface MeasurementUnit {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}

export interface MeasurementUnits {
  frozen: boolean;
  units: MeasurementUnit[];
}

/** Links made for one unit: answered once, never again (only their SHA-256 is stored). */
export interface Links {
  measurementId: string;
  unit: { id: string; code: string; name: string };
  kind: 'personal' | 'open';
  createdOn: string;
  links: string[];
}

export interface LinkSummaryUnit extends MeasurementUnit {
  invited: number;
  revoked: number;
  openLink: boolean;
}

export interface UnitParticipation extends MeasurementUnit {
  invited: number;
  openLink: boolean;
  /** Null: fewer than k, hidden to protect anonymity. */
  responded: number | null;
  /** Whole percent; null when hidden, nobody was invited or an open link is in use. */
  rate: number | null;
}

export interface Participation {
  measurementId: string;
  status: MeasurementStatus;
  k: number;
  units: UnitParticipation[];
}

export interface QuestionnaireVersionSummary {
  version: string;
  status: 'draft' | 'published' | 'retired';
  languages: string[];
  title: Record<string, string>;
  estimatedMinutes: number;
}

export interface QuestionnaireList {
  questionnaires: { key: string; versions: QuestionnaireVersionSummary[] }[];
}

export interface Demographic {
  id: string;
  text: Record<string, string>;
}

/** A questionnaire version in full: only the demographic questions matter here. */
export interface QuestionnaireVersion extends QuestionnaireVersionSummary {
  key: string;
  definition: { demographics?: Demographic[] };
}

/** One choosable questionnaire version: published ones only, since a measurement needs one. */
export interface VersionChoice {
  key: string;
  version: string;
  title: Record<string, string>;
  languages: string[];
}

export function publishedVersions(list: QuestionnaireList): VersionChoice[] {
  return list.questionnaires.flatMap((q) =>
    q.versions.filter((v) => v.status === 'published').map((v) => ({ key: q.key, version: v.version, title: v.title, languages: v.languages })),
  );
}

/** A localised text in the reader's language, else the first one there is. */
export function localised(text: Record<string, string>, language: string): string {
  return text[language] ?? Object.values(text)[0] ?? '';
}

export const K_MIN = 5;
export const K_MAX = 50;
export const K_SENSITIVE_MAX = 100;
export const K_DEFAULT = 5;
export const K_SENSITIVE_DEFAULT = 10;

/** What can be wrong with a field of the create form, before asking the API; the form translates it. */
export type FormProblem =
  | 'titleRequired'
  | 'questionnaireRequired'
  | 'languagesRequired'
  | 'kRange'
  | 'kSensitiveRange'
  | 'kSensitiveBelowK'
  | 'opensAtRequired'
  | 'closesAtRequired'
  | 'closesBeforeOpens'
  | 'closesInPast';

export type FormField = 'title' | 'questionnaire' | 'languages' | 'k' | 'kSensitive' | 'opensAt' | 'closesAt';

export interface MeasurementDraft {
  title: string;
  questionnaire: string;
  languages: string[];
  k: number | null;
  kSensitive: number | null;
  opensAt: string;
  closesAt: string;
}

const isWhole = (n: number | null): n is number => n !== null && Number.isInteger(n);

/**
 * The same rules as the API (NewMeasurement and MEASUREMENT_INVALID), checked before sending so that each problem
 * shows at its field at once. `today` is YYYY-MM-DD.
 */
export function checkMeasurement(draft: MeasurementDraft, today: string): Partial<Record<FormField, FormProblem>> {
  const problems: Partial<Record<FormField, FormProblem>> = {};
  if (!draft.title.trim()) problems.title = 'titleRequired';
  if (!draft.questionnaire) problems.questionnaire = 'questionnaireRequired';
  if (draft.languages.length === 0) problems.languages = 'languagesRequired';
  const kValid = isWhole(draft.k) && draft.k >= K_MIN && draft.k <= K_MAX;
  if (!kValid) problems.k = 'kRange';
  if (!isWhole(draft.kSensitive) || draft.kSensitive < K_MIN || draft.kSensitive > K_SENSITIVE_MAX) problems.kSensitive = 'kSensitiveRange';
  else if (kValid && draft.kSensitive < (draft.k as number)) problems.kSensitive = 'kSensitiveBelowK';
  if (!draft.opensAt) problems.opensAt = 'opensAtRequired';
  if (!draft.closesAt) problems.closesAt = 'closesAtRequired';
  else if (draft.opensAt && draft.closesAt <= draft.opensAt) problems.closesAt = 'closesBeforeOpens';
  else if (draft.closesAt < today) problems.closesAt = 'closesInPast';
  return problems;
}

/** The API's MEASUREMENT_INVALID issues (`details.issues`), read defensively. */
export function measurementIssues(details: unknown): { field: string; message: string }[] {
  const issues = (details as { issues?: unknown } | null)?.issues;
  return Array.isArray(issues)
    ? issues.map((i: { field?: unknown; message?: unknown }) => ({ field: String(i.field ?? ''), message: String(i.message ?? '') }))
    : [];
}

/** A calendar day as YYYY-MM-DD in local time, `days` from `from`. */
export function localDay(from: Date, days = 0): string {
  const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Links as CSV for a mail merge, the same file the API gives with `Accept: text/csv`: `unit_code,unit_name,link`,
 * UTF-8 with a byte-order mark (spreadsheets then read accents right), CRLF line ends (RFC 4180).
 */
export function linksCsv(made: Pick<Links, 'unit' | 'links'>): string {
  const rows = made.links.map((link) => [made.unit.code, made.unit.name, link].map(csvCell).join(','));
  return `\uFEFF${['unit_code,unit_name,link', ...rows].join('\r\n')}\r\n`;
}

/** Quoted when needed; a value a spreadsheet would run as a formula gets a leading apostrophe (names are imported). */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function linksFileName(made: Pick<Links, 'unit' | 'createdOn'>): string {
  return `links-${made.unit.code.replace(/[^A-Za-z0-9_-]+/g, '_')}-${made.createdOn}.csv`;
}

/** Units in tree order (parents before children) with their depth, from the flat list with parent ids. */
export function orderUnits<U extends MeasurementUnit>(units: readonly U[]): { unit: U; depth: number }[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, U[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const out: { unit: U; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const unit of children.get(parent) ?? []) {
      out.push({ unit, depth });
      walk(unit.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
