import { isDeepStrictEqual } from 'node:util';
import type { QuestionnaireDefinition } from '@socialsafety/instrument';
import { figureTrend, trendMetricKeys, type FigureOrHidden, type PublishedResults } from '@socialsafety/scoring';
import type { FastifyRequest } from 'fastify';
import { unitScope, type Principal } from '../access/authorize';
import { conflict, notFound } from '../lib/errors';
import { subtreeIds, topDown } from '../lib/subtree';
import type { MeasurementRepository, MeasurementUnitRow } from '../repositories/measurements';
import type { ResultsRepository, StoredResults } from '../repositories/results';
import type { AuditService } from './audit';
import type { BenchmarkUsed } from './benchmark';
import type { MeasurementService } from './measurements';
import { statusConflict } from './measurements';
import type { ResultsPublisher } from './results-publisher';
import {
  behaviourView,
  HIDDEN_CELL,
  heatmapView,
  resultsContext,
  scaleColumns,
  unitView,
  type HeatmapMetric,
  type ResultsContext,
} from './results-views';

/**
 * Reading results: every view is cut from the one published set stored at close, narrowed to the units the viewer may
 * see, and written to the audit log. Nothing here computes a figure from responses.
 */
export function resultsService(deps: {
  lifecycle: MeasurementService;
  measurements: MeasurementRepository;
  results: ResultsRepository;
  publisher: ResultsPublisher;
  audit: AuditService;
}) {
  const { lifecycle, measurements, results, publisher, audit } = deps;

  // A published set never changes except by recomputation, so parsed sets are kept (a few, most recent first) and
  // checked against computed_at on every request: reading a large set from jsonb is most of a request's time.
  const cache = new Map<string, { computedAt: number; stored: StoredResults; units: MeasurementUnitRow[]; definition: QuestionnaireDefinition }>();
  const CACHED_SETS = 8;

  async function load(id: string) {
    const computedAt = await results.computedAt(id);
    if (computedAt === undefined) {
      throw conflict('RESULTS_NOT_COMPUTED', 'This measurement was closed without results: an organisation administrator can compute them (POST …/results/recompute).');
    }
    const hit = cache.get(id);
    if (hit && hit.computedAt === computedAt.getTime()) {
      cache.delete(id);
      cache.set(id, hit);
      return hit;
    }
    const stored = await results.find(id);
    const full = await measurements.find(id);
    if (!stored || !full) throw conflict('RESULTS_NOT_COMPUTED', 'The results were removed meanwhile; read them again.');
    const definition = full.definition as QuestionnaireDefinition;
    // A published version's definition never changes: the cached one stands for it (and keeps its texts cached).
    const entry = { computedAt: stored.computedAt.getTime(), stored, units: await measurements.units(id), definition };
    cache.delete(id);
    cache.set(id, entry);
    while (cache.size > CACHED_SETS) cache.delete(cache.keys().next().value as string);
    return entry;
  }

  async function published(request: FastifyRequest, principal: Principal, id: string, language: string | undefined) {
    // A light read first: the definition is only loaded when the cached set is stale; an open measurement goes through
    // the lifecycle, which closes it when its closing day has passed.
    let m = await measurements.summary(id);
    if (m?.status === 'open') {
      await lifecycle.load(request, id);
      m = await measurements.summary(id);
    }
    if (!m) throw notFound('Measurement');
    if (m.status !== 'closed') {
      throw conflict('RESULTS_NOT_AVAILABLE', `The measurement is ${m.status}: results are published when it closes.`, { status: m.status });
    }
    const { stored, units, definition } = await load(id);
    const scope = unitScope(principal, 'results.read', m.organisationId);
    const visible = scope === 'all' ? null : subtreeIds(units, units.filter((u) => u.sourceUnitId !== null && scope.includes(u.sourceUnitId)).map((u) => u.id));
    const ctx = resultsContext(stored.results as PublishedResults, definition, units, language, visible);
    return { m, stored, units, ctx, definition };
  }

  /** The units a viewer starts from: the organisation, or the top of each subtree they may see. */
  const rootsOf = (ctx: ResultsContext) =>
    ctx.visible === null
      ? [ctx.results.rootUnitId]
      : [...ctx.visible].filter((id) => {
          const parent = ctx.units.get(id)?.parentId ?? null;
          return parent === null || !ctx.visible!.has(parent);
        });

  function unitIn(ctx: ResultsContext, unitId: string | undefined): string {
    const id = unitId ?? rootsOf(ctx)[0];
    if (id === undefined || !ctx.units.has(id)) throw notFound('Unit');
    if (ctx.visible !== null && !ctx.visible.has(id)) throw notFound('Unit');
    return id;
  }

  const record = (request: FastifyRequest, m: { id: string; organisationId: string }, details: Record<string, unknown>) =>
    audit.record(request, 'results.read', { organisationId: m.organisationId, targetType: 'measurement', targetId: m.id, details });

  const benchmarkInfo = (stored: { benchmark: unknown }) => {
    const b = stored.benchmark as BenchmarkUsed | null;
    return b === null ? null : { kind: b.kind, source: b.source, organisations: b.organisations ?? null };
  };

  return {
    sourcePath: (measurementId: string, unitId: string) => measurements.sourcePath(measurementId, unitId),

    async overview(request: FastifyRequest, principal: Principal, id: string, language?: string) {
      const { m, stored, ctx } = await published(request, principal, id, language);
      await record(request, m, { view: 'overview' });
      const localisedDemographics = ctx.results.demographics.map((d) => ({ id: d.id, categories: d.categories }));
      return {
        measurementId: m.id,
        title: m.title,
        closesAt: m.closesAt,
        closedAt: m.closedAt?.toISOString() ?? null,
        computedAt: stored.computedAt.toISOString(),
        scoringVersion: stored.scoringVersion,
        questionnaire: ctx.results.questionnaire,
        language: ctx.language,
        k: ctx.results.k,
        kSensitive: ctx.results.kSensitive,
        benchmark: benchmarkInfo(stored),
        roots: rootsOf(ctx),
        units: topDown([...ctx.units.values()])
          .filter((u) => ctx.visible === null || ctx.visible.has(u.id))
          .map((u) => ({
            id: u.id,
            code: u.code,
            name: u.name,
            parentId: u.parentId !== null && (ctx.visible === null || ctx.visible.has(u.parentId)) ? u.parentId : null,
            responses: (() => {
              const r = ctx.byUnit.get(u.id)?.responses;
              return r === undefined || 'hidden' in r ? HIDDEN_CELL : { n: r.n };
            })(),
          })),
        scales: scaleColumns(ctx),
        demographics: localisedDemographics,
      };
    },

    async heatmap(request: FastifyRequest, principal: Principal, id: string, q: { root?: string; depth: number; metric: HeatmapMetric; lang?: string }) {
      const { m, stored, ctx } = await published(request, principal, id, q.lang);
      const root = unitIn(ctx, q.root);
      await record(request, m, { view: 'heatmap', root, depth: q.depth, metric: q.metric });
      return { ...heatmapView(ctx, root, q.depth, q.metric), language: ctx.language, benchmark: benchmarkInfo(stored), k: ctx.results.k, kSensitive: ctx.results.kSensitive };
    },

    async unit(request: FastifyRequest, principal: Principal, id: string, unitId: string, lang?: string) {
      const { m, ctx } = await published(request, principal, id, lang);
      const unit = unitIn(ctx, unitId);
      await record(request, m, { view: 'unit', unitId: unit });
      return { ...unitView(ctx, unit), language: ctx.language, k: ctx.results.k, kSensitive: ctx.results.kSensitive };
    },

    async behaviour(request: FastifyRequest, principal: Principal, id: string, root: string | undefined, lang?: string) {
      const { m, ctx } = await published(request, principal, id, lang);
      const at = unitIn(ctx, root);
      await record(request, m, { view: 'behaviour', root: at });
      return { ...behaviourView(ctx, at), language: ctx.language };
    },

    /**
     * The same unit (the same live unit it was copied from) in this and every earlier closed measurement of the
     * organisation, each figure as that measurement published it; scales follow the questionnaire's trend map.
     */
    async trend(request: FastifyRequest, principal: Principal, id: string, unitId: string | undefined, lang?: string) {
      const { m, units, ctx, definition } = await published(request, principal, id, lang);
      const unit = unitIn(ctx, unitId);
      const source = units.find((u) => u.id === unit)?.sourceUnitId ?? null;
      await record(request, m, { view: 'trend', unitId: unit });
      const current = definition;
      const earlier = (await results.closedOfOrganisation(m.organisationId)).filter((row) => row.measurementId !== m.id && row.closesAt <= m.closesAt);
      const points: { measurementId: string; title: string; closesAt: string; unitResult: PublishedResults['units'][number] | undefined; keys: Map<string, string> }[] = [];
      for (const row of earlier) {
        const frozen = await measurements.units(row.measurementId);
        const match = source === null ? undefined : frozen.find((u) => u.sourceUnitId === source);
        const unitResult = match ? ((await results.unitResult(row.measurementId, match.id)) as PublishedResults['units'][number] | undefined) : undefined;
        points.push({
          measurementId: row.measurementId,
          title: row.title,
          closesAt: row.closesAt,
          unitResult,
          keys: trendMetricKeys(current, row.definition as QuestionnaireDefinition),
        });
      }
      points.push({ measurementId: m.id, title: m.title, closesAt: m.closesAt, unitResult: ctx.byUnit.get(unit), keys: new Map(scaleColumns(ctx).map((c) => [c.metricKey, c.metricKey])) });
      const series = scaleColumns(ctx).map((column) => {
        const values = points.map((p): FigureOrHidden | null => {
          const key = p.keys.get(column.metricKey);
          if (key === undefined || p.unitResult === undefined) return null;
          return p.unitResult.metrics[key] ?? null;
        });
        const last = values.at(-1) ?? null;
        const previous = values.length > 1 ? (values.at(-2) ?? null) : null;
        return { ...column, values, change: last !== null && previous !== null ? figureTrend(last, previous) : null };
      });
      return {
        unit: { id: unit, code: ctx.units.get(unit)?.code ?? '', name: ctx.units.get(unit)?.name ?? '' },
        language: ctx.language,
        points: points.map((p) => ({ measurementId: p.measurementId, title: p.title, closesAt: p.closesAt, current: p.measurementId === m.id })),
        series,
      };
    },

    /** Computes the published set of a closed measurement again, with the benchmark it was published with. */
    async recompute(request: FastifyRequest, id: string) {
      const m = await lifecycle.load(request, id);
      if (m.status !== 'closed') throw statusConflict(m.status, 'have its results recomputed');
      const before = await results.find(id);
      const publish = await publisher.prepare(m, before ? (before.benchmark as BenchmarkUsed | null) : undefined);
      const outcome = await measurements.republish(id, publish);
      if (outcome.kind === 'missing') throw notFound('Measurement');
      if (outcome.kind === 'status') throw statusConflict(outcome.status, 'have its results recomputed');
      const after = (await results.find(id))!;
      // Compared as values: sets stored before 20261202000000_result_units came back from jsonb with their keys sorted.
      const identical = before !== undefined && isDeepStrictEqual(before.results, after.results);
      await audit.record(request, 'results.recompute', {
        organisationId: m.organisationId,
        targetType: 'measurement',
        targetId: id,
        details: { scoringVersion: after.scoringVersion, identical },
      });
      return { computedAt: after.computedAt.toISOString(), scoringVersion: after.scoringVersion, identicalToPrevious: before === undefined ? null : identical };
    },
  };
}

export type ResultsService = ReturnType<typeof resultsService>;
