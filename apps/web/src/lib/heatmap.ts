import { isHidden, judgement, type Band, type HeatmapCell, type HeatmapMetric, type HeatmapRow, type ScaleColumn } from './results';

/** How the rows are ordered: as the tree, by name, or by one scale with the most worrying units first. */
export type HeatmapSort = 'tree' | 'name' | `scale:${string}`;

export const DEPTHS = [1, 2, 3] as const;

/** Differences this large (in points on 0-100) get the strongest colour; larger ones look the same. */
export const FULL_DIFFERENCE = 20;

export function parseSort(value: string | null, columns: readonly ScaleColumn[]): HeatmapSort {
  if (value === 'name') return 'name';
  if (value?.startsWith('scale:') && columns.some((c) => `scale:${c.scaleId}` === value)) return value as HeatmapSort;
  return 'tree';
}

/** How worrying a cell is, for sorting: higher is worse; null for a cell without a value (hidden, or the reference). */
function concern(cell: HeatmapCell | undefined, column: ScaleColumn, metric: HeatmapMetric): number | null {
  if (cell === undefined || isHidden(cell) || cell.value === null) return null;
  // % favourable is always "higher is better"; means and differences follow the scale.
  const higherIsWorse = metric !== 'favourable' && column.direction === 'higher-is-worse';
  return higherIsWorse ? cell.value : -cell.value;
}

/**
 * Rows in the chosen order. The first row (the unit the view starts from) stays on top; the others are sorted. Rows
 * without a figure (hidden) go last, in tree order, so that sorting says nothing about them.
 */
export function sortRows(rows: readonly HeatmapRow[], sort: HeatmapSort, columns: readonly ScaleColumn[], metric: HeatmapMetric): HeatmapRow[] {
  if (sort === 'tree' || rows.length < 3) return [...rows];
  const [top, ...rest] = rows;
  if (sort === 'name') return [top!, ...[...rest].sort((a, b) => a.name.localeCompare(b.name))];
  const index = columns.findIndex((c) => `scale:${c.scaleId}` === sort);
  const column = columns[index];
  if (column === undefined) return [...rows];
  const valued = rest.map((row, position) => ({ row, position, concern: concern(row.cells[index], column, metric) }));
  valued.sort((a, b) => {
    if (a.concern === null || b.concern === null) return a.concern === b.concern ? a.position - b.position : a.concern === null ? 1 : -1;
    return b.concern - a.concern || a.position - b.position;
  });
  return [top!, ...valued.map((v) => v.row)];
}

const INK = '#1b1f24';
const PAPER = '#f4f6f9';
export const HIDDEN_FILL = '#eef0f3';
export const HIDDEN_STRIPE = '#b9c1cc';

export const BAND_FILL: Record<Exclude<Band, null> | 'none', string> = {
  red: '#f08c80',
  amber: '#f6cf7d',
  green: '#8fcca0',
  none: '#dde3ec',
};

const WORSE = '#e0685c';
const BETTER = '#5d9bd5';
const MOST_FAVOURABLE = '#6d9fd8';

type Rgb = [number, number, number];
const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const hex = (c: Rgb) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
const mix = (from: string, to: string, t: number) => {
  const a = rgb(from);
  const b = rgb(to);
  return hex([0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * Math.min(1, Math.max(0, t))) as Rgb);
};

/** WCAG relative luminance and contrast, to keep every fill readable with dark text. */
export function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = rgb(c).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as Rgb;
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export interface CellLook {
  fill: string;
  ink: string;
  hatched: boolean;
}

/**
 * The colour of a cell. Means: the scale's risk band (red, amber, green). % favourable: light to dark blue.
 * Differences: red for worse, blue for better (not red and green, which many people cannot tell apart), stronger
 * the larger the difference. Hidden cells are hatched grey. The text is always dark; every fill is light enough.
 */
export function cellLook(cell: HeatmapCell | undefined, column: Pick<ScaleColumn, 'direction'>, metric: HeatmapMetric): CellLook {
  if (cell === undefined || isHidden(cell)) return { fill: HIDDEN_FILL, ink: INK, hatched: true };
  if (metric === 'mean') return { fill: BAND_FILL[cell.band ?? 'none'], ink: INK, hatched: false };
  if (cell.value === null) return { fill: BAND_FILL.none, ink: INK, hatched: false };
  if (metric === 'favourable') return { fill: mix(PAPER, MOST_FAVOURABLE, cell.value / 100), ink: INK, hatched: false };
  const verdict = judgement(cell.value, column.direction);
  const strength = Math.abs(cell.value) / FULL_DIFFERENCE;
  if (verdict === null) return { fill: PAPER, ink: INK, hatched: false };
  return { fill: mix(PAPER, verdict === 'worse' ? WORSE : BETTER, 0.15 + 0.85 * strength), ink: INK, hatched: false };
}

/** The marks that carry significance without colour: ▲ significantly better, ▼ significantly worse, * differs. */
export function significanceMark(
  cell: HeatmapCell | undefined,
  column: Pick<ScaleColumn, 'direction'>,
  metric: HeatmapMetric,
): 'better' | 'worse' | 'differs' | null {
  if (cell === undefined || isHidden(cell) || cell.significant !== true) return null;
  if (metric === 'vsOrganisation' || metric === 'vsBenchmark') return judgement(cell.value, column.direction);
  return metric === 'mean' ? 'differs' : null;
}

export const MARK_GLYPH = { better: '▲', worse: '▼', differs: '*' } as const;

/** Legend steps of the metric's colour scale: a fill and a value (the legend words them). */
export function legendSteps(metric: HeatmapMetric): { fill: string; value: number }[] {
  if (metric === 'favourable') return [0, 25, 50, 75, 100].map((value) => ({ fill: mix(PAPER, MOST_FAVOURABLE, value / 100), value }));
  if (metric === 'mean') return [];
  return [-FULL_DIFFERENCE, -FULL_DIFFERENCE / 2, 0, FULL_DIFFERENCE / 2, FULL_DIFFERENCE].map((value) => ({
    value,
    fill: value === 0 ? PAPER : mix(PAPER, value < 0 ? WORSE : BETTER, 0.15 + 0.85 * (Math.abs(value) / FULL_DIFFERENCE)),
  }));
}

const UNFAVOURABLE = '#e8816f';
const NEUTRAL = '#e3e6ea';
const FAVOURABLE = '#6aa6d6';

/**
 * Colours of the answer categories of a distribution bar, in category order: from red (the unfavourable end) through
 * grey to blue (the favourable end). Which end is favourable depends on the scale's direction.
 */
export function categoryFills(count: number, direction: ScaleColumn['direction']): string[] {
  const fills = Array.from({ length: count }, (_, i) => {
    const t = count === 1 ? 0.5 : i / (count - 1);
    return t < 0.5 ? mix(UNFAVOURABLE, NEUTRAL, t * 2) : mix(NEUTRAL, FAVOURABLE, (t - 0.5) * 2);
  });
  return direction === 'higher-is-better' ? fills : fills.reverse();
}
