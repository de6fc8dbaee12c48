import type { Database, InvitationKind } from '@socialsafety/db';
import type { Kysely } from 'kysely';
import type { RunPrepared } from './prepared';
import type { Submission, SubmitOutcome } from './survey';

/**
 * What becomes of one submission, from its measurement (m), its link (i) and the day of an earlier response with its
 * submission hash (earlierOn), on the given day; the same rule for one submission and for a batch.
 */
const verdictOf = (today: string, earlierOn: string) => `case
        when m.status = 'closed' or m.closes_at < ${today} then 'closed'
        when m.status = 'draft' or m.opens_at > ${today} then 'not_open'
        when i.status is null or i.status = 'revoked' then 'not_found'
        when ${earlierOn} is not null and i.kind = 'personal' and i.status = 'issued' then 'submission_id_taken'
        when ${earlierOn} is not null then 'retry'
        when i.status = 'used' then 'used'
        else 'store'
      end`;

/**
 * Everything a submission does, as ONE statement (atomic on its own, so no BEGIN/COMMIT round trips):
 * - the measurement is share-locked (closing takes it FOR UPDATE), so no response is written after the close that
 *   reshuffles them, and it must take answers today;
 * - the link is locked FOR UPDATE when personal, so that of simultaneous submissions with one link exactly one is
 *   stored; an open link is only share-locked (many people submit with it at once; revoking waits for them);
 * - an earlier response with the same submission hash makes it a retry (or, for an unused personal link, a submission
 *   id taken by another link); the unique (measurement, submission hash) keeps a retry from being stored twice;
 * - a personal link is used up and its draft deleted together with the insert.
 * A row locked after waiting is read at its newest version, so a link used or a measurement closed meanwhile is seen
 * as such. Nothing written here names the link in the response, or the response in the link.
 * Every lookup is by a whole unique key (link by token hash, earlier response by measurement and submission hash), so
 * that the one plan PostgreSQL keeps for a prepared statement reads one row whatever the tables held when it was made
 * (see prepared.ts): a plan made while `responses` was nearly empty once read every response of the measurement.
 * $1 measurement, $2 token hash, $3 submission hash, $4 today, $5 language, $6 answers, $7 demographics, $8 personal.
 */
const submissionSql = (linkLock: 'for update' | 'for share') => `
  with m as (
    select status, opens_at, closes_at, questionnaire_version_id from measurements where id = $1 for share
  ), i as (
    select status, kind, measurement_id, measurement_unit_id from invitations where token_hash = $2 ${linkLock}
  ), earlier as (
    select submitted_on from responses where measurement_id = $1 and submission_hash = $3
  ), verdict as (
    select ${verdictOf('$4::date', 'earlier.submitted_on')} as outcome,
      m.opens_at, m.questionnaire_version_id, i.measurement_unit_id, i.kind as link_kind, earlier.submitted_on as earlier_on
    from m left join i on i.measurement_id = $1 left join earlier on true
  ), stored as (
    insert into responses (measurement_id, measurement_unit_id, questionnaire_version_id, language, answers, demographics,
                           submission_hash, submitted_on)
    select $1, measurement_unit_id, questionnaire_version_id, $5, $6::jsonb, $7::jsonb, $3, $4::date
    from verdict where outcome = 'store'
    on conflict on constraint responses_submission_key do nothing
    returning submitted_on
  ), used as (
    update invitations set status = 'used', used_on = $4::date
    where token_hash = $2 and kind = 'personal' and exists (select 1 from stored)
  ), cleared as (
    delete from drafts where token_hash = $2 and $8::boolean and exists (select 1 from stored)
  )
  select outcome, opens_at as "opensAt", earlier_on as "earlierOn", (select submitted_on from stored) as "insertedOn",
    link_kind as "linkKind"
  from verdict`;

const PERSONAL = submissionSql('for update');
const OPEN = submissionSql('for share');

/**
 * The same for several submissions to one measurement, sent at once (see submitResponses): one statement, one
 * transaction, one round trip. Each row is decided exactly as above, on its own link and submission hash; a batch
 * never holds one submission hash twice, nor one personal link twice (the batcher keeps those apart), so every row
 * is decided independently of the others. Links are locked, and rows inserted, in hash order, so that two batches
 * running at once wait for each other in one direction only and cannot deadlock. Each earlier response is looked up
 * on its own by the whole unique key, once per submission (`given` is materialised): asked for all hashes at once,
 * PostgreSQL's plan could read every response of the measurement and keep only the few asked for.
 * $1 measurement, $2 token hashes, $3 submission hashes, $4 days, $5 languages, $6 answers, $7 demographics,
 * $8 personal; arrays in the batch's order, which the result keeps (column n, from 1). Answers and demographics go
 * as one JSON array each (jsonArray), not as text[]: a text array escapes every quote of every answer set on the
 * way out and unescapes it on the way in, which cost the API more than the rest of the statement's parameters.
 */
const batchSql = (linkLock: 'for update' | 'for share') => `
  with given as materialized (
    select g.*,
      (select r.submitted_on from responses r where r.measurement_id = $1 and r.submission_hash = g.submission_hash) as earlier_on
    from rows from (unnest($2::text[]), unnest($3::text[]), unnest($4::date[]), unnest($5::text[]),
                    jsonb_array_elements($6::jsonb), jsonb_array_elements($7::jsonb)) with ordinality
      as g(token_hash, submission_hash, today, language, answers, demographics, n)
  ), m as (
    select status, opens_at, closes_at, questionnaire_version_id from measurements where id = $1 for share
  ), i as (
    select token_hash, status, kind, measurement_id, measurement_unit_id from invitations
    where token_hash = any($2::text[]) order by token_hash ${linkLock}
  ), verdict as (
    select g.n, g.token_hash, g.submission_hash, g.today, g.language, g.answers, g.demographics,
      ${verdictOf('g.today', 'g.earlier_on')} as outcome,
      m.opens_at, m.questionnaire_version_id, i.measurement_unit_id, i.kind as link_kind, g.earlier_on
    from given g cross join m left join i on i.token_hash = g.token_hash and i.measurement_id = $1
  ), stored as (
    insert into responses (measurement_id, measurement_unit_id, questionnaire_version_id, language, answers, demographics,
                           submission_hash, submitted_on)
    select $1, measurement_unit_id, questionnaire_version_id, language, answers, demographics,
           submission_hash, today
    from verdict where outcome = 'store' order by submission_hash
    on conflict on constraint responses_submission_key do nothing
    returning submission_hash, submitted_on
  ), used as (
    update invitations set status = 'used', used_on = v.today
    from verdict v join stored s on s.submission_hash = v.submission_hash
    where invitations.token_hash = v.token_hash and invitations.kind = 'personal'
  ), cleared as (
    delete from drafts where $8::boolean
      and token_hash in (select v.token_hash from verdict v join stored s on s.submission_hash = v.submission_hash)
  )
  select v.n::int as n, v.outcome, v.opens_at as "opensAt", v.earlier_on as "earlierOn", s.submitted_on as "insertedOn",
    v.link_kind as "linkKind"
  from verdict v left join stored s on s.submission_hash = v.submission_hash
  order by v.n`;

const PERSONAL_BATCH = batchSql('for update');
const OPEN_BATCH = batchSql('for share');

export interface Verdict {
  outcome: 'closed' | 'not_open' | 'not_found' | 'submission_id_taken' | 'retry' | 'used' | 'store';
  opensAt: string;
  earlierOn: string | null;
  insertedOn: string | null;
  /** The kind of the link found in the measurement (null: none). */
  linkKind: InvitationKind | null;
}

export type SubmissionInput = Submission & { personal: boolean };

/** Stores a response once (see above); one round trip, two only when it raced another request. */
export async function submitResponse(db: Kysely<Database>, runPrepared: RunPrepared, input: SubmissionInput): Promise<SubmitOutcome> {
  const values = [
    input.measurementId,
    input.tokenHash,
    input.submissionHash,
    input.today,
    input.language,
    JSON.stringify(input.answers),
    JSON.stringify(input.demographics),
    input.personal,
  ];
  const [row] = input.personal
    ? await runPrepared<Verdict>('survey.submit.personal', PERSONAL, values)
    : await runPrepared<Verdict>('survey.submit.open', OPEN, values);
  return outcomeOf(db, input, row);
}

/** One JSON array of a value per input, in the inputs' order. */
const jsonArray = (inputs: readonly SubmissionInput[], value: (input: SubmissionInput) => unknown): string =>
  JSON.stringify(inputs.map(value));

/**
 * Several submissions to one measurement, all open or all personal, no submission hash (nor personal link) twice:
 * one statement for all (see batchSql). Verdicts in the inputs' order (undefined: the measurement is gone); what
 * each means for its submitter is `outcomeOf`, apart, so that a failed follow-up read never looks like a failed batch.
 */
export async function storeResponses(runPrepared: RunPrepared, inputs: readonly SubmissionInput[]): Promise<(Verdict | undefined)[]> {
  const first = inputs[0];
  if (first === undefined) return [];
  const personal = first.personal;
  if (inputs.some((input) => input.measurementId !== first.measurementId || input.personal !== personal)) {
    throw new Error('a batch of submissions must be of one measurement and one kind of link');
  }
  const values = [
    first.measurementId,
    inputs.map((input) => input.tokenHash),
    inputs.map((input) => input.submissionHash),
    inputs.map((input) => input.today),
    inputs.map((input) => input.language),
    jsonArray(inputs, (input) => input.answers),
    jsonArray(inputs, (input) => input.demographics),
    personal,
  ];
  const rows = personal
    ? await runPrepared<Verdict & { n: number }>('survey.submit.personal.batch', PERSONAL_BATCH, values)
    : await runPrepared<Verdict & { n: number }>('survey.submit.open.batch', OPEN_BATCH, values);
  const byIndex = new Map(rows.map((row) => [row.n - 1, row]));
  return inputs.map((_, i) => byIndex.get(i));
}

/** storeResponses, with what each verdict means. */
export async function submitResponses(
  db: Kysely<Database>,
  runPrepared: RunPrepared,
  inputs: readonly SubmissionInput[],
): Promise<SubmitOutcome[]> {
  const verdicts = await storeResponses(runPrepared, inputs);
  return Promise.all(inputs.map((input, i) => outcomeOf(db, input, verdicts[i])));
}

/** What a verdict means for the person submitting; reads again only when the statement raced another request. */
export async function outcomeOf(db: Kysely<Database>, input: SubmissionInput, row: Verdict | undefined): Promise<SubmitOutcome> {
  // No row: the measurement is gone (the statement's verdict starts from it).
  if (!row) return { kind: 'not_found' };

  const earlierOn = async (): Promise<string | undefined> => {
    const found = await db
      .selectFrom('responses')
      .select('submitted_on as submittedOn')
      .where('measurement_id', '=', input.measurementId)
      .where('submission_hash', '=', input.submissionHash)
      .executeTakeFirst();
    return found?.submittedOn;
  };
  // A link that stored or recognised a response is in the measurement, so the statement found its kind.
  const linkKind = row.linkKind ?? (input.personal ? 'personal' : 'open');
  switch (row.outcome) {
    case 'store': {
      if (row.insertedOn !== null) return { kind: 'created', submittedOn: row.insertedOn, linkKind };
      // Another request stored this submission id a moment ago (its row is visible to a new statement).
      if (input.personal) return { kind: 'submission_id_taken' };
      return { kind: 'retry', submittedOn: (await earlierOn()) ?? input.today, linkKind };
    }
    case 'used': {
      // The link was used while this statement waited for it: by this very submission, sent twice at once?
      const on = await earlierOn();
      return on === undefined ? { kind: 'used' } : { kind: 'retry', submittedOn: on, linkKind };
    }
    case 'retry':
      return { kind: 'retry', submittedOn: row.earlierOn ?? input.today, linkKind };
    case 'not_open':
      return { kind: 'not_open', opensAt: row.opensAt };
    case 'closed':
    case 'not_found':
    case 'submission_id_taken':
      return { kind: row.outcome };
  }
}
