import { z } from 'zod';

/** Response shapes of the results endpoints. A hidden figure is always exactly `{ "hidden": true }`. */

export const hidden = z.object({ hidden: z.literal(true) }).meta({ id: 'Hidden', description: 'Below the anonymity threshold (or needed to protect another group): no figures at all' });

const interval = z.tuple([z.number(), z.number()]).readonly();
const band = z.enum(['red', 'amber', 'green']).nullable();
const comparison = z.object({ difference: z.number(), p: z.number().nullable(), significant: z.boolean() }).meta({ id: 'Comparison' });

export const meanFigure = z
  .object({
    kind: z.literal('mean'),
    n: z.number().int(),
    mean: z.number(),
    sd: z.number().nullable(),
    ci: interval.nullable(),
    distribution: z.array(z.number()).readonly().meta({ description: 'Share of answers per category (after reverse keying)' }),
    favourable: z.number(),
    band,
    vsOrganisation: comparison.nullable(),
    vsBenchmark: comparison.nullable(),
  })
  .meta({ id: 'MeanFigure' });

export const proportionFigure = z
  .object({ kind: z.literal('proportion'), n: z.number().int(), percent: z.number(), ci: interval, band })
  .meta({ id: 'ProportionFigure', description: 'Prevalence in percent with the Wilson 95% interval' });

export const figure = z.union([hidden, meanFigure, proportionFigure]);
export const count = z.union([hidden, z.object({ n: z.number().int() })]);

export const scaleColumn = z.object({
  scaleId: z.string(),
  metricKey: z.string(),
  title: z.string(),
  domain: z.string(),
  direction: z.enum(['higher-is-better', 'higher-is-worse']),
  sensitive: z.boolean(),
});

const benchmark = z.object({ kind: z.enum(['deployment', 'external']), source: z.string(), organisations: z.number().int().nullable() }).nullable();

export const heatmapMetric = z.enum(['mean', 'favourable', 'vsOrganisation', 'vsBenchmark']);

export const heatmapCell = z.union([
  hidden,
  z.object({ value: z.number().nullable(), n: z.number().int(), ci: interval.nullable(), significant: z.boolean().nullable(), band }),
]);

export const overview = z
  .object({
    measurementId: z.uuid(),
    title: z.string(),
    closesAt: z.string().meta({ description: 'The last day people could answer' }),
    closedAt: z.string().nullable().meta({ description: 'When it was closed' }),
    computedAt: z.string(),
    scoringVersion: z.string(),
    questionnaire: z.object({ key: z.string(), version: z.string() }),
    language: z.string(),
    k: z.number().int(),
    kSensitive: z.number().int(),
    benchmark,
    roots: z.array(z.uuid()).meta({ description: 'Where this viewer starts: the organisation, or the top of each subtree they may see' }),
    units: z
      .array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), parentId: z.uuid().nullable(), responses: count }))
      .meta({ description: 'In tree order: every parent before its children, siblings by code' }),
    scales: z.array(scaleColumn),
    demographics: z.array(z.object({ id: z.string(), categories: z.array(z.string()).readonly() })),
  })
  .meta({ id: 'ResultsOverview' });

export const heatmap = z
  .object({
    metric: heatmapMetric,
    root: z.uuid(),
    depth: z.number().int(),
    language: z.string(),
    k: z.number().int(),
    kSensitive: z.number().int(),
    benchmark,
    columns: z.array(scaleColumn),
    rows: z.array(
      z.object({
        unitId: z.uuid(),
        code: z.string(),
        name: z.string(),
        parentId: z.uuid().nullable(),
        level: z.number().int(),
        hasChildren: z.boolean(),
        responses: count,
        cells: z.array(heatmapCell).meta({ description: 'One per column, in column order' }),
      }),
    ),
  })
  .meta({ id: 'Heatmap' });

const cutResult = z.union([
  hidden,
  z.object({
    cells: z.array(z.object({ label: z.string(), categories: z.array(z.object({ code: z.string(), label: z.string() })), figure })),
  }),
]);

export const unitResults = z
  .object({
    unit: z.object({ id: z.uuid(), code: z.string(), name: z.string(), parentId: z.uuid().nullable() }),
    path: z.array(z.object({ id: z.uuid(), name: z.string() })),
    children: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), responses: count })),
    responses: count,
    language: z.string(),
    k: z.number().int(),
    kSensitive: z.number().int(),
    scales: z.array(
      scaleColumn.extend({
        categories: z.array(z.string()),
        figure,
        cuts: z.array(z.object({ demographicId: z.string(), text: z.string(), result: cutResult })),
      }),
    ),
    items: z.array(z.object({ itemId: z.string(), text: z.string(), categories: z.array(z.string()), figure })),
    reliability: z.array(
      z.object({
        scaleId: z.string(),
        title: z.string(),
        nComplete: z.number().int(),
        alpha: z.number().nullable(),
        omega: z.number().nullable(),
        icc1: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'UnitResults' });

export const behaviour = z
  .object({
    root: z.uuid(),
    language: z.string(),
    kSensitive: z.number().int(),
    indicators: z.array(z.object({ key: z.string(), mode: z.string(), group: z.string(), code: z.string() })),
    scales: z.array(z.object({ key: z.string(), scaleId: z.string(), title: z.string() })),
    rows: z.array(
      z.object({ unitId: z.uuid(), code: z.string(), name: z.string(), level: z.number().int(), responses: count, figures: z.record(z.string(), figure) }),
    ),
  })
  .meta({ id: 'BehaviourResults' });

export const trend = z
  .object({
    unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    language: z.string(),
    points: z.array(z.object({ measurementId: z.uuid(), title: z.string(), closesAt: z.string(), current: z.boolean() })),
    series: z.array(
      scaleColumn.extend({
        values: z.array(figure.nullable()).meta({ description: 'One per point; null: not comparable or the unit did not exist' }),
        change: comparison.nullable().meta({ description: 'Last point against the one before' }),
      }),
    ),
  })
  .meta({ id: 'Trend' });

export const recomputed = z
  .object({ computedAt: z.string(), scoringVersion: z.string(), identicalToPrevious: z.boolean().nullable() })
  .meta({ id: 'Recomputed' });

const moments = z.object({
  n: z.number().int().min(2).max(100_000_000),
  mean: z.number().min(0).max(100),
  sd: z.number().min(0).max(100),
});

export const benchmarkInput = z
  .object({
    source: z.string().trim().min(1).max(500).meta({ description: 'Where the values come from (study, year, population)' }),
    scales: z
      .record(z.string(), moments)
      .refine((r) => Object.keys(r).length > 0, 'name at least one scale')
      .meta({ description: 'Scale id -> { n, mean, sd } on the 0-100 scale' }),
  })
  .meta({ id: 'ExternalBenchmarkInput' });

export const benchmarks = z
  .object({
    deployment: z.object({ organisations: z.number().int(), source: z.string(), scales: z.record(z.string(), z.object({ n: z.number(), mean: z.number(), sd: z.number() })) }).nullable(),
    external: z.array(
      z.object({ id: z.uuid(), source: z.string(), scales: z.record(z.string(), z.object({ n: z.number(), mean: z.number(), sd: z.number() })), createdAt: z.string() }),
    ),
  })
  .meta({ id: 'Benchmarks' });
