import type { Database } from '@socialsafety/db';
import { sql, type Kysely } from 'kysely';

/** Rows per round trip when reading responses for an export: a few hundred KB of text. */
const PAGE = 500;

export interface ExportUnitRow {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}

/**
 * One response as the export reads it: nothing that could link it to a token, a person or a moment. The answers come
 * as one line of text, their values in the order of the item ids asked for, separated by ANSWER_SEPARATOR (empty
 * for no answer): a tenth of the answers' JSON. The export reads every response twice, and rows arriving from the
 * database mostly outlive a young-generation collection (bench/export-memory.ts): less text per row is less memory.
 */
export interface ExportResponseRow {
  unitId: string;
  questionnaireVersionId: string;
  language: string;
  answers: string;
  demographics: string;
}

/** Between two answer values: a control character that no code, list of codes or JSON object contains. */
export const ANSWER_SEPARATOR = '\u001f';

/** All SQL of the research export. */
export function exportRepository(db: Kysely<Database>) {
  return {
    async units(measurementId: string): Promise<ExportUnitRow[]> {
      return db
        .selectFrom('measurement_units')
        .select(['id', 'code', 'name', 'parent_id as parentId'])
        .where('measurement_id', '=', measurementId)
        .orderBy('code')
        .execute();
    },

    /**
     * Every response of a measurement, page by page in id order (keyset pagination), so that only one page is held
     * at a time. Response ids are random (gen_random_uuid), so id order says nothing about the order of submission;
     * the id itself is never handed out.
     */
    async *pages(measurementId: string, itemIds: readonly string[], pageSize = PAGE): AsyncGenerator<ExportResponseRow[]> {
      // jsonb_to_record reads each answers object once (->> per item would decompress it once per item), and only the
      // items asked for leave the database: free text, which is never exported, is not even read.
      const columns = sql.join(itemIds.map((id) => sql`${sql.id(id)} text`));
      const values = itemIds.length === 0 ? sql`''` : sql`array_to_string(array[${sql.join(itemIds.map((id) => sql`x.${sql.id(id)}`))}], ${ANSWER_SEPARATOR}, '')`;
      const record = itemIds.length === 0 ? sql`` : sql`cross join lateral jsonb_to_record(r.answers) as x(${columns})`;
      let after: string | null = null;
      for (;;) {
        // The page's ids first, then their answers: extracting them before the sort would do it for every response
        // of the measurement on every page.
        const { rows } = await sql<ExportResponseRow & { id: string }>`
          with page as (
            select id from responses
            where measurement_id = ${measurementId} ${after === null ? sql`` : sql`and id > ${after}`}
            order by id limit ${pageSize}
          )
          select r.id, r.measurement_unit_id as "unitId", r.questionnaire_version_id as "questionnaireVersionId", r.language,
                 ${values} as answers, r.demographics::text as demographics
          from responses r join page on page.id = r.id ${record}
          order by r.id`.execute(db);
        if (rows.length > 0) {
          after = rows[rows.length - 1]!.id;
          yield rows.map(({ id: _id, ...row }) => row);
        }
        if (rows.length < pageSize) return;
      }
    },
  };
}

export type ExportRepository = ReturnType<typeof exportRepository>;
