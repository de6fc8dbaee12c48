import { hashSecret } from '@socialsafety/auth';
import pg from 'pg';
import { receiptOf, submissionHash } from '../src/lib/survey-secrets';
import type { Submission } from './respondents';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * What the database holds after a load, against what the respondents were told: every acknowledged submission
 * (201, or 200 for a retry) has exactly one stored response and the receipt of its submission id; nothing is stored
 * that nobody sent; each personal link that was acknowledged is used up.
 */
export async function verifyStored(databaseUrl: string, measurementId: string, submissions: Submission[]): Promise<Check[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ hash: string; n: number }>(
      'select submission_hash as hash, count(*)::int as n from responses where measurement_id = $1 group by submission_hash',
      [measurementId],
    );
    const stored = new Map(rows.map((r) => [r.hash, r.n]));
    const acknowledged = submissions.filter((s) => s.receipt !== undefined);
    const missing = acknowledged.filter((s) => (stored.get(submissionHash(s.submissionId)) ?? 0) === 0);
    const duplicated = rows.filter((r) => r.n > 1);
    const sent = new Set(submissions.map((s) => submissionHash(s.submissionId)));
    const strangers = rows.filter((r) => !sent.has(r.hash));
    const wrongReceipt = acknowledged.filter((s) => s.receipt !== receiptOf(s.submissionId));
    const unacknowledgedStored = submissions.filter((s) => s.receipt === undefined && stored.has(submissionHash(s.submissionId)));
    const personalAcked = acknowledged.filter((s) => s.personal).map((s) => hashSecret(s.token));
    const used = personalAcked.length
      ? (
          await client.query<{ n: number }>("select count(*)::int as n from invitations where status = 'used' and token_hash = any($1)", [
            personalAcked,
          ])
        ).rows[0]!.n
      : 0;
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    return [
      {
        name: 'every acknowledged submission is stored',
        ok: missing.length === 0,
        detail: `${acknowledged.length} of ${submissions.length} acknowledged, ${missing.length} of them missing`,
      },
      { name: 'no submission is stored twice', ok: duplicated.length === 0, detail: `${total} rows, ${duplicated.length} duplicated submission ids` },
      { name: 'nothing stored that was not sent', ok: strangers.length === 0, detail: `${strangers.length} unknown rows` },
      { name: 'every receipt belongs to its submission id', ok: wrongReceipt.length === 0, detail: `${wrongReceipt.length} wrong receipts` },
      {
        name: 'every acknowledged personal link is used up',
        ok: used === personalAcked.length,
        detail: `${used} of ${personalAcked.length} used; ${unacknowledgedStored.length} stored without acknowledgement (gave up)`,
      },
    ];
  } finally {
    await client.end();
  }
}
