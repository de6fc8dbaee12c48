import type { Block } from '../disclosure/category-partition';
import { createScoringPlan, type ScoringPlan } from '../respondent';
import { accumulation, cutDimensions, toSubtrees, type Accumulators, type CutDimension } from './accumulate';
import { publicationHolds } from './family-check';
import { familySolver, type FamilyPublication } from './families';
import { figureOf, momentsOf } from './figures';
import { column } from './layout';
import { metricsOf, type MetricSpec } from './metrics';
import { itemMomentsFor, reliabilityOf } from './reliability';
import { indexTree } from './tree-index';
import type { TreeIndex } from './tree-index';
import type {
  CutCellResult,
  CutResult,
  Figure,
  FigureOrHidden,
  Hidden,
  ListedMeasurementResponse,
  MeasurementInput,
  MeasurementResponse,
  MeasurementSettings,
  PublishedResults,
  UnitResult,
} from './types';

/** Version of the scoring rules; stored with every published set so that a recomputation can be traced. */
export const SCORING_VERSION = '1.0.0';

/** The one object every hidden figure is. */
export const HIDDEN: Hidden = Object.freeze({ hidden: true as const });

/** Category names of a block, one shared array per block and demographic (every unit publishing it reads the same). */
function blockNames(dimension: CutDimension, cache: Map<string, readonly string[]>, block: Block): readonly string[] {
  // Most blocks are one category: keyed by its name (codes as text, '(missing)'), without building a key per cell;
  // merged blocks by their indices after a '#', which no category name starts with.
  const key = block.length === 1 ? (dimension.categories[block[0] as number] as string) : `#${block.join(',')}`;
  let names = cache.get(key);
  if (names === undefined) {
    names = block.map((category) => dimension.categories[category] as string);
    cache.set(key, names);
  }
  return names;
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
  const computation = startComputation(input);
  for (const response of input.responses) computation.add(response);
  return computation.finish();
}

/** A computation fed one response at a time, so that any source (an array, pages read off a database) shares it. */
export interface Computation {
  add(response: MeasurementResponse | ListedMeasurementResponse): void;
  /** The published set; call once, after the last response. */
  finish(): PublishedResults;
}

export function startComputation(settings: MeasurementSettings): Computation {
  const plan = createScoringPlan(settings.definition);
  const tree = indexTree(settings.units);
  const metrics = metricsOf(settings.definition, plan);
  const dimensions = cutDimensions(settings.definition, plan, settings.demographicIds);
  const moments = itemMomentsFor(settings.definition, plan);
  const sums = accumulation(plan, metrics, dimensions, tree, moments);
  return {
    add: sums.add,
    finish: () => publish(settings, { plan, tree, metrics, dimensions, moments }, sums.finish()),
  };
}

interface Prepared {
  readonly plan: ScoringPlan;
  readonly tree: TreeIndex;
  readonly metrics: readonly MetricSpec[];
  readonly dimensions: readonly CutDimension[];
  readonly moments: ReturnType<typeof itemMomentsFor>;
}

function publish(input: MeasurementSettings, prepared: Prepared, acc: Accumulators): PublishedResults {
  const { definition, k, kSensitive } = input;
  const { plan, tree, metrics, dimensions, moments } = prepared;
  const { unitWidth, cutWidth, offset } = acc.layout;
  const solver = familySolver(tree, dimensions, k, kSensitive);

  const base = solver.solve({ units: acc.responses, cuts: acc.responseCuts, sensitive: false });
  const baseSensitive = solver.solve({ units: acc.responses, cuts: acc.responseCuts, sensitive: true });
  const publications: FamilyPublication[] = metrics.map((metric, m) => {
    const at = offset[m] as number;
    const counts = {
      units: column(acc.units, unitWidth, at),
      cuts: metric.cuts ? acc.cuts.map((table) => column(table, cutWidth, at)) : null,
      sensitive: metric.sensitive,
    };
    const tier = metric.sensitive ? baseSensitive : base;
    return publicationHolds(tier, tree, dimensions, counts) ? tier : solver.solve(counts);
  });

  const root = tree.root;
  const rootId = tree.ids[root] as string;
  // Before the rows become subtree sums: ICC(1) needs the units' own members.
  const reliability = base.published[root] === 1 ? reliabilityOf(plan, moments, metrics, acc.units, acc.layout, tree.ids.length) : [];

  toSubtrees(acc.units, unitWidth, tree);
  acc.cuts.forEach((table, d) => toSubtrees(table, (dimensions[d]?.categories.length ?? 0) * cutWidth, tree));

  const organisation = metrics.map((metric, m) =>
    metric.kind === 'mean' && publications[m]?.published[root] === 1 ? momentsOf(acc.units, root * unitWidth + (offset[m] as number)) : null,
  );

  // Units are compared with the organisation and the benchmark; demographic cells are not (they are read within
  // their unit), which also keeps the number of tests, and so of chance findings, down.
  const figure = (metric: MetricSpec, m: number, row: ArrayLike<number>, at: number, compared: boolean) => {
    const scaleId = metric.scale?.id;
    const benchmark = !compared || scaleId === undefined ? null : (input.benchmark?.[scaleId] ?? null);
    return figureOf(metric, row, at, compared ? (organisation[m] ?? null) : null, benchmark);
  };

  const names = dimensions.map(() => new Map<string, readonly string[]>());
  // A merged block's row is summed here, category by category in block order, as its figure reads it.
  const merged = new Float64Array(Math.max(1, ...metrics.map((metric) => metric.stride)));
  const cutOf = (metric: MetricSpec, m: number, publication: FamilyPublication, unit: number, d: number): CutResult => {
    const dimension = dimensions[d] as CutDimension;
    const partition = publication.cuts[d]?.[unit];
    if (partition === null || partition === undefined) return HIDDEN;
    const width = dimension.categories.length;
    const table = acc.cuts[d] as Float64Array;
    const solvedTotals = publication.cutTotals[d] as Float64Array;
    const cells: CutCellResult[] = [];
    for (const block of partition) {
      let count = 0;
      for (const category of block) count += solvedTotals[unit * width + category] as number;
      if (count === 0) continue;
      const categories = blockNames(dimension, names[d] as Map<string, readonly string[]>, block);
      const label = categories.length === 1 ? (categories[0] as string) : 'other';
      let cellFigure: Figure;
      if (block.length === 1) {
        cellFigure = figure(metric, m, table, (unit * width + (block[0] as number)) * cutWidth + (offset[m] as number), false);
      } else {
        merged.fill(0);
        for (const category of block) {
          const at = (unit * width + category) * cutWidth + (offset[m] as number);
          for (let i = 0; i < metric.stride; i++) merged[i] = (merged[i] as number) + (table[at + i] as number);
        }
        cellFigure = figure(metric, m, merged, 0, false);
      }
      cells.push({ label, categories, figure: cellFigure });
    }
    return { cells };
  };

  const units: UnitResult[] = tree.ids.map((unitId, unit) => {
    const isRoot = unit === root;
    const metricFigures: Record<string, FigureOrHidden> = {};
    const cuts: Record<string, Record<string, CutResult>> = {};
    metrics.forEach((metric, m) => {
      const publication = publications[m] as FamilyPublication;
      const visible = publication.published[unit] === 1;
      metricFigures[metric.key] = visible ? figure(metric, m, acc.units, unit * unitWidth + (offset[m] as number), !isRoot) : HIDDEN;
      if (!metric.cuts) return;
      const forMetric: Record<string, CutResult> = {};
      dimensions.forEach((dimension, d) => {
        forMetric[dimension.id] = visible ? cutOf(metric, m, publication, unit, d) : HIDDEN;
      });
      cuts[metric.key] = forMetric;
    });
    return { unitId, responses: base.published[unit] === 1 ? { n: base.totals[unit] as number } : HIDDEN, metrics: metricFigures, cuts };
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
