import type { QuestionnaireDefinition } from '@socialsafety/instrument';
import type { RespondentScores, ScoringPlan } from '../respondent';
import { oneFactorMinres } from '../stats';
import type { RowLayout } from './layout';
import { MEAN_HEADER, type MetricSpec } from './metrics';
import type { ScaleReliability } from './types';

/**
 * Running sums over the complete cases of one scale's items: enough for the covariance matrix, hence for Cronbach's
 * alpha and McDonald's omega, without keeping every respondent's answers (100,000 respondents x 80 items would be
 * garbage the collector has to walk). Item values are small integers, so the sums are exact in float64.
 */
export class ItemMoments {
  count = 0;
  readonly sum: Float64Array;
  readonly cross: Float64Array;
  private readonly row: Float64Array;

  constructor(readonly positions: readonly number[]) {
    this.sum = new Float64Array(positions.length);
    this.cross = new Float64Array(positions.length * positions.length);
    this.row = new Float64Array(positions.length);
  }

  add(scores: RespondentScores): void {
    const p = this.positions.length;
    for (let i = 0; i < p; i++) {
      const value = scores.items[this.positions[i] as number] as number;
      if (Number.isNaN(value)) return;
      this.row[i] = value;
    }
    this.count += 1;
    for (let i = 0; i < p; i++) {
      const x = this.row[i] as number;
      this.sum[i] = (this.sum[i] as number) + x;
      for (let j = i; j < p; j++) this.cross[i * p + j] = (this.cross[i * p + j] as number) + x * (this.row[j] as number);
    }
  }

  /** Sample covariance matrix of the items (n - 1 denominator), as rows. */
  covariance(): number[][] {
    const p = this.positions.length;
    const n = this.count;
    return Array.from({ length: p }, (_, i) =>
      Array.from({ length: p }, (_, j) => {
        const [a, b] = i <= j ? [i, j] : [j, i];
        return ((this.cross[a * p + b] as number) - ((this.sum[a] as number) * (this.sum[b] as number)) / n) / (n - 1);
      }),
    );
  }
}

/** Cronbach's alpha from the item covariance matrix: k/(k-1) x (1 - sum of item variances / variance of the sum). */
export function alphaFromCovariance(cov: readonly (readonly number[])[]): number | null {
  const k = cov.length;
  if (k < 2) return null;
  let items = 0;
  let total = 0;
  cov.forEach((row, i) => {
    items += row[i] as number;
    for (const value of row) total += value;
  });
  if (!(total > 0)) return null;
  return (k / (k - 1)) * (1 - items / total);
}

/** McDonald's omega total of a one-factor minres model fitted to the item correlation matrix. */
export function omegaFromCovariance(cov: readonly (readonly number[])[]): number | null {
  if (cov.length < 3) return null;
  const sd = cov.map((row, i) => Math.sqrt(row[i] as number));
  if (sd.some((s) => !(s > 0))) return null;
  const correlation = cov.map((row, i) => row.map((value, j) => (i === j ? 1 : value / ((sd[i] as number) * (sd[j] as number)))));
  const { loadings, uniquenesses } = oneFactorMinres(correlation);
  const common = loadings.reduce((sum, l) => sum + l, 0) ** 2;
  const unique = uniquenesses.reduce((sum, u) => sum + u, 0);
  return common / (common + unique);
}

/**
 * ICC(1) from per-group n, sum and sum of squares (one-way ANOVA; n0 for unequal group sizes): the same figure as
 * icc1() in stats, computed from the direct-member rows the results engine already keeps.
 */
export function icc1FromGroups(groups: readonly { n: number; sum: number; sumSq: number }[]): number | null {
  const used = groups.filter((g) => g.n > 0);
  const total = used.reduce((s, g) => s + g.n, 0);
  const count = used.length;
  if (count < 2 || total <= count) return null;
  const grandMean = used.reduce((s, g) => s + g.sum, 0) / total;
  let between = 0;
  let within = 0;
  let squaredSizes = 0;
  for (const g of used) {
    const mean = g.sum / g.n;
    between += g.n * (mean - grandMean) ** 2;
    within += Math.max(0, g.sumSq - g.n * mean * mean);
    squaredSizes += g.n * g.n;
  }
  const msb = between / (count - 1);
  const msw = within / (total - count);
  if (msb === 0 && msw === 0) return null;
  const n0 = (total - squaredSizes / total) / (count - 1);
  return (msb - msw) / (msb + (n0 - 1) * msw);
}

function rounded(compute: () => number | null): number | null {
  try {
    const value = compute();
    return value !== null && Number.isFinite(value) ? Math.round(value * 1000) / 1000 : null;
  } catch {
    // The factor model may not converge on degenerate data: then omega is not available, not an error.
    return null;
  }
}

/** One ItemMoments per mean scale, in plan order (null for prevalence scales). */
export function itemMomentsFor(definition: QuestionnaireDefinition, plan: ScoringPlan): (ItemMoments | null)[] {
  const position = new Map(plan.itemIds.map((id, i) => [id, i]));
  return plan.scales.map((planned) => {
    if (planned.scoring !== 'mean') return null;
    const scale = definition.scales.find((s) => s.id === planned.id);
    const positions = (scale?.itemIds ?? []).map((id) => position.get(id)).filter((p): p is number => p !== undefined);
    return new ItemMoments(positions);
  });
}

/**
 * Reliability of every mean scale over the whole organisation: alpha and omega on complete cases, and ICC(1) of
 * scale scores over the units people answered in. Organisation-level statistics describe the instrument, not a
 * group; they are published only together with the organisation itself.
 *
 * @param directRows the unit rows of the results engine before subtree sums (the units' own members), laid out by
 *   `layout`
 */
export function reliabilityOf(
  plan: ScoringPlan,
  moments: readonly (ItemMoments | null)[],
  metrics: readonly MetricSpec[],
  directRows: Float64Array,
  layout: RowLayout,
  unitCount: number,
): ScaleReliability[] {
  return plan.scales.flatMap((planned, s) => {
    const itemMoments = moments[s];
    if (!itemMoments) return [];
    const m = metrics.findIndex((metric) => metric.key === `scale:${planned.id}`);
    const metric = metrics[m];
    const cov = itemMoments.count >= 3 ? itemMoments.covariance() : null;
    const width = layout.unitWidth;
    const at = layout.offset[m] as number;
    const groups =
      metric && metric.stride >= MEAN_HEADER
        ? Array.from({ length: unitCount }, (_, u) => ({
            n: directRows[u * width + at] as number,
            sum: directRows[u * width + at + 1] as number,
            sumSq: directRows[u * width + at + 2] as number,
          }))
        : [];
    return [
      {
        scaleId: planned.id,
        nComplete: itemMoments.count,
        alpha: cov ? rounded(() => alphaFromCovariance(cov)) : null,
        omega: cov ? rounded(() => omegaFromCovariance(cov)) : null,
        icc1: rounded(() => icc1FromGroups(groups)),
      },
    ];
  });
}
