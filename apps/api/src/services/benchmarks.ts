import type { FastifyRequest } from 'fastify';
import type { QuestionnaireDefinition } from '@socialsafety/instrument';
import { notFound, unprocessable } from '../lib/errors';
import type { QuestionnaireRepository } from '../repositories/questionnaires';
import type { ResultsRepository } from '../repositories/results';
import type { AuditService } from './audit';
import type { BenchmarkUsed } from './benchmark';
import type { ResultsPublisher } from './results-publisher';

export interface ExternalBenchmarkInput {
  source: string;
  scales: Record<string, { n: number; mean: number; sd: number }>;
}

/** Benchmarks per questionnaire version: the deployment's own (pooled at read time) and imported ones. */
export function benchmarkService(deps: { questionnaires: QuestionnaireRepository; results: ResultsRepository; publisher: ResultsPublisher; audit: AuditService }) {
  const { questionnaires, results, publisher, audit } = deps;

  async function versionOf(key: string, version: string) {
    const row = await questionnaires.findVersion(key, version);
    if (!row) throw notFound('Questionnaire version');
    return row;
  }

  return {
    async list(key: string, version: string) {
      const row = await versionOf(key, version);
      const deployment = await publisher.deploymentBenchmark(row.id, null);
      const external = await results.externalBenchmarks(row.id);
      return {
        deployment: deployment === null ? null : { organisations: deployment.organisations ?? 0, source: deployment.source, scales: deployment.scales },
        external: external.map((b) => ({ id: b.id, source: b.source, scales: b.scales as BenchmarkUsed['scales'], createdAt: b.createdAt.toISOString() })),
      };
    },

    /** Every scale named must be a mean scale of the version; all problems are reported at once. */
    async import(request: FastifyRequest, key: string, version: string, input: ExternalBenchmarkInput) {
      const row = await versionOf(key, version);
      const definition = row.definition as QuestionnaireDefinition;
      const meanScales = new Set(definition.scales.filter((s) => s.scoring === 'mean').map((s) => s.id));
      const unknown = Object.keys(input.scales).filter((id) => !meanScales.has(id));
      if (unknown.length > 0) {
        throw unprocessable('BENCHMARK_INVALID', `Not a mean scale of ${key} ${version}: ${unknown.join(', ')}. Benchmarks are per mean scale, on the 0-100 scale.`, {
          unknownScales: unknown,
        });
      }
      const id = await results.addExternalBenchmark(row.id, input.source.trim(), input.scales, request.principal?.userId ?? null);
      await audit.record(request, 'benchmark.import', { targetType: 'questionnaire_version', targetId: row.id, details: { source: input.source, scales: Object.keys(input.scales).length } });
      return { id };
    },
  };
}

export type BenchmarkService = ReturnType<typeof benchmarkService>;
