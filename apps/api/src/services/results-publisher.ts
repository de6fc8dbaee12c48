import type { Database } from '@socialsafety/db';
import type { QuestionnaireDefinition } from '@socialsafety/instrument';
import {
  answerOrder,
  auditPublishedResults,
  type computeMeasurementResults,
  computeMeasurementResultsFrom,
  SCORING_VERSION,
  type PublishedResults,
  type StreamedMeasurementInput,
} from '@socialsafety/scoring';
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
  /**
   * A replacement computation; only a test of the auditor's veto passes one (that publishes what it should not). It
   * gets the responses as an array: fine for a test's few, never used for a real close.
   */
  compute?: typeof computeMeasurementResults;
}) {
  const { measurements, results, log, now } = deps;
  const replaced = deps.compute;
  const compute: (input: StreamedMeasurementInput) => Promise<PublishedResults> = replaced
    ? async ({ pages, ...settings }) => {
        const responses = [];
        for await (const page of pages) responses.push(...page);
        return replaced({ ...settings, responses });
      }
    : computeMeasurementResultsFrom;

  /** Other organisations' latest published organisation-level figures with this version, pooled (5 at least). */
  async function deploymentBenchmark(questionnaireVersionId: string, exceptOrganisationId: string | null): Promise<BenchmarkUsed | null> {
    const roots = await results.latestRootResultsPerOtherOrganisation(questionnaireVersionId, exceptOrganisationId);
    return poolDeploymentBenchmark(roots as Pick<PublishedResults, 'rootUnitId' | 'units'>[]);
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
      const definition = m.definition as QuestionnaireDefinition;
      const reading = timedPages(results.responsePages(trx, m.id, answerOrder(definition)));
      const started = performance.now();
      const published = await compute({
        definition,
        units,
        pages: reading.pages,
        k: m.k,
        kSensitive: m.kSensitive,
        demographicIds: m.demographics,
        ...(used ? { benchmark: used.scales } : {}),
      });
      const computed = performance.now();
      const audit = auditPublishedResults(published);
      const audited = performance.now();
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
          audit: { ok: true, families: audit.families, cells: audit.cells, complete: audit.complete, responses: reading.responses },
        },
        now(),
      );
      const ms = (t: number) => Math.round(t);
      // Where a close's time goes, for operators of large measurements: waiting for pages of responses, scoring and
      // suppressing (net of that wait), the independent audit, storing the set. Informational only: a stand-in logger
      // without `info` (the veto test's) must not turn a published set into a failed close.
      log.info?.(
        {
          measurementId: m.id,
          responses: reading.responses,
          readMs: ms(reading.waitedMs),
          computeMs: ms(computed - started - reading.waitedMs),
          auditMs: ms(audited - computed),
          storeMs: ms(performance.now() - audited),
        },
        'results published',
      );
    };
  }

  return { prepare, benchmarkFor, deploymentBenchmark };
}

export type ResultsPublisher = ReturnType<typeof resultsPublisher>;

/** Pages passed through unchanged, counting the responses and the time spent waiting for each page. */
function timedPages<T>(source: AsyncIterable<readonly T[]>) {
  let responses = 0;
  let waitedMs = 0;
  async function* pages() {
    const iterator = source[Symbol.asyncIterator]();
    try {
      for (;;) {
        const asked = performance.now();
        const next = await iterator.next();
        waitedMs += performance.now() - asked;
        if (next.done) return;
        responses += next.value.length;
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  return {
    pages: pages(),
    get responses() {
      return responses;
    },
    get waitedMs() {
      return waitedMs;
    },
  };
}
