import { riskBandOf } from '@socialsafety/instrument';
import { studentTQuantile, welchTTestFromSummaryWithoutInterval, wilsonInterval, type SampleMoments } from '../stats';
import { MEAN_HEADER, type MetricSpec } from './metrics';
import type { Comparison, Figure, MeanFigure } from './types';

// Figures are computed for thousands of groups but only a few hundred distinct sizes: compute each quantile once.
const quantiles = new Map<number, number>();
function t975(df: number): number {
  let q = quantiles.get(df);
  if (q === undefined) {
    q = studentTQuantile(0.975, df);
    quantiles.set(df, q);
  }
  return q;
}

const round = (value: number, digits = 2) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/** n, mean and sd of a mean row (0-100 values), for comparisons. */
export function momentsOf(row: ArrayLike<number>, at: number): SampleMoments | null {
  const n = row[at] as number;
  if (n < 2) return null;
  const mean = (row[at + 1] as number) / n;
  const variance = Math.max(0, ((row[at + 2] as number) - n * mean * mean) / (n - 1));
  return { n, mean, sd: Math.sqrt(variance) };
}

export function compare(a: SampleMoments | null, b: SampleMoments | null): Comparison | null {
  if (!a || !b) return null;
  const difference = round(a.mean - b.mean);
  if (a.sd === 0 && b.sd === 0) return { difference, p: null, significant: false };
  const test = welchTTestFromSummaryWithoutInterval(a, b);
  return { difference, p: round(test.p, 4), significant: test.significant };
}

/**
 * The published figure of one group from its summed row. Values are rounded for publication (two decimals on the
 * 0-100 scale): finer digits carry no meaning and would only make figures harder to read.
 */
export function figureOf(
  metric: MetricSpec,
  row: ArrayLike<number>,
  at: number,
  organisation: SampleMoments | null,
  benchmark: SampleMoments | null,
): Figure {
  const n = row[at] as number;
  if (metric.kind === 'proportion') {
    const positives = row[at + 1] as number;
    const interval = wilsonInterval(positives, n);
    const percent = (positives / n) * 100;
    return {
      kind: 'proportion',
      n,
      percent: round(percent),
      ci: [round(interval.lower * 100), round(interval.upper * 100)],
      band: metric.scale ? riskBandOf(metric.scale, percent) : null,
    };
  }
  const mean = (row[at + 1] as number) / n;
  // momentsOf's figures, without its object unless a comparison needs it: most figures are demographic cells.
  const sd = n < 2 ? null : Math.sqrt(Math.max(0, ((row[at + 2] as number) - n * mean * mean) / (n - 1)));
  const moments = sd === null || (organisation === null && benchmark === null) ? null : { n, mean, sd };
  const half = sd !== null ? t975(n - 1) * (sd / Math.sqrt(n)) : null;
  const categories = metric.stride - MEAN_HEADER;
  let answers = 0;
  for (let c = 0; c < categories; c++) answers += row[at + MEAN_HEADER + c] as number;
  const distribution = new Array<number>(categories);
  for (let c = 0; c < categories; c++) distribution[c] = answers === 0 ? 0 : round((row[at + MEAN_HEADER + c] as number) / answers, 4);
  const figure: MeanFigure = {
    kind: 'mean',
    n,
    mean: round(mean),
    sd: sd === null ? null : round(sd),
    ci: half === null ? null : [round(Math.max(0, mean - half)), round(Math.min(100, mean + half))],
    distribution,
    favourable: round(((row[at + 3] as number) / n) * 100, 1),
    band: metric.scale ? riskBandOf(metric.scale, Math.min(100, Math.max(0, mean))) : null,
    vsOrganisation: compare(moments, organisation),
    vsBenchmark: compare(moments, benchmark),
  };
  return figure;
}
