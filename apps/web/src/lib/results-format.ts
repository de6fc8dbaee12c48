import type { ChartTexts } from './heatmap-chart';
import { significanceMark } from './heatmap';
import type { Locale } from './i18n/locale.svelte';
import { isHidden, type Band, type Comparison, type Direction, type HeatmapCell, type HeatmapMetric, type Interval } from './results';

/** A score or difference as the heatmap writes it: whole points, percentages with a sign where it is a difference. */
export function heatmapValue(locale: Locale, metric: HeatmapMetric, cell: HeatmapCell): string {
  if (isHidden(cell)) return '';
  if (cell.value === null) return '–';
  if (metric === 'favourable') return locale.percent(cell.value);
  if (metric === 'mean') return locale.number(cell.value);
  return locale.number(cell.value, { signed: true });
}

export const interval = (locale: Locale, ci: Interval, digits = 0) =>
  locale.t('results.ciShort', { low: locale.number(ci[0], { digits }), high: locale.number(ci[1], { digits }) });

export function bandText(locale: Locale, band: Band): string {
  return locale.t(`results.band.${band ?? 'none'}`);
}

/** What a significance mark means, in words: for screen readers and tooltips. */
export function markText(locale: Locale, mark: 'better' | 'worse' | 'differs', metric: HeatmapMetric): string {
  if (mark === 'differs') return locale.t('results.mark.differs');
  const than = metric === 'vsBenchmark' ? locale.t('results.vs.benchmark') : locale.t('results.vs.organisation');
  return `${locale.t(`results.mark.${mark}`)} ${than}`;
}

/** The words for a cell that the picture shows with colour: value, interval, n, band, significance. */
export function cellDescription(locale: Locale, metric: HeatmapMetric, cell: HeatmapCell, direction: Direction, k: number): string[] {
  if (isHidden(cell)) return [locale.t('results.hiddenLong', { k })];
  const lines: string[] = [];
  const value = heatmapValue(locale, metric, cell);
  if (metric === 'mean') {
    lines.push(
      cell.ci
        ? locale.t('heatmap.tooltip.value.mean', { value, low: locale.number(cell.ci[0]), high: locale.number(cell.ci[1]) })
        : locale.t('heatmap.tooltip.value.meanNoCi', { value }),
    );
  } else if (metric === 'favourable') {
    lines.push(locale.t('heatmap.tooltip.value.favourable', { value }));
  } else if (cell.value === null) {
    lines.push(locale.t('legend.reference'));
  } else {
    lines.push(locale.t('heatmap.tooltip.value.difference', { value }));
  }
  lines.push(locale.t('heatmap.tooltip.n', { n: cell.n }));
  if (metric === 'mean' && cell.band) lines.push(bandText(locale, cell.band));
  const mark = significanceMark(cell, { direction }, metric);
  if (mark) lines.push(markText(locale, mark, metric));
  return lines;
}

export function chartTexts(locale: Locale, metric: HeatmapMetric, k: number, kSensitive: number): ChartTexts {
  return {
    cellText: (cell) => heatmapValue(locale, metric, cell),
    tooltip: (_row, column, cell) => cellDescription(locale, metric, cell, column.direction, column.sensitive ? kSensitive : k),
  };
}

/** A comparison in words: "3.2 points better (significant)". */
export function comparisonText(locale: Locale, comparison: Comparison | null, direction: Direction): string {
  if (comparison === null) return locale.t('unit.noComparison');
  const size = locale.number(Math.abs(comparison.difference), { digits: 1 });
  const better = direction === 'higher-is-better' ? comparison.difference > 0 : comparison.difference < 0;
  const what =
    comparison.difference === 0
      ? locale.t('unit.difference.same')
      : locale.t(better ? 'unit.difference.better' : 'unit.difference.worse', { value: size });
  const sure = locale.t(comparison.significant ? 'unit.difference.significant' : 'unit.difference.notSignificant');
  return `${what} (${sure})`;
}
