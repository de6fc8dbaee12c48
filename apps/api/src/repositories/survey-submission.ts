import type { Database } from '@socialsafety/db';
import type { Kysely } from 'kysely';
import type { RunPrepared } from './prepared';
import type { Submission, SubmitOutcome } from './survey';

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
 * $1 measurement, $2 token hash, $3 submission hash, $4 today, $5 language, $6 answers, $7 demographics, $8 personal.
 */
const submissionSql = (linkLock: 'for update' | 'for share') => `
  with m as (
    select status, opens_at, closes_at, questionnaire_version_id from measurements where id = $1 for share
  ), i as (
    select status, kind, measurement_unit_id from invitations where token_hash = $2 and measurement_id = $1 ${linkLock}
  ), earlier as (
    select submitted_on from responses where measurement_id = $1 and submission_hash = $3
  ), verdict as (
    select case
        when m.status = 'closed' or m.closes_at < $4::date then 'closed'
        when m.status = 'draft' or m.opens_at > $4::date then 'not_open'
        when i.status is null or i.status = 'revoked' then 'not_found'
        when earlier.submitted_on is not null and i.kind = 'personal' and i.status = 'issued' then 'submission_id_taken'
        when earlier.submitted_on is not null then 'retry'
        when i.status = 'used' then 'used'
        else 'store'
      end as outcome,
      m.opens_at, m.questionnaire_version_id, i.measurement_unit_id, earlier.submitted_on as earlier_on
    from m left join i on true left join earlier on true
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
  select outcome, opens_at as "opensAt", earlier_on as "earlierOn", (select submitted_on from stored) as "insertedOn"
  from verdict`;

const PERSONAL = submissionSql('for update');
const OPEN = submissionSql('for share');

interface Verdict {
  outcome: 'closed' | 'not_open' | 'not_found' | 'submission_id_taken' | 'retry' | 'used' | 'store';
  opensAt: string;
  earlierOn: string | null;
  insertedOn: string | null;
}

/** Stores a response once (see above); one round trip, two only when it raced another request. */
export async function submitResponse(
  db: Kysely<Database>,
  runPrepared: RunPrepared,
  input: Submission & { personal: boolean },
): Promise<SubmitOutcome> {
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
  switch (row.outcome) {
    case 'store': {
      if (row.insertedOn !== null) return { kind: 'created', submittedOn: row.insertedOn };
      // Another request stored this submission id a moment ago (its row is visible to a new statement).
      if (input.personal) return { kind: 'submission_id_taken' };
      return { kind: 'retry', submittedOn: (await earlierOn()) ?? input.today };
    }
    case 'used': {
      // The link was used while this statement waited for it: by this very submission, sent twice at once?
      const on = await earlierOn();
      return on === undefined ? { kind: 'used' } : { kind: 'retry', submittedOn: on };
    }
    case 'retry':
      return { kind: 'retry', submittedOn: row.earlierOn ?? input.today };
    case 'not_open':
      return { kind: 'not_open', opensAt: row.opensAt };
    case 'closed':
    case 'not_found':
    case 'submission_id_taken':
      return { kind: row.outcome };
  }
}
