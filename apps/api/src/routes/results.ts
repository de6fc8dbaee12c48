import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../plugins/access';
import { measurementParams } from './measurement-schemas';
import { behaviour, benchmarkInput, benchmarks, heatmap, heatmapMetric, overview, recomputed, trend, unitResults } from './results-schemas';
import { readErrors, security, writeErrors } from './schemas';

const lang = z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as nl or en').optional().meta({ description: 'Language of texts (default: the questionnaire’s first)' });
const unitId = z.uuid().meta({ description: 'A unit of the measurement’s frozen tree (see GET /api/v1/measurements/:id/units)' });
const scoped =
  'Only from the published set stored at close. Hidden figures are `{ "hidden": true }` and nothing else. A unit viewer ' +
  'reads units in their subtree only (403 otherwise). 409 RESULTS_NOT_AVAILABLE before the measurement closes. Audited.';

/** Results of a closed measurement: overview, heatmap, unit detail, behaviour, trend; recomputation; benchmarks. */
const results: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/measurements/:id/results',
    {
      config: { access: { action: 'results.overview', measurementFrom: 'params.id' } },
      schema: {
        tags: ['results'],
        summary: 'What was published: the units the viewer may see (with response counts), the scales, the benchmark',
        description: scoped,
        security,
        params: measurementParams,
        querystring: z.object({ lang }),
        response: { 200: overview, ...readErrors, 409: readErrors[404] },
      },
    },
    async (request) => app.results.overview(request, principalOf(request), request.params.id, request.query.lang),
  );

  app.get(
    '/api/v1/measurements/:id/results/heatmap',
    {
      config: { access: { action: 'results.read', measurementFrom: 'params.id', measurementUnitFrom: 'query.root' } },
      // The body is built field by field from the stored set (services/results-views.ts): checking thousands of cells
      // against the schema again on every request cost more than everything else together (issue 8's p95 < 50 ms).
      serializerCompiler: () => (data) => JSON.stringify(data),
      schema: {
        tags: ['results'],
        summary: 'Units under `root` (to `depth` levels) as rows, mean scales as columns',
        description:
          `${scoped} metric: mean (0-100), favourable (% of respondents on the favourable side), vsOrganisation or ` +
          'vsBenchmark (difference in points; significant = Welch t-test p < 0.05). Without `root`: the organisation.',
        security,
        params: measurementParams,
        querystring: z.object({
          root: unitId.optional(),
          depth: z.coerce.number().int().min(0, 'depth must be 0 or more').max(10, 'depth must be 10 or less').default(1),
          metric: heatmapMetric.default('mean'),
          lang,
        }),
        response: { 200: heatmap, ...readErrors, 409: readErrors[404] },
      },
    },
    async (request) => {
      const { root, depth, metric, lang: language } = request.query;
      return app.results.heatmap(request, principalOf(request), request.params.id, {
        depth,
        metric,
        ...(root !== undefined ? { root } : {}),
        ...(language !== undefined ? { lang: language } : {}),
      });
    },
  );

  app.get(
    '/api/v1/measurements/:id/results/units/:unitId',
    {
      config: { access: { action: 'results.read', measurementFrom: 'params.id', measurementUnitFrom: 'params.unitId' } },
      schema: {
        tags: ['results'],
        summary: 'One unit: every scale with its distribution, interval and the demographic cuts that passed; reliability',
        description: scoped,
        security,
        params: measurementParams.extend({ unitId }),
        querystring: z.object({ lang }),
        response: { 200: unitResults, ...readErrors, 409: readErrors[404] },
      },
    },
    async (request) => app.results.unit(request, principalOf(request), request.params.id, request.params.unitId, request.query.lang),
  );

  app.get(
    '/api/v1/measurements/:id/results/behaviour',
    {
      config: { access: { action: 'results.read', measurementFrom: 'params.id', measurementUnitFrom: 'query.root' } },
      schema: {
        tags: ['results'],
        summary: 'Unwanted behaviour: prevalence by category, source, reporting and handling for `root` and its children',
        description: `${scoped} Every prevalence is published under k_sensitive.`,
        security,
        params: measurementParams,
        querystring: z.object({ root: unitId.optional(), lang }),
        response: { 200: behaviour, ...readErrors, 409: readErrors[404] },
      },
    },
    async (request) => app.results.behaviour(request, principalOf(request), request.params.id, request.query.root, request.query.lang),
  );

  app.get(
    '/api/v1/measurements/:id/results/trend',
    {
      config: { access: { action: 'results.read', measurementFrom: 'params.id', measurementUnitFrom: 'query.unitId' } },
      schema: {
        tags: ['results'],
        summary: 'The same unit in earlier closed measurements of the organisation, scale by scale (via the trend map)',
        description: `${scoped} A unit is "the same" when it was copied from the same live unit.`,
        security,
        params: measurementParams,
        querystring: z.object({ unitId: unitId.optional(), lang }),
        response: { 200: trend, ...readErrors, 409: readErrors[404] },
      },
    },
    async (request) => app.results.trend(request, principalOf(request), request.params.id, request.query.unitId, request.query.lang),
  );

  app.post(
    '/api/v1/measurements/:id/results/recompute',
    {
      config: { access: { action: 'measurements.write', measurementFrom: 'params.id' } },
      schema: {
        tags: ['results'],
        summary: 'Compute the published set of a closed measurement again (same responses and benchmark: same figures)',
        description: 'Runs disclosure control and the auditor again; 409 for a measurement that is not closed.',
        security,
        params: measurementParams,
        response: { 200: recomputed, ...writeErrors },
      },
    },
    async (request) => app.results.recompute(request, request.params.id),
  );

  const versionParams = z.object({ key: z.string().min(1).max(100), version: z.string().min(1).max(40) });

  app.get(
    '/api/v1/questionnaires/:key/versions/:version/benchmarks',
    {
      config: { access: { action: 'questionnaires.write' } },
      schema: {
        tags: ['results'],
        summary: 'Benchmarks of a version: the deployment’s (from 5 organisations) and imported ones',
        security,
        params: versionParams,
        response: { 200: benchmarks, ...readErrors },
      },
    },
    async (request) => app.benchmarks.list(request.params.key, request.params.version),
  );

  app.post(
    '/api/v1/questionnaires/:key/versions/:version/benchmarks',
    {
      config: { access: { action: 'questionnaires.write' } },
      schema: {
        tags: ['results'],
        summary: 'Import external benchmark values (mean, sd, n per scale on 0-100) with their source',
        description: 'Used for "difference from benchmark" in measurements that close afterwards (it wins over the deployment’s own).',
        security,
        params: versionParams,
        body: benchmarkInput,
        response: { 201: z.object({ id: z.uuid() }), ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await app.benchmarks.import(request, request.params.key, request.params.version, request.body)),
  );
};

export default results;
