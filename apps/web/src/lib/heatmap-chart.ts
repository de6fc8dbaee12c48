import type { ChartConfiguration, Plugin, ScriptableContext, TooltipItem } from 'chart.js';
import type { MatrixDataPoint, MatrixElementType } from 'chartjs-chart-matrix';
import { cellLook, HIDDEN_FILL, HIDDEN_STRIPE, MARK_GLYPH, significanceMark } from './heatmap';
import type { HeatmapCell, HeatmapMetric, HeatmapRow, ScaleColumn } from './results';

/** Sizes of the drawn heatmap, in CSS pixels: the page sizes the canvas' box from these. */
/** The narrowest a column may get; wider screens share their width out. */
export const CELL_WIDTH = 34;
export const ROW_HEIGHT = 34;
export const LABEL_WIDTH = 200;
/** Room right of the last column for its slanted label. */
export const LAST_LABEL_ROOM = 72;
/** The unit names' width on a phone, where every pixel goes to the cells. */
export const NARROW_LABEL_WIDTH = 120;
export const COLUMN_LABELS_HEIGHT = 170;

/** Everything the chart needs in words, already translated. */
export interface ChartTexts {
  cellText(cell: HeatmapCell): string;
  tooltip(row: HeatmapRow, column: ScaleColumn, cell: HeatmapCell): string[];
}

interface CellPoint extends MatrixDataPoint {
  row: number;
  column: number;
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** A fill of thin diagonal lines: hidden cells look different without relying on colour. */
function hatch(): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const g = tile.getContext('2d');
  if (!g) return HIDDEN_FILL;
  g.fillStyle = HIDDEN_FILL;
  g.fillRect(0, 0, 8, 8);
  g.strokeStyle = HIDDEN_STRIPE;
  g.lineWidth = 1.2;
  g.beginPath();
  for (const offset of [-8, 0, 8]) {
    g.moveTo(offset, 8);
    g.lineTo(offset + 8, 0);
  }
  g.stroke();
  return g.createPattern(tile, 'repeat') ?? HIDDEN_FILL;
}

/** Writes each cell's figure (and its significance mark) on the cell, so that colour is never the only carrier. */
function cellTextPlugin(labels: readonly string[], inks: readonly string[]): Plugin<'matrix'> {
  return {
    id: 'heatmapCellText',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = '600 11px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      chart.getDatasetMeta(0).data.forEach((element, i) => {
        const { x, y } = (element as unknown as MatrixElementType).getCenterPoint(true);
        ctx.fillStyle = inks[i] ?? '#1b1f24';
        if (x !== null && y !== null) ctx.fillText(labels[i] ?? '', x, y);
      });
      ctx.restore();
    },
  };
}

/**
 * A chart.js matrix configuration: units as rows (indented by level in tree order), scales as columns (labels on top),
 * each cell coloured as cellLook() says and labelled with its figure; clicking a cell calls `onselect` with its unit.
 */
export function heatmapChartConfig(input: {
  rows: readonly HeatmapRow[];
  columns: readonly ScaleColumn[];
  metric: HeatmapMetric;
  indent: boolean;
  texts: ChartTexts;
  labelWidth?: number;
  onselect?: (unitId: string) => void;
}): ChartConfiguration<'matrix', CellPoint[]> {
  const { rows, columns, metric, indent, texts, onselect, labelWidth = LABEL_WIDTH } = input;
  const points: CellPoint[] = rows.flatMap((_, row) => columns.map((_, column) => ({ x: column, y: row, row, column })));
  const cell = (p: CellPoint) => rows[p.row]?.cells[p.column];
  const looks = points.map((p) => cellLook(cell(p), columns[p.column]!, metric));
  let pattern: CanvasPattern | string | undefined;
  const fill = (ctx: ScriptableContext<'matrix'>) => {
    const look = looks[ctx.dataIndex];
    if (!look) return HIDDEN_FILL;
    if (!look.hatched) return look.fill;
    pattern ??= hatch();
    return pattern;
  };
  const text = (p: CellPoint) => {
    const c = cell(p);
    if (c === undefined) return '';
    const mark = significanceMark(c, columns[p.column]!, metric);
    // A thin space: cells are narrow.
    return `${texts.cellText(c)}${mark ? `\u2009${MARK_GLYPH[mark]}` : ''}`;
  };
  const maxName = labelWidth < LABEL_WIDTH ? 16 : 30;
  const rowLabels = rows.map((r) => `${indent ? '\u00a0\u00a0'.repeat(r.level) : ''}${shorten(r.name, maxName)}`);
  return {
    type: 'matrix',
    data: {
      datasets: [
        {
          data: points,
          backgroundColor: fill,
          borderColor: '#ffffff',
          borderWidth: 1,
          width: ({ chart }) => (chart.chartArea ? chart.chartArea.width / columns.length : CELL_WIDTH) - 2,
          height: ({ chart }) => (chart.chartArea ? chart.chartArea.height / rows.length : ROW_HEIGHT) - 2,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      onClick: (_event, elements) => {
        const point = points[elements[0]?.index ?? -1];
        const row = point ? rows[point.row] : undefined;
        if (row && onselect) onselect(row.unitId);
      },
      onHover: (event, elements) => {
        const target = event.native?.target as HTMLElement | undefined;
        if (target) target.style.cursor = elements.length > 0 && onselect ? 'pointer' : 'default';
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          displayColors: false,
          callbacks: {
            title: (items: TooltipItem<'matrix'>[]) => {
              const p = points[items[0]?.dataIndex ?? -1];
              return p ? `${rows[p.row]?.name ?? ''} — ${columns[p.column]?.title ?? ''}` : '';
            },
            label: (item: TooltipItem<'matrix'>) => {
              const p = points[item.dataIndex];
              const c = p ? cell(p) : undefined;
              return p && c ? texts.tooltip(rows[p.row]!, columns[p.column]!, c) : '';
            },
          },
        },
      },
      scales: {
        // Linear axes with a tick per column and row (category axes would merge units that share a name).
        x: {
          type: 'linear',
          position: 'top',
          min: -0.5,
          max: columns.length - 0.5,
          grid: { display: false },
          border: { display: false },
          afterBuildTicks: (scale) => {
            scale.ticks = columns.map((_, value) => ({ value }));
          },
          // Slanted labels lean to the right: room for the last one, which chart.js would cut off at the edge.
          afterFit: (scale) => {
            scale.paddingRight = Math.max(scale.paddingRight, LAST_LABEL_ROOM);
          },
          ticks: {
            autoSkip: false,
            maxRotation: 60,
            minRotation: 60,
            color: '#1b1f24',
            font: { size: 12 },
            callback: (value) => shorten(columns[Number(value)]?.title ?? '', 22),
          },
        },
        y: {
          type: 'linear',
          reverse: true,
          min: -0.5,
          max: rows.length - 0.5,
          grid: { display: false },
          border: { display: false },
          afterBuildTicks: (scale) => {
            scale.ticks = rows.map((_, value) => ({ value }));
          },
          afterFit: (scale) => {
            scale.width = labelWidth;
          },
          ticks: { autoSkip: false, crossAlign: 'far', color: '#1b1f24', font: { size: 13 }, callback: (value) => rowLabels[Number(value)] ?? '' },
        },
      },
    },
    plugins: [cellTextPlugin(points.map(text), looks.map((l) => l.ink))],
  };
}
