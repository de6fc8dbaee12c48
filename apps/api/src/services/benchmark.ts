import type { PublishedResults, SampleMoments } from '@socialsafety/scoring';

/** Organisations a deployment benchmark needs before it is used (issue 8): fewer would let one organisation stand out. */
export const BENCHMARK_MIN_ORGANISATIONS = 5;

export interface BenchmarkUsed {
  kind: 'deployment' | 'external';
  /** Where the values come from, for people: "3 organisations in this deployment" or the imported source. */
  source: string;
  /** Deployment benchmarks: the organisations pooled. */
  organisations?: number;
  /** Scale id -> moments on the 0-100 scale: exactly what the comparisons used (kept so a recomputation is identical). */
  scales: Record<string, SampleMoments>;
}

/**
 * Pools organisation-level scale figures (n, mean, sd) of several organisations into one benchmark per scale, as if
 * all their respondents were one sample: the pooled mean is the n-weighted mean, the pooled variance adds the spread
 * between organisations to the spread within them. A scale enters only when at least `minimum` organisations
 * published it; organisations whose organisation-level figure is hidden do not count.
 */
export function poolDeploymentBenchmark(sets: readonly Pick<PublishedResults, 'rootUnitId' | 'units'>[], minimum = BENCHMARK_MIN_ORGANISATIONS): BenchmarkUsed | null {
  const perScale = new Map<string, SampleMoments[]>();
  let organisations = 0;
  for (const set of sets) {
    const root = set.units.find((u) => u.unitId === set.rootUnitId);
    if (!root || 'hidden' in root.responses) continue;
    organisations += 1;
    for (const [key, figure] of Object.entries(root.metrics)) {
      if (!key.startsWith('scale:') || 'hidden' in figure || figure.kind !== 'mean' || figure.sd === null) continue;
      const list = perScale.get(key.slice('scale:'.length)) ?? [];
      list.push({ n: figure.n, mean: figure.mean, sd: figure.sd });
      perScale.set(key.slice('scale:'.length), list);
    }
  }
  if (organisations < minimum) return null;
  const scales: Record<string, SampleMoments> = {};
  for (const [scaleId, list] of perScale) {
    if (list.length < minimum) continue;
    scales[scaleId] = pool(list);
  }
  return { kind: 'deployment', source: `${organisations} organisations in this deployment`, organisations, scales };
}

/** n, mean and sample sd of the union of samples given by their own n, mean and sample sd. */
export function pool(samples: readonly SampleMoments[]): SampleMoments {
  const n = samples.reduce((sum, s) => sum + s.n, 0);
  const mean = samples.reduce((sum, s) => sum + s.n * s.mean, 0) / n;
  const squares = samples.reduce((sum, s) => sum + (s.n - 1) * s.sd * s.sd + s.n * s.mean * s.mean, 0);
  const variance = n > 1 ? (squares - n * mean * mean) / (n - 1) : 0;
  return { n, mean, sd: Math.sqrt(Math.max(0, variance)) };
}
