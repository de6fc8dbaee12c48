import type { Database, InvitationKind, InvitationStatus, MeasurementStatus } from '@socialsafety/db';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { RunPrepared } from './prepared';
import { Batcher } from '../lib/batcher';
import { DatabaseBusy, isDatabaseUnavailable } from '../lib/database-errors';
import { outcomeOf, storeResponses, submitResponse, type SubmissionInput, type Verdict } from './survey-submission';

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
  /** linkKind: the kind of link it was stored with, as the statement found it. */
  | { kind: 'created'; submittedOn: string; linkKind: InvitationKind }
  /** The same submission again: answered like the first time. */
  | { kind: 'retry'; submittedOn: string; linkKind: InvitationKind }
  | { kind: 'not_found' }
  | { kind: 'used' }
  /** A personal link that is still unused, sent with the submission id of another response. */
  | { kind: 'submission_id_taken' }
  | { kind: 'closed' }
  | { kind: 'not_open'; opensAt: string };

/** A survey link with what its holder may see of its measurement. */
export interface Admission {
  kind: InvitationKind;
  status: InvitationStatus;
  unitName: string;
  measurementId: string;
  questionnaireVersionId: string;
  title: string;
  languages: string[];
  demographics: string[];
  k: number;
  measurementStatus: MeasurementStatus;
  opensAt: string;
  closesAt: string;
}

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

type Settled = { ok: true; outcome: SubmitOutcome } | { ok: false; error: unknown };
const settle = (outcome: Promise<SubmitOutcome>): Promise<Settled> =>
  outcome.then((value) => ({ ok: true as const, outcome: value }), (error: unknown) => ({ ok: false as const, error }));

/**
 * Submissions to one measurement that arrive while its earlier ones are being stored go together, as one statement:
 * under load the database sees a few statements a moment instead of one per person (docs/performance.md). A batch
 * never holds one submission id twice, nor one personal link twice: those go in a later batch, where the row of the
 * first (or the lock it holds, when lanes run at once) decides them as if they had come one after the other.
 * A batch statement writes all or nothing. When it fails because the database cannot be reached or did not answer in
 * time, every submission in it gets that error (a 503 to retry). Otherwise (a value PostgreSQL refused, a deadlock
 * it broke) each submission goes again on its own, one after the other, so that only the bad one fails.
 */
function submissionBatcher(db: Kysely<Database>, runPrepared: RunPrepared, options: SubmitOptions) {
  const alone = async (inputs: readonly SubmissionInput[]): Promise<Settled[]> => {
    const settled: Settled[] = [];
    for (const input of inputs) settled.push(await settle(submitResponse(db, runPrepared, input)));
    return settled;
  };
  return new Batcher<SubmissionInput, Settled>({
    group: (input) => `${input.personal ? 'personal' : 'open'} ${input.measurementId}`,
    keys: (input) => (input.personal ? [input.submissionHash, input.tokenHash] : [input.submissionHash]),
    lanes: options.submitLanes,
    maxItems: 100,
    // A submission waits its turn no longer than a request waits for a pool connection; then a 503 to retry.
    maxWaitMs: options.submitWaitMs,
    expired: () => new DatabaseBusy(options.submitWaitMs),
    run: async (inputs) => {
      if (inputs.length === 1) return alone(inputs);
      let verdicts: (Verdict | undefined)[];
      try {
        verdicts = await storeResponses(runPrepared, inputs);
      } catch (error) {
        if (isDatabaseUnavailable(error)) return inputs.map(() => ({ ok: false as const, error }));
        return alone(inputs);
      }
      return Promise.all(inputs.map((input, i) => settle(outcomeOf(db, input, verdicts[i]))));
    },
  });
}

/** All SQL of taking part: drafts and responses. */
/** Submission statements of one measurement at once, and how long a submission may wait for its turn. */
export interface SubmitOptions {
  submitLanes: number;
  submitWaitMs: number;
}

export function surveyRepository(db: Kysely<Database>, runPrepared: RunPrepared, options: SubmitOptions) {
  const submissions = submissionBatcher(db, runPrepared, options);
  let admissionReads = 0;
  // Compiled once: a prepared statement's text must not change, and compiling is work every request would repeat.
  const admissionSql = db
    .selectFrom('invitations as i')
    .innerJoin('measurement_units as u', 'u.id', 'i.measurement_unit_id')
    .innerJoin('measurements as m', 'm.id', 'i.measurement_id')
    .select([
      'i.kind',
      'i.status',
      'u.name as unitName',
      'm.id as measurementId',
      'm.questionnaire_version_id as questionnaireVersionId',
      'm.title',
      'm.languages',
      'm.demographics',
      'm.k',
      'm.status as measurementStatus',
      'm.opens_at as opensAt',
      'm.closes_at as closesAt',
    ])
    .where('i.token_hash', '=', '')
    .compile().sql;

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
     * The link, its unit and its measurement in one read: what every survey request needs before anything else
     * (the questionnaire itself comes from the version cache, it is never selected here).
     */
    async admission(tokenHash: string): Promise<Admission | undefined> {
      admissionReads += 1;
      const [row] = await runPrepared<Admission>('survey.admission', admissionSql, [tokenHash]);
      return row;
    },

    /** See survey-submission.ts; submissions arriving together are stored together (submissionBatcher). */
    async submit(input: SubmissionInput): Promise<SubmitOutcome> {
      const settled = await submissions.submit(input);
      if (!settled.ok) throw settled.error;
      return settled.outcome;
    },

    /** Submission statements sent so far, and submissions in them. */
    submissionBatches: () => submissions.sizes,

    /** Links read so far (admission): what the open-link cache and the guessed measurement save (tests, benchmarks). */
    admissionReads: () => admissionReads,

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
