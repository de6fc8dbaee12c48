import type { Database } from '@socialsafety/db';
import type { ListedMeasurementResponse } from '@socialsafety/scoring';
import { sql, type Kysely, type Transaction } from 'kysely';

/** Rows read per round trip when loading responses: bounded so one query never carries a whole measurement. */
const PAGE = 5_000;
/** Unit rows per INSERT when storing a set: four parameters each, far below PostgreSQL's 65,535. */
const UNITS_PER_INSERT = 500;

export interface StoredResults {
  measurementId: string;
  scoringVersion: string;
  /** PublishedResults as stored. */
  results: unknown;
  benchmark: unknown;
  audit: unknown;
  computedAt: Date;
}

export interface ResultsRecord {
  scoringVersion: string;
  results: unknown;
  benchmark: unknown;
  audit: unknown;
}

export interface ClosedResultsRow {
  measurementId: string;
  organisationId: string;
  title: string;
  opensAt: string;
  closesAt: string;
  closedAt: Date | null;
  definition: unknown;
}

/** The organisation-level unit of another organisation's latest set: `units` holds it, or nothing if missing. */
export interface RootResult {
  rootUnitId: string;
  units: unknown[];
}

interface ResponseRow {
  id: string;
  unitId: string;
  answers: unknown;
  demographics: unknown;
}

type AnswerValue = ListedMeasurementResponse['answerList'][number];

/** The answers object as a list in `answerIds` order; own keys only, so an item id never meets Object.prototype. */
function answerListOf(answers: unknown, answerIds: readonly string[]): ListedMeasurementResponse['answerList'] {
  const object = (answers ?? {}) as Record<string, AnswerValue>;
  return answerIds.map((id) => (Object.hasOwn(object, id) ? (object[id] ?? null) : null));
}

/** All SQL about published result sets and the benchmarks they are compared with. */
export function resultsRepository(db: Kysely<Database>) {
  return {
    /**
     * Every response of a measurement as scoring reads it, in pages in id order (keyset pagination), inside the
     * closing transaction so that the set is exactly the one that was closed. A page is handed out only after the
     * next one has been asked for, so that the database reads it while the caller scores this one; at most these two
     * pages are held, whatever the size of the measurement. Answers are handed out as lists in `answerIds` order
     * (null: not answered), the form scoring reads fastest. The lists are built here from the stored objects: building
     * them in SQL (jsonb_each joined to the item ids, jsonb_agg) cost about 200 us a row in PostgreSQL, three times the
     * driver's parsing plus this lookup (100,000 responses: 19.7 s against 5.5-6.1 s; see docs/performance.md).
     */
    async *responsePages(
      trx: Transaction<Database>,
      measurementId: string,
      answerIds: readonly string[],
      pageSize = PAGE,
    ): AsyncGenerator<ListedMeasurementResponse[]> {
      const page = (after: string | null): Promise<ResponseRow[]> =>
        trx
          .selectFrom('responses')
          .select(['id', 'measurement_unit_id as unitId', 'answers', 'demographics'])
          .where('measurement_id', '=', measurementId)
          .$if(after !== null, (q) => q.where('id', '>', after!))
          .orderBy('id')
          .limit(pageSize)
          .execute();
      let next: ReturnType<typeof page> | null = page(null);
      try {
        while (next !== null) {
          const rows: ResponseRow[] = await next;
          next = rows.length === pageSize ? page(rows[rows.length - 1]!.id) : null;
          // Awaited in the next round or in `finally`; until then a failure must not count as unhandled.
          next?.catch(() => undefined);
          if (rows.length > 0) yield rows.map((row) => ({
            unitId: row.unitId,
            answerList: answerListOf(row.answers, answerIds),
            demographics: row.demographics as ListedMeasurementResponse['demographics'],
          }));
        }
      } finally {
        // A caller that stops early (a response of an unknown unit) must not leave a query running into the rollback.
        if (next !== null) await next.catch(() => undefined);
      }
    },

    /**
     * Stores (or replaces, on recomputation) the published set of a measurement: its head in measurement_results and
     * each unit as a row of measurement_result_units, in the caller's transaction.
     */
    async store(trx: Transaction<Database> | Kysely<Database>, measurementId: string, record: ResultsRecord, at: Date): Promise<void> {
      const { units, ...head } = record.results as { units: readonly { unitId: string }[] };
      const values = {
        scoring_version: record.scoringVersion,
        results: JSON.stringify(head),
        benchmark: record.benchmark === null ? null : JSON.stringify(record.benchmark),
        audit: JSON.stringify(record.audit),
        computed_at: at,
      };
      await trx
        .insertInto('measurement_results')
        .values({ measurement_id: measurementId, ...values })
        .onConflict((oc) => oc.column('measurement_id').doUpdateSet(values))
        .execute();
      await trx.deleteFrom('measurement_result_units').where('measurement_id', '=', measurementId).execute();
      for (let from = 0; from < units.length; from += UNITS_PER_INSERT) {
        const rows = units.slice(from, from + UNITS_PER_INSERT).map((unit, i) => ({
          measurement_id: measurementId,
          unit_id: unit.unitId,
          position: from + i,
          result: JSON.stringify(unit),
        }));
        await trx.insertInto('measurement_result_units').values(rows).execute();
      }
    },

    /** When the stored set was computed (cheap: the set itself is not read). */
    async computedAt(measurementId: string): Promise<Date | undefined> {
      const row = await db.selectFrom('measurement_results').select('computed_at').where('measurement_id', '=', measurementId).executeTakeFirst();
      return row?.computed_at;
    },

    /** The whole published set, head and units read in one statement (so one snapshot, even during a recompute). */
    async find(measurementId: string): Promise<StoredResults | undefined> {
      const row = await db
        .selectFrom('measurement_results as r')
        .select([
          'r.measurement_id as measurementId',
          'r.scoring_version as scoringVersion',
          'r.results',
          'r.benchmark',
          'r.audit',
          'r.computed_at as computedAt',
          sql<unknown[] | null>`(select json_agg(u.result order by u.position) from measurement_result_units u where u.measurement_id = r.measurement_id)`.as('units'),
        ])
        .where('r.measurement_id', '=', measurementId)
        .executeTakeFirst();
      if (!row) return undefined;
      const { units, results, ...rest } = row;
      return { ...rest, results: { ...(results as object), units: units ?? [] } };
    },

    /** One unit of a published set (a trend reads one unit of every earlier measurement). */
    async unitResult(measurementId: string, unitId: string): Promise<unknown> {
      const row = await db
        .selectFrom('measurement_result_units')
        .select('result')
        .where('measurement_id', '=', measurementId)
        .where('unit_id', '=', unitId)
        .executeTakeFirst();
      return row?.result;
    },

    /** Closed measurements of an organisation that have results, oldest first (for trends). */
    async closedOfOrganisation(organisationId: string): Promise<ClosedResultsRow[]> {
      return db
        .selectFrom('measurements as m')
        .innerJoin('measurement_results as r', 'r.measurement_id', 'm.id')
        .innerJoin('questionnaire_versions as v', 'v.id', 'm.questionnaire_version_id')
        .select([
          'm.id as measurementId',
          'm.organisation_id as organisationId',
          'm.title',
          'm.opens_at as opensAt',
          'm.closes_at as closesAt',
          'm.closed_at as closedAt',
          'v.definition',
        ])
        .where('m.organisation_id', '=', organisationId)
        .where('m.status', '=', 'closed')
        .orderBy('m.closes_at')
        .orderBy('m.closed_at')
        .execute();
    },

    /**
     * For the deployment benchmark: the latest closed measurement with results of each OTHER organisation with this
     * questionnaire version, as its organisation-level unit (the root of its set; only that unit is read).
     */
    async latestRootResultsPerOtherOrganisation(questionnaireVersionId: string, exceptOrganisationId: string | null): Promise<RootResult[]> {
      const rows = await db
        .selectFrom('measurements as m')
        .innerJoin('measurement_results as r', 'r.measurement_id', 'm.id')
        .leftJoin('measurement_result_units as u', (join) =>
          join.onRef('u.measurement_id', '=', 'r.measurement_id').on(sql<boolean>`u.unit_id = (r.results ->> 'rootUnitId')::uuid`),
        )
        .select(['m.organisation_id as organisationId', sql<string>`r.results ->> 'rootUnitId'`.as('rootUnitId'), 'u.result'])
        .distinctOn('m.organisation_id')
        .where('m.questionnaire_version_id', '=', questionnaireVersionId)
        .where('m.status', '=', 'closed')
        .$if(exceptOrganisationId !== null, (q) => q.where('m.organisation_id', '<>', exceptOrganisationId!))
        .orderBy('m.organisation_id')
        .orderBy('m.closes_at', 'desc')
        .orderBy('m.closed_at', 'desc')
        .execute();
      return rows.map((r) => ({ rootUnitId: r.rootUnitId, units: r.result === null ? [] : [r.result] }));
    },

    async latestExternalBenchmark(questionnaireVersionId: string) {
      return db
        .selectFrom('external_benchmarks')
        .select(['id', 'source', 'scales', 'created_at as createdAt'])
        .where('questionnaire_version_id', '=', questionnaireVersionId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
    },

    async externalBenchmarks(questionnaireVersionId: string) {
      return db
        .selectFrom('external_benchmarks')
        .select(['id', 'source', 'scales', 'created_at as createdAt'])
        .where('questionnaire_version_id', '=', questionnaireVersionId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
    },

    async addExternalBenchmark(questionnaireVersionId: string, source: string, scales: unknown, createdBy: string | null): Promise<string> {
      const row = await db
        .insertInto('external_benchmarks')
        .values({ questionnaire_version_id: questionnaireVersionId, source, scales: JSON.stringify(scales), created_by: createdBy })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
  };
}

export type ResultsRepository = ReturnType<typeof resultsRepository>;
