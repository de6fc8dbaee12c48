import type { Database } from '@socialsafety/db';
import type { QuestionnaireDefinition } from '@socialsafety/instrument';
import { auditPublishedResults, computeMeasurementResults, SCORING_VERSION, type PublishedResults } from '@socialsafety/scoring';
import type { FastifyBaseLogger } from 'fastify';
import type { Transaction } from 'kysely';
import { AppError } from '../lib/errors';
import type { MeasurementRepository, MeasurementRow } from '../repositories/measurements';
import type { ResultsRepository } from '../repositories/results';
import { poolDeploymentBenchmark, type BenchmarkUsed } from './benchmark';

export type Publish = (trx: Transaction<Database>) => Promise<void>;

/**
 * Computes the ONE published result set of a measurement and stores it, or fails loudly. The auditor (a separate
 * implementation that attacks the set as an outsider would) runs on every set before it is stored; a set it finds a
 * leak in is never stored, and the close it belongs to is undone (disclosure-control.md rule 5).
 */
export function resultsPublisher(deps: {
  measurements: MeasurementRepository;
  results: ResultsRepository;
  log: FastifyBaseLogger;
  now: () => Date;
  /** The computation; only a test of the auditor's veto passes another (one that publishes what it should not). */
  compute?: typeof computeMeasurementResults;
}) {
  const { measurements, results, log, now, compute = computeMeasurementResults } = deps;

  /** Other organisations' latest published organisation-level figures with this version, pooled (5 at least). */
  async function deploymentBenchmark(questionnaireVersionId: string, exceptOrganisationId: string | null): Promise<BenchmarkUsed | null> {
    const sets = await results.latestResultsPerOtherOrganisation(questionnaireVersionId, exceptOrganisationId);
    return poolDeploymentBenchmark(sets as PublishedResults[]);
  }

  /** An imported benchmark for the version wins (someone chose it); otherwise the deployment's. */
  async function benchmarkFor(m: MeasurementRow): Promise<BenchmarkUsed | null> {
    const external = await results.latestExternalBenchmark(m.questionnaireVersionId);
    if (external) return { kind: 'external', source: external.source, scales: external.scales as BenchmarkUsed['scales'] };
    return deploymentBenchmark(m.questionnaireVersionId, m.organisationId);
  }

  /**
   * Everything that can be read before the closing transaction starts is read here (the embedded database has one
   * connection: nothing may wait for a second one inside the transaction). The returned function runs inside it.
   */
  async function prepare(m: MeasurementRow, benchmark?: BenchmarkUsed | null): Promise<Publish> {
    const units = (await measurements.units(m.id)).map((u) => ({ id: u.id, parentId: u.parentId }));
    const used = benchmark === undefined ? await benchmarkFor(m) : benchmark;
    return async (trx) => {
      const responses = await results.responses(trx, m.id);
      const published = compute({
        definition: m.definition as QuestionnaireDefinition,
        units,
        responses,
        k: m.k,
        kSensitive: m.kSensitive,
        demographicIds: m.demographics,
        ...(used ? { benchmark: used.scales } : {}),
      });
      const audit = auditPublishedResults(published);
      if (!audit.ok) {
        // Never the figures or the groups in the log: the count and the families are enough to reproduce it.
        log.error({ measurementId: m.id, leaks: audit.leaks.length, families: [...new Set(audit.leaks.map((l) => l.family))] }, 'results audit found a leak');
        throw new AppError(
          500,
          'RESULTS_AUDIT_FAILED',
          'The independent check of the results found a figure that would reveal a group smaller than the anonymity threshold. Nothing was published and the measurement was not closed; the incident is logged for the operators.',
        );
      }
      await results.store(
        trx,
        m.id,
        {
          scoringVersion: SCORING_VERSION,
          results: published,
          benchmark: used,
          audit: { ok: true, families: audit.families, cells: audit.cells, complete: audit.complete, responses: responses.length },
        },
        now(),
      );
    };
  }

  return { prepare, benchmarkFor, deploymentBenchmark };
}

export type ResultsPublisher = ReturnType<typeof resultsPublisher>;
