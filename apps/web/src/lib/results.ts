/**
 * The shapes the results endpoints answer with (apps/api/src/routes/results-schemas.ts). A hidden figure is always
 * exactly `{ hidden: true }`: below the anonymity threshold, or hidden so that a smaller group cannot be worked out.
 */

export interface Hidden {
  hidden: true;
}

export type Interval = readonly [number, number];
export type Band = 'red' | 'amber' | 'green' | null;
export type Direction = 'higher-is-better' | 'higher-is-worse';

export interface Comparison {
  /** This group's mean minus the other's, in points on 0-100. */
  difference: number;
  p: number | null;
  significant: boolean;
}

export interface MeanFigure {
  kind: 'mean';
  n: number;
  mean: number;
  sd: number | null;
  ci: Interval | null;
  /** Share of answers per answer category, in the order of the categories. */
  distribution: readonly number[];
  favourable: number;
  band: Band;
  vsOrganisation: Comparison | null;
  vsBenchmark: Comparison | null;
}

export interface ProportionFigure {
  kind: 'proportion';
  n: number;
  percent: number;
  /** Wilson 95% interval, in percent. */
  ci: Interval;
  band: Band;
}

export type Figure = MeanFigure | ProportionFigure | Hidden;
export type Count = { n: number } | Hidden;

export interface ScaleColumn {
  scaleId: string;
  metricKey: string;
  title: string;
  domain: string;
  direction: Direction;
  sensitive: boolean;
}

export interface Benchmark {
  kind: 'deployment' | 'external';
  source: string;
  organisations: number | null;
}

export interface ResultsUnit {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  responses: Count;
}

export interface Overview {
  measurementId: string;
  title: string;
  closesAt: string;
  computedAt: string;
  scoringVersion: string;
  questionnaire: { key: string; version: string };
  language: string;
  k: number;
  kSensitive: number;
  benchmark: Benchmark | null;
  /** Where this viewer starts: the organisation, or the top of each subtree they may see. */
  roots: string[];
  units: ResultsUnit[];
  scales: ScaleColumn[];
  demographics: { id: string; categories: readonly string[] }[];
}

export const heatmapMetrics = ['mean', 'favourable', 'vsOrganisation', 'vsBenchmark'] as const;
export type HeatmapMetric = (typeof heatmapMetrics)[number];

export type HeatmapCell =
  | Hidden
  | { value: number | null; n: number; ci: Interval | null; significant: boolean | null; band: Band };

export interface HeatmapRow {
  unitId: string;
  code: string;
  name: string;
  parentId: string | null;
  level: number;
  hasChildren: boolean;
  responses: Count;
  /** One per column, in column order. */
  cells: HeatmapCell[];
}

export interface Heatmap {
  metric: HeatmapMetric;
  root: string;
  depth: number;
  language: string;
  k: number;
  kSensitive: number;
  benchmark: Benchmark | null;
  columns: ScaleColumn[];
  rows: HeatmapRow[];
}

export interface CutCell {
  label: string;
  categories: { code: string; label: string }[];
  figure: Figure;
}

export interface Cut {
  demographicId: string;
  text: string;
  result: { cells: CutCell[] } | Hidden;
}

export interface UnitScale extends ScaleColumn {
  categories: string[];
  figure: Figure;
  cuts: Cut[];
}

export interface Reliability {
  scaleId: string;
  title: string;
  nComplete: number;
  alpha: number | null;
  omega: number | null;
  icc1: number | null;
}

export interface UnitResults {
  unit: { id: string; code: string; name: string; parentId: string | null };
  /** Ancestors the viewer may see, top first. */
  path: { id: string; name: string }[];
  children: { id: string; code: string; name: string; responses: Count }[];
  responses: Count;
  language: string;
  k: number;
  kSensitive: number;
  scales: UnitScale[];
  items: { itemId: string; text: string; categories: string[]; figure: Figure }[];
  reliability: Reliability[];
}

export const behaviourGroups = ['any', 'category', 'source', 'side', 'reported', 'reportedTo', 'handling'] as const;
export type BehaviourGroup = (typeof behaviourGroups)[number];

export interface BehaviourIndicator {
  key: string;
  mode: 'experienced' | 'witnessed';
  group: BehaviourGroup;
  code: string;
}

export interface BehaviourRow {
  unitId: string;
  code: string;
  name: string;
  level: number;
  responses: Count;
  figures: Record<string, Figure>;
}

export interface Behaviour {
  root: string;
  language: string;
  kSensitive: number;
  indicators: BehaviourIndicator[];
  scales: { key: string; scaleId: string; title: string }[];
  /** The root first, then its children. */
  rows: BehaviourRow[];
}

export interface TrendSeries extends ScaleColumn {
  /** One per point; null: not comparable, or the unit did not exist then. */
  values: (Figure | null)[];
  /** The last point against the one before. */
  change: Comparison | null;
}

export interface Trend {
  unit: { id: string; code: string; name: string };
  language: string;
  points: { measurementId: string; title: string; closesAt: string; current: boolean }[];
  series: TrendSeries[];
}

export function isHidden(value: unknown): value is Hidden {
  return typeof value === 'object' && value !== null && (value as { hidden?: unknown }).hidden === true;
}

export function meanOf(figure: Figure | null | undefined): MeanFigure | null {
  return figure && !isHidden(figure) && figure.kind === 'mean' ? figure : null;
}

export function proportionOf(figure: Figure | null | undefined): ProportionFigure | null {
  return figure && !isHidden(figure) && figure.kind === 'proportion' ? figure : null;
}

export const countOf = (count: Count): number | null => (isHidden(count) ? null : count.n);

/** Roles that may read results (platform administrators need a grant like anyone else). */
export function mayReadResults(roles: readonly string[]): boolean {
  return roles.some((role) => role === 'org_admin' || role === 'analyst' || role === 'unit_viewer');
}

/**
 * Whether a difference is good news: a higher score is better on most scales, worse on the others (workload, fear).
 * Null when there is no difference to judge.
 */
export function judgement(difference: number | null, direction: Direction): 'better' | 'worse' | null {
  if (difference === null || difference === 0) return null;
  const better = direction === 'higher-is-better' ? difference > 0 : difference < 0;
  return better ? 'better' : 'worse';
}

/** The units from the top of what the viewer sees down to `unitId` (itself last); empty for an unknown unit. */
export function trail<U extends { id: string; parentId: string | null }>(units: readonly U[], unitId: string): U[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: U[] = [];
  for (let at = byId.get(unitId); at !== undefined && !out.includes(at); at = at.parentId === null ? undefined : byId.get(at.parentId)) {
    out.unshift(at);
  }
  return out;
}
