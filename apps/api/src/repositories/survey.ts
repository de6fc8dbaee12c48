import type { Database } from '@socialsafety/db';
import { sql, type Kysely, type Transaction } from 'kysely';

export interface DraftRow {
  language: string;
  answers: unknown;
  demographics: unknown;
  updatedAt: Date;
}

export interface Submission {
  tokenHash: string;
  measurementId: string;
  language: string;
  answers: unknown;
  demographics: unknown;
  submissionHash: string;
  today: string;
}

export type SubmitOutcome =
  | { kind: 'created'; submittedOn: string }
  /** The same submission again: answered like the first time. */
  | { kind: 'retry'; submittedOn: string }
  | { kind: 'not_found' }
  | { kind: 'used' }
  /** A personal link that is still unused, sent with the submission id of another response. */
  | { kind: 'submission_id_taken' }
  | { kind: 'closed' }
  | { kind: 'not_open'; opensAt: string };

type MeasurementGate = { kind: 'closed' } | { kind: 'not_open'; opensAt: string } | { kind: 'open'; versionId: string };

/**
 * Locks the measurement row FOR SHARE (closing takes it FOR UPDATE) and says whether it takes answers today:
 * a response or a draft is then never written after the close that deletes drafts and reshuffles responses.
 */
async function gate(trx: Transaction<Database>, measurementId: string, today: string): Promise<MeasurementGate> {
  const m = await trx
    .selectFrom('measurements')
    .select(['status', 'opens_at as opensAt', 'closes_at as closesAt', 'questionnaire_version_id as versionId'])
    .where('id', '=', measurementId)
    .forShare()
    .executeTakeFirstOrThrow();
  if (m.status === 'closed' || m.closesAt < today) return { kind: 'closed' };
  if (m.status === 'draft' || m.opensAt > today) return { kind: 'not_open', opensAt: m.opensAt };
  return { kind: 'open', versionId: m.versionId };
}

/** All SQL of taking part: drafts and responses. */
export function surveyRepository(db: Kysely<Database>) {
  return {
    async findDraft(tokenHash: string): Promise<DraftRow | undefined> {
      return db
        .selectFrom('drafts')
        .select(['language', 'answers', 'demographics', 'updated_at as updatedAt'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
    },

    /**
     * Saves progress of a personal link that is still unused, with the link locked: a draft can never be written
     * after the submit that deleted it. Returns what stopped it, or the time it was saved.
     */
    async saveDraft(
      input: Omit<Submission, 'submissionHash'> & { at: Date },
    ): Promise<{ kind: 'saved'; updatedAt: Date } | Exclude<SubmitOutcome, { kind: 'created' | 'retry' | 'submission_id_taken' }>> {
      return db.transaction().execute(async (trx) => {
        const state = await gate(trx, input.measurementId, input.today);
        if (state.kind !== 'open') return state;
        const invitation = await trx
          .selectFrom('invitations')
          .select(['status', 'kind'])
          .where('token_hash', '=', input.tokenHash)
          .forUpdate()
          .executeTakeFirst();
        if (!invitation || invitation.status === 'revoked') return { kind: 'not_found' };
        if (invitation.status === 'used') return { kind: 'used' };
        const values = {
          language: input.language,
          answers: JSON.stringify(input.answers),
          demographics: JSON.stringify(input.demographics),
          updated_at: input.at,
        };
        await trx
          .insertInto('drafts')
          .values({ token_hash: input.tokenHash, measurement_id: input.measurementId, ...values })
          .onConflict((oc) => oc.column('token_hash').doUpdateSet(values))
          .execute();
        return { kind: 'saved', updatedAt: input.at };
      });
    },

    /**
     * Stores a response and uses up a personal link in ONE transaction, with the link's row locked (FOR UPDATE), so
     * that of simultaneous submissions with one link exactly one is stored. An open link is only share-locked (many
     * people submit with it at once; revoking waits for them), and the unique (measurement, submission hash) keeps a
     * retry from being stored twice.
     * Nothing written here names the link in the response, or the response in the link.
     */
    async submit(input: Submission): Promise<SubmitOutcome> {
      return db.transaction().execute(async (trx) => {
        const state = await gate(trx, input.measurementId, input.today);
        if (state.kind !== 'open') return state;
        // The kind never changes, so it decides the lock before the row is locked.
        const found = await trx.selectFrom('invitations').select('kind').where('token_hash', '=', input.tokenHash).executeTakeFirst();
        if (!found) return { kind: 'not_found' };
        const invitation = await trx
          .selectFrom('invitations')
          .select(['status', 'kind', 'measurement_unit_id as unitId'])
          .where('token_hash', '=', input.tokenHash)
          .$call((q) => (found.kind === 'personal' ? q.forUpdate() : q.forShare()))
          .executeTakeFirstOrThrow();
        if (invitation.status === 'revoked') return { kind: 'not_found' };
        const personal = invitation.kind === 'personal';

        const earlier = () =>
          trx
            .selectFrom('responses')
            .select('submitted_on as submittedOn')
            .where('measurement_id', '=', input.measurementId)
            .where('submission_hash', '=', input.submissionHash)
            .executeTakeFirst();
        const before = await earlier();
        if (before && personal && invitation.status === 'issued') return { kind: 'submission_id_taken' };
        if (before) return { kind: 'retry', submittedOn: before.submittedOn };
        if (invitation.status === 'used') return { kind: 'used' };

        const inserted = await trx
          .insertInto('responses')
          .values({
            measurement_id: input.measurementId,
            measurement_unit_id: invitation.unitId,
            questionnaire_version_id: state.versionId,
            language: input.language,
            answers: JSON.stringify(input.answers),
            demographics: JSON.stringify(input.demographics),
            submission_hash: input.submissionHash,
            submitted_on: input.today,
          })
          .onConflict((oc) => oc.constraint('responses_submission_key').doNothing())
          .returning('submitted_on as submittedOn')
          .executeTakeFirst();
        if (!inserted) {
          // Another link stored this submission id a moment ago (READ COMMITTED: its row is visible now).
          if (personal) return { kind: 'submission_id_taken' };
          return { kind: 'retry', submittedOn: (await earlier())?.submittedOn ?? input.today };
        }
        if (personal) {
          await trx
            .updateTable('invitations')
            .set({ status: 'used', used_on: input.today })
            .where('token_hash', '=', input.tokenHash)
            .execute();
          await trx.deleteFrom('drafts').where('token_hash', '=', input.tokenHash).execute();
        }
        return { kind: 'created', submittedOn: inserted.submittedOn };
      });
    },

    /** Responses per unit of the frozen tree (the unit's own, not its subtree's). */
    async countsByUnit(measurementId: string): Promise<Record<string, number>> {
      const rows = await db
        .selectFrom('responses')
        .select(['measurement_unit_id as unitId', sql<number>`count(*)::int`.as('n')])
        .where('measurement_id', '=', measurementId)
        .groupBy('measurement_unit_id')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.unitId, r.n]));
    },
  };
}

export type SurveyRepository = ReturnType<typeof surveyRepository>;
