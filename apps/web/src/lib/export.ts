/** The research export as the page sees it: the API's preview, the options a researcher picks, and their `qi`. */

export type QuasiIdentifierKind = 'unit' | 'demographic' | 'language';

export interface AvailableQuasiIdentifier {
  name: string;
  kind: QuasiIdentifierKind;
  label: Record<string, string>;
  /** For `unit`: the deepest level of the frozen tree (0 = the organisation). */
  maxDepth: number | null;
}

export interface ExportPreview {
  measurementId: string;
  k: number;
  l: number;
  maxSuppressedShare: number;
  sensitive: string[];
  available: AvailableQuasiIdentifier[];
  selection: string;
  recordsIn: number;
  recordsReleased: number;
  recordsSuppressed: number;
  withinSuppressionLimit: boolean;
  /** 0 = every value as answered, 1 = everything hidden. */
  informationLoss: number;
  classes: number;
  smallestClass: number | null;
  quasiIdentifiers: { name: string; level: number; height: number; generalisation: string; generalisedShare: number | null; distinctValues: number }[];
  levels: Record<string, string[]>;
}

/** What the researcher keeps: the unit down to a depth (or not at all), and each other quasi-identifier or not. */
export interface ExportOptions {
  unitDepth: number | null;
  keep: Record<string, boolean>;
}

/** Everything kept, the unit as deep as the tree goes: what the export does without options. */
export function initialOptions(available: readonly AvailableQuasiIdentifier[]): ExportOptions {
  const unit = available.find((qi) => qi.kind === 'unit');
  return {
    unitDepth: unit?.maxDepth ?? null,
    keep: Object.fromEntries(available.filter((qi) => qi.kind !== 'unit').map((qi) => [qi.name, true])),
  };
}

/**
 * The `qi` option for these choices, in the order the API offers them. Nothing kept is the empty string, which the
 * API reads as "none" (an absent option would mean "all").
 */
export function qiOf(options: ExportOptions, available: readonly AvailableQuasiIdentifier[]): string {
  const names: string[] = [];
  for (const qi of available) {
    if (qi.kind === 'unit') {
      if (options.unitDepth !== null) names.push(`unit:${options.unitDepth}`);
    } else if (options.keep[qi.name]) names.push(qi.name);
  }
  return names.join(',');
}

const exportBase = (measurementId: string) => `/api/v1/measurements/${encodeURIComponent(measurementId)}/export`;

/** Without `qi` the API previews every quasi-identifier, which is where the page starts. */
export function previewPath(measurementId: string, qi?: string): string {
  return `${exportBase(measurementId)}/preview${qi === undefined ? '' : `?qi=${encodeURIComponent(qi)}`}`;
}

/** A plain link: the browser streams the zip to disk and sends the session cookie along. */
export function downloadPath(measurementId: string, qi: string): string {
  return `${exportBase(measurementId)}?qi=${encodeURIComponent(qi)}`;
}

export const exportPagePath = (measurementId: string) => `/measurements/${encodeURIComponent(measurementId)}/export`;

/** The roles that may download the research export (platform administrators need one of them too). */
export function mayExport(roles: readonly string[]): boolean {
  return roles.some((role) => role === 'researcher' || role === 'org_admin');
}

/** A label in the reader's language, else English, else the first there is, else the name. */
export function labelIn(label: Record<string, string>, language: string, fallback: string): string {
  return label[language] ?? label.en ?? Object.values(label)[0] ?? fallback;
}

/**
 * What a level of a quasi-identifier's hierarchy does, as a message key and its values (the API's own words are
 * English only). The top level hides the value; below it the unit at level L is cut at depth height - 1 - L.
 */
export function generalisationOf(
  kind: QuasiIdentifierKind,
  level: number,
  height: number,
): { key: 'export.level.asAnswered' | 'export.level.hidden' | 'export.level.unitDepth' | 'export.level.bands'; values: Record<string, number> } {
  if (level >= height) return { key: 'export.level.hidden', values: {} };
  if (kind === 'unit') return { key: 'export.level.unitDepth', values: { depth: height - 1 - level } };
  if (level === 0) return { key: 'export.level.asAnswered', values: {} };
  return { key: 'export.level.bands', values: { size: 2 ** level } };
}
