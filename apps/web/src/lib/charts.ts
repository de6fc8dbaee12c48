import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
} from 'chart.js';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';

// Only what the results pages draw (matrix and line charts), so the rest of chart.js stays out of the bundle.
Chart.register(MatrixController, MatrixElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

/**
 * Draws a chart on a canvas until the returned function is called. The configuration must be built from plain data
 * (`$state.raw` or a snapshot), never from `$state` proxies: chart.js defines properties on the arrays it is given,
 * which Svelte's state refuses (stack.md, "Svelte 5 + chart.js").
 */
export function drawChart<T extends ChartType>(canvas: HTMLCanvasElement, config: ChartConfiguration<T>): () => void {
  const chart = new Chart(canvas, config);
  return () => chart.destroy();
}
