import {
  findResponseScale,
  localise,
  scaleItems,
  standaloneItems,
  type QuestionnaireDefinition,
} from '@socialsafety/instrument';
import type { FigureOrHidden, Hidden, MeanFigure, PublishedResults, UnitResult } from '@socialsafety/scoring';

/** The one object a hidden figure is, in every response body (disclosure-control.md rule 6). */
export const HIDDEN_CELL: Hidden = Object.freeze({ hidden: true as const });

export type HeatmapMetric = 'mean' | 'favourable' | 'vsOrganisation' | 'vsBenchmark';

export interface ViewUnit {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}

/** A published set with its frozen tree's names, indexed for the views; built once per request. */
export interface ResultsContext {
  results: PublishedResults;
  definition: QuestionnaireDefinition;
  language: string;
  units: Map<string, ViewUnit>;
  children: Map<string, string[]>;
  byUnit: Map<string, UnitResult>;
  /** Units the viewer may see; null: all. */
  visible: Set<string> | null;
}

export function resultsContext(
  results: PublishedResults,
  definition: QuestionnaireDefinition,
  units: readonly ViewUnit[],
  language: string | undefined,
  visible: Set<string> | null,
): ResultsContext {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId !== null) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  }
  const lang = language !== undefined && definition.languages.includes(language) ? language : (definition.languages[0] ?? 'en');
  return {
    results,
    definition,
    language: lang,
    units: new Map(units.map((u) => [u.id, u])),
    children,
    byUnit: new Map(results.units.map((u) => [u.unitId, u])),
    visible,
  };
}

// localise walks the whole definition; views ask for it several times per request.
const localisedCache = new WeakMap<QuestionnaireDefinition, Map<string, ReturnType<typeof localise>>>();
function localiseOnce(definition: QuestionnaireDefinition, language: string) {
  const forDefinition = localisedCache.get(definition) ?? new Map<string, ReturnType<typeof localise>>();
  localisedCache.set(definition, forDefinition);
  const known = forDefinition.get(language);
  if (known) return known;
  const made = localise(definition, language);
  forDefinition.set(language, made);
  return made;
}

const canSee = (ctx: ResultsContext, unitId: string) => ctx.visible === null || ctx.visible.has(unitId);

/** Mean scales of the version, in definition order, with their texts in the context's language. */
export function scaleColumns(ctx: ResultsContext) {
  const localised = localiseOnce(ctx.definition, ctx.language);
  const published = new Set(ctx.results.metrics.filter((m) => m.kind === 'mean').map((m) => m.key));
  return ctx.definition.scales
    .map((scale, i) => ({ scale, title: localised.scales[i]?.title ?? scale.id }))
    .filter(({ scale }) => published.has(`scale:${scale.id}`))
    .map(({ scale, title }) => ({
      scaleId: scale.id,
      metricKey: `scale:${scale.id}`,
      title: String(title),
      domain: scale.domain,
      direction: scale.direction,
      sensitive: scale.sensitive,
    }));
}

function heatmapCell(figure: FigureOrHidden | undefined, metric: HeatmapMetric) {
  if (figure === undefined || 'hidden' in figure || figure.kind !== 'mean') return HIDDEN_CELL;
  const f: MeanFigure = figure;
  switch (metric) {
    case 'mean':
      return { value: f.mean, n: f.n, ci: f.ci, significant: f.vsOrganisation?.significant ?? null, band: f.band };
    case 'favourable':
      return { value: f.favourable, n: f.n, ci: null, significant: null, band: f.band };
    case 'vsOrganisation':
      return { value: f.vsOrganisation?.difference ?? null, n: f.n, ci: f.ci, significant: f.vsOrganisation?.significant ?? null, band: f.band };
    case 'vsBenchmark':
      return { value: f.vsBenchmark?.difference ?? null, n: f.n, ci: f.ci, significant: f.vsBenchmark?.significant ?? null, band: f.band };
  }
}

function responsesOf(ctx: ResultsContext, unitId: string) {
  const result = ctx.byUnit.get(unitId);
  return result === undefined || 'hidden' in result.responses ? HIDDEN_CELL : { n: result.responses.n };
}

/** Rows: the root, then its descendants down to `depth` levels below it, depth-first in code order. */
function rowsUnder(ctx: ResultsContext, root: string, depth: number): { id: string; level: number }[] {
  const out: { id: string; level: number }[] = [];
  const walk = (id: string, level: number) => {
    out.push({ id, level });
    if (level >= depth) return;
    const kids = (ctx.children.get(id) ?? []).slice().sort((a, b) => (ctx.units.get(a)?.code ?? '').localeCompare(ctx.units.get(b)?.code ?? ''));
    for (const child of kids) walk(child, level + 1);
  };
  walk(root, 0);
  return out.filter((row) => canSee(ctx, row.id));
}

export function heatmapView(ctx: ResultsContext, root: string, depth: number, metric: HeatmapMetric) {
  const columns = scaleColumns(ctx);
  const rows = rowsUnder(ctx, root, depth).map(({ id, level }) => {
    const unit = ctx.units.get(id)!;
    const result = ctx.byUnit.get(id);
    return {
      unitId: id,
      code: unit.code,
      name: unit.name,
      parentId: level === 0 ? null : unit.parentId,
      level,
      hasChildren: (ctx.children.get(id)?.length ?? 0) > 0,
      responses: responsesOf(ctx, id),
      cells: columns.map((c) => heatmapCell(result?.metrics[c.metricKey], metric)),
    };
  });
  return { metric, root, depth, columns, rows };
}

function demographicLabels(ctx: ResultsContext) {
  const localised = localiseOnce(ctx.definition, ctx.language);
  const map = new Map<string, { text: string; options: Map<string, string> }>();
  ctx.definition.demographics.forEach((d, i) => {
    const l = localised.demographics[i];
    map.set(d.id, {
      text: String(l?.text ?? d.id),
      options: new Map(d.options.map((o, j) => [String(o.value), String(l?.options[j]?.label ?? o.value)])),
    });
  });
  return map;
}

export function unitView(ctx: ResultsContext, unitId: string) {
  const unit = ctx.units.get(unitId)!;
  const result = ctx.byUnit.get(unitId);
  const localised = localiseOnce(ctx.definition, ctx.language);
  const demographics = demographicLabels(ctx);
  const path: { id: string; name: string }[] = [];
  for (let at = unit.parentId; at !== null && canSee(ctx, at); at = ctx.units.get(at)?.parentId ?? null) {
    path.unshift({ id: at, name: ctx.units.get(at)?.name ?? '' });
  }
  const optionLabels = (responseScaleId: string | undefined) => {
    if (responseScaleId === undefined) return [];
    const index = ctx.definition.responseScales.findIndex((r) => r.id === responseScaleId);
    return (localised.responseScales[index]?.options ?? []).map((o) => String(o.label));
  };
  const scales = scaleColumns(ctx).map((column) => {
    const scale = ctx.definition.scales.find((s) => s.id === column.scaleId)!;
    const first = scaleItems(ctx.definition, scale)[0];
    const responseScale = first ? findResponseScale(ctx.definition, first.responseScaleId) : undefined;
    const cuts = result?.cuts[column.metricKey] ?? {};
    return {
      ...column,
      categories: optionLabels(responseScale?.id),
      figure: result?.metrics[column.metricKey] ?? HIDDEN_CELL,
      cuts: Object.entries(cuts).map(([demographicId, cut]) => {
        const labels = demographics.get(demographicId);
        return {
          demographicId,
          text: labels?.text ?? demographicId,
          result:
            'hidden' in cut
              ? HIDDEN_CELL
              : {
                  cells: cut.cells.map((cell) => ({
                    label: cell.categories.length === 1 ? (labels?.options.get(cell.label) ?? cell.label) : cell.label,
                    categories: cell.categories.map((code) => ({ code, label: labels?.options.get(code) ?? code })),
                    figure: cell.figure,
                  })),
                },
        };
      }),
    };
  });
  const items = standaloneItems(ctx.definition).flatMap((item) => {
    const figure = result?.metrics[`item:${item.id}`];
    if (figure === undefined) return [];
    const l = localised.sections.flatMap((s) => s.items).find((i) => i.id === item.id);
    return [{ itemId: item.id, text: String(l?.text ?? item.id), categories: optionLabels(item.responseScaleId), figure }];
  });
  const children = (ctx.children.get(unitId) ?? [])
    .filter((id) => canSee(ctx, id))
    .map((id) => ({ id, code: ctx.units.get(id)?.code ?? '', name: ctx.units.get(id)?.name ?? '', responses: responsesOf(ctx, id) }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const titles = new Map(scaleColumns(ctx).map((c) => [c.scaleId, c.title]));
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, parentId: path.length > 0 ? unit.parentId : null },
    path,
    children,
    responses: responsesOf(ctx, unitId),
    scales,
    items,
    reliability: ctx.results.reliability.map((r) => ({ ...r, title: titles.get(r.scaleId) ?? r.scaleId })),
  };
}

/** Behaviour indicators: `behaviour:<mode>:<rest>`, grouped for display. */
export function behaviourIndicators(results: PublishedResults) {
  return results.metrics
    .filter((m) => m.key.startsWith('behaviour:'))
    .map((m) => {
      const [, mode, first, second] = m.key.split(':') as [string, string, string, string | undefined];
      const group =
        second === undefined
          ? first === 'any'
            ? 'any'
            : first === 'reported'
              ? 'reported'
              : 'category'
          : first === 'source'
            ? 'source'
            : first === 'side'
              ? 'side'
              : first === 'reported-to'
                ? 'reportedTo'
                : 'handling';
      return { key: m.key, mode, group, code: second ?? first };
    });
}

export function behaviourView(ctx: ResultsContext, root: string) {
  const indicators = behaviourIndicators(ctx.results);
  const localised = localiseOnce(ctx.definition, ctx.language);
  const prevalenceScales = ctx.definition.scales
    .map((scale, i) => ({ scale, title: String(localised.scales[i]?.title ?? scale.id) }))
    .filter(({ scale }) => ctx.results.metrics.some((m) => m.key === `scale:${scale.id}` && m.kind === 'proportion'))
    .map(({ scale, title }) => ({ key: `scale:${scale.id}`, scaleId: scale.id, title }));
  const keys = [...indicators.map((i) => i.key), ...prevalenceScales.map((s) => s.key)];
  const rows = rowsUnder(ctx, root, 1).map(({ id, level }) => {
    const result = ctx.byUnit.get(id);
    const figures: Record<string, FigureOrHidden> = {};
    for (const key of keys) figures[key] = result?.metrics[key] ?? HIDDEN_CELL;
    const unit = ctx.units.get(id)!;
    return { unitId: id, code: unit.code, name: unit.name, level, responses: responsesOf(ctx, id), figures };
  });
  return { root, kSensitive: ctx.results.kSensitive, indicators, scales: prevalenceScales, rows };
}
