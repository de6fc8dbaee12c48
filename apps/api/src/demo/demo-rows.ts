import type { Database } from '@socialsafety/db';
import { sql, type Kysely } from 'kysely';
import { freezeUnits } from '../repositories/measurements';

/** A response as the survey stores it: no token, no invitation, no person, a date and no time of day. */
export interface StoredResponse {
  measurementUnitId: string;
  language: string;
  answers: unknown;
  demographics: unknown;
  submissionHash: string;
  submittedOn: string;
}

/**
 * The few writes the demo makes beside the services: responses in bulk (the survey service takes one at a time, with a
 * token each), invitations marked used as if those responses had come through them, and the dates of a measurement
 * that ran a year ago (the lifecycle only opens measurements whose closing day is still ahead).
 */
export function demoRows(db: Kysely<Database>) {
  return {
    /** Whether the database holds any organisation: a database that does is never offered the demo. */
    async hasOrganisations(): Promise<boolean> {
      const row = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
      return row !== undefined;
    },

    /** The measurement's frozen units by code. */
    async unitIds(measurementId: string): Promise<Map<string, string>> {
      const rows = await db.selectFrom('measurement_units').select(['id', 'code']).where('measurement_id', '=', measurementId).execute();
      return new Map(rows.map((r) => [r.code, r.id]));
    },

    /** Writes the columns the survey's submit writes (apps/api/src/repositories/survey.ts), many rows per statement. */
    async insertResponses(measurementId: string, questionnaireVersionId: string, responses: readonly StoredResponse[]): Promise<void> {
      if (responses.length === 0) return;
      await db
        .insertInto('responses')
        .values(
          responses.map((r) => ({
            measurement_id: measurementId,
            measurement_unit_id: r.measurementUnitId,
            questionnaire_version_id: questionnaireVersionId,
            language: r.language,
            answers: JSON.stringify(r.answers),
            demographics: JSON.stringify(r.demographics),
            submission_hash: r.submissionHash,
            submitted_on: r.submittedOn,
          })),
        )
        .execute();
    },

    /** Marks `count` of a unit's personal links used on the given days, as the survey does on each submit. */
    async useInvitations(measurementId: string, unitId: string, usedOn: readonly string[]): Promise<void> {
      if (usedOn.length === 0) return;
      await sql`
        with chosen as (
          select id, row_number() over (order by id) as n from invitations
          where measurement_id = ${measurementId} and measurement_unit_id = ${unitId} and kind = 'personal' and status = 'issued'
          order by id
          limit ${usedOn.length}
        )
        update invitations i set status = 'used', used_on = (${[...usedOn]}::date[])[chosen.n]
        from chosen where i.id = chosen.id`.execute(db);
    },

    /**
     * Opens a draft measurement as if that had happened on `opensAt`: dates, links and the frozen unit tree dated
     * back, in one transaction. The database's own guard (measurements_guard) allows it because the measurement is
     * still a draft when its dates change; once open, they are locked like any other's.
     */
    async openInThePast(input: { measurementId: string; organisationId: string; opensAt: string; closesAt: string; openedAt: Date }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await freezeUnits(trx, input.measurementId, input.organisationId);
        await trx.updateTable('invitations').set({ created_on: input.opensAt }).where('measurement_id', '=', input.measurementId).execute();
        const opened = await trx
          .updateTable('measurements')
          .set({ opens_at: input.opensAt, closes_at: input.closesAt, status: 'open', opened_at: input.openedAt })
          .where('id', '=', input.measurementId)
          .where('status', '=', 'draft')
          .executeTakeFirst();
        if (opened.numUpdatedRows !== 1n) throw new Error('the demo measurement of a year ago was no longer a draft');
      });
    },
  };
}

export type DemoRows = ReturnType<typeof demoRows>;
