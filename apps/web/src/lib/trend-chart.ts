import type { ChartConfiguration, PointStyle } from 'chart.js';
import { meanOf, type Trend } from './results';

const COLOURS = ['#1d4e89', '#c0392b', '#2a7f62', '#8a5a00', '#6b3fa0', '#0f7c99', '#a23b72', '#4d5b6a'];
const POINTS: PointStyle[] = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot'];

/**
 * Lines per topic over the measurements (scores 0-100; a gap where a score is hidden or was not measured). Colours
 * repeat after eight topics, so each line also gets a point shape and, after the first round, a dash.
 */
export function trendChartConfig(trend: Trend, labels: { score: string }): ChartConfiguration<'line', (number | null)[], string> {
  return {
    type: 'line',
    data: {
      labels: trend.points.map((p) => p.title),
      datasets: trend.series.map((series, i) => ({
        label: series.title,
        data: series.values.map((v) => meanOf(v)?.mean ?? null),
        borderColor: COLOURS[i % COLOURS.length],
        backgroundColor: COLOURS[i % COLOURS.length],
        pointStyle: POINTS[i % POINTS.length],
        pointRadius: 4,
        borderDash: i >= COLOURS.length ? [6, 4] : [],
        spanGaps: false,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        y: { min: 0, max: 100, title: { display: true, text: labels.score }, ticks: { stepSize: 20 } },
        x: { offset: true },
      },
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 8 } },
        tooltip: { mode: 'nearest', intersect: true },
      },
    },
  };
}
