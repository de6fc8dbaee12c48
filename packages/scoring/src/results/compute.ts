import type { PublishedCut, TierPublication } from '../disclosure';
import { createScoringPlan } from '../respondent';
import { accumulate, cutDimensions, toSubtrees } from './accumulate';
import { publicationHolds } from './family-check';
import { familySolver } from './families';
import { figureOf, momentsOf } from './figures';
import { metricsOf, type MetricSpec } from './metrics';
import { itemMomentsFor, reliabilityOf } from './reliability';
import { indexTree } from './tree-index';
import type { CutResult, FigureOrHidden, Hidden, MeasurementInput, PublishedResults, UnitResult } from './types';

/** Version of the scoring rules; stored with every published set so that a recomputation can be traced. */
export const SCORING_VERSION = '1.0.0';

/** The one object every hidden figure is. */
export const HIDDEN: Hidden = Object.freeze({ hidden: true as const });

function column(table: Float64Array, stride: number): Float64Array {
  const out = new Float64Array(table.length / stride);
  for (let i = 0; i < out.length; i++) out[i] = table[i * stride] as number;
  return out;
}

function publishedUnits(publication: TierPublication): Set<string> {
  return new Set(publication.published.units.map((cell) => cell.unitId));
}

function cutsByUnit(publication: TierPublication): Map<string, Map<string, PublishedCut>> {
  const map = new Map<string, Map<string, PublishedCut>>();
  for (const cut of publication.published.cuts) {
    const forUnit = map.get(cut.unitId) ?? new Map<string, PublishedCut>();
    forUnit.set(cut.demographicId, cut);
    map.set(cut.unitId, forUnit);
  }
  return map;
}

/**
 * Computes the published result set of a measurement: every respondent scored once, every metric summed over every
 * unit's subtree and demographic category, and disclosure control applied to the measurement as a whole, per
 * disclosure family (the response count, and each metric with its own answerers). Every figure of the result is
 * either published with its numbers or the one HIDDEN object. Deterministic: the same input gives the same output,
 * whatever the order of units and responses.
 *
 * Cost: O(responses x metrics x (1 + cut demographics)) to score and sum, plus one disclosure solve per distinct
 * family (see families.ts).
 */
export function computeMeasurementResults(input: MeasurementInput): PublishedResults {
  const { definition, k, kSensitive } = input;
  const plan = createScoringPlan(definition);
  const tree = indexTree(input.units);
  const metrics = metricsOf(definition, plan);
  const dimensions = cutDimensions(definition, plan, input.demographicIds);
  const moments = itemMomentsFor(definition, plan);
  const acc = accumulate(plan, metrics, dimensions, tree, input.responses, moments);
  const solver = familySolver(tree, dimensions, k, kSensitive);

  const base = solver.solve({ units: acc.responses, cuts: acc.responseCuts, sensitive: false });
  const baseSensitive = solver.solve({ units: acc.responses, cuts: acc.responseCuts, sensitive: true });
  const publications = metrics.map((metric, m) => {
    const counts = {
      units: column(acc.units[m] as Float64Array, metric.stride),
      cuts: metric.cuts ? (acc.cuts[m] as Float64Array[]).map((table) => column(table, metric.stride)) : null,
      sensitive: metric.sensitive,
    };
    const tier = metric.sensitive ? baseSensitive : base;
    return publicationHolds(tier, tree, dimensions, counts) ? tier : solver.solve(counts);
  });

  const rootId = tree.ids[tree.root] as string;
  const baseCounts = new Map(base.published.units.map((cell) => [cell.unitId, cell.count]));
  // Before the rows become subtree sums: ICC(1) needs the units' own members.
  const reliability = baseCounts.has(rootId) ? reliabilityOf(plan, moments, metrics, acc.units, tree.ids.length) : [];

  metrics.forEach((metric, m) => {
    toSubtrees(acc.units[m] as Float64Array, metric.stride, tree);
    acc.cuts[m]?.forEach((table, d) => toSubtrees(table, (dimensions[d]?.categories.length ?? 0) * metric.stride, tree));
  });

  const published = publications.map(publishedUnits);
  const publishedCuts = publications.map(cutsByUnit);
  const organisation = metrics.map((metric, m) =>
    metric.kind === 'mean' && published[m]?.has(rootId) ? momentsOf(acc.units[m] as Float64Array, tree.root * metric.stride) : null,
  );

  // Units are compared with the organisation and the benchmark; demographic cells are not (they are read within
  // their unit), which also keeps the number of tests, and so of chance findings, down.
  const figure = (metric: MetricSpec, m: number, row: ArrayLike<number>, at: number, compared: boolean) => {
    const scaleId = metric.scale?.id;
    const benchmark = !compared || scaleId === undefined ? null : (input.benchmark?.[scaleId] ?? null);
    return figureOf(metric, row, at, compared ? (organisation[m] ?? null) : null, benchmark);
  };

  const units: UnitResult[] = tree.ids.map((unitId, unit) => {
    const isRoot = unit === tree.root;
    const metricFigures: Record<string, FigureOrHidden> = {};
    const cuts: Record<string, Record<string, CutResult>> = {};
    metrics.forEach((metric, m) => {
      const visible = published[m]?.has(unitId) ?? false;
      metricFigures[metric.key] = visible ? figure(metric, m, acc.units[m] as Float64Array, unit * metric.stride, !isRoot) : HIDDEN;
      const tables = acc.cuts[m];
      if (!tables) return;
      const forMetric: Record<string, CutResult> = {};
      dimensions.forEach((dimension, d) => {
        const cut = visible ? publishedCuts[m]?.get(unitId)?.get(dimension.id) : undefined;
        if (!cut) {
          forMetric[dimension.id] = HIDDEN;
          return;
        }
        const width = dimension.categories.length;
        const table = tables[d] as Float64Array;
        forMetric[dimension.id] = {
          cells: cut.cells.map((cell) => {
            const row = new Float64Array(metric.stride);
            for (const category of cell.categories) {
              const c = dimension.categories.indexOf(category);
              const at = (unit * width + c) * metric.stride;
              for (let i = 0; i < metric.stride; i++) row[i] = (row[i] as number) + (table[at + i] as number);
            }
            return { label: cell.label, categories: cell.categories, figure: figure(metric, m, row, 0, false) };
          }),
        };
      });
      cuts[metric.key] = forMetric;
    });
    const n = baseCounts.get(unitId);
    return { unitId, responses: n === undefined ? HIDDEN : { n }, metrics: metricFigures, cuts };
  });

  return {
    formatVersion: 1,
    scoringVersion: SCORING_VERSION,
    questionnaire: { key: definition.key, version: definition.version },
    k,
    kSensitive,
    rootUnitId: rootId,
    tree: tree.ids.map((id, i) => ({ id, parentId: tree.parent[i]! < 0 ? null : (tree.ids[tree.parent[i]!] as string) })),
    demographics: dimensions.map((d) => ({ id: d.id, categories: d.categories })),
    metrics: metrics.map((metric) => ({ key: metric.key, kind: metric.kind, sensitive: metric.sensitive })),
    units,
    reliability,
  };
}
