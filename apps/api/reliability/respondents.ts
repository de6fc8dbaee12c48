import { randomUUID } from 'node:crypto';
import { fullAnswers } from '../bench/support/answers';

/** What became of one attempt to send a submission. */
export type Outcome = '201' | '200' | '503' | '500' | 'other-4xx' | 'other-5xx' | 'network' | 'timeout';

export interface Attempt {
  outcome: Outcome;
  startedAt: number;
  endedAt: number;
}

/** One respondent's submission: the same id on every retry, as the web app does. */
export interface Submission {
  submissionId: string;
  token: string;
  personal: boolean;
  /** Which answers it sends (bench/support/answers.ts), the same on every retry. */
  seed: number;
  attempts: Attempt[];
  /** The receipt of the 201 or 200 that acknowledged it. */
  receipt?: string;
}

export interface LoadOptions {
  /** Where the API is, read at every attempt. */
  baseUrl: string;
  /** New submissions per second. */
  rate: number;
  seconds: number;
  /** The link of the next submission (an open link may be returned many times, a personal one once). */
  nextLink(): { token: string; personal: boolean };
  /** Give up retrying this long after the load ends. */
  graceSeconds?: number;
}

const ATTEMPT_TIMEOUT_MS = 10_000;

/** The web app's schedule (apps/web/src/survey/lib/retry.ts): Retry-After when given, else 2 s doubling to 30 s. */
const retryDelayMs = (attempt: number, retryAfterSeconds?: number) =>
  retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : Math.min(2000 * 2 ** attempt, 30_000);

const bodyOf = (s: Pick<Submission, 'submissionId' | 'seed'>) =>
  JSON.stringify({ submissionId: s.submissionId, language: 'nl', answers: fullAnswers(s.seed), demographics: {} });

function classify(status: number): Outcome {
  if (status === 201 || status === 200 || status === 503 || status === 500) return String(status) as Outcome;
  return status >= 500 ? 'other-5xx' : 'other-4xx';
}

/**
 * An open-loop load: `rate` new respondents a second whatever the server does (a slow server gets no relief), each
 * retrying like the web app, with the same submission id, after a 503, a 500, a lost connection or a timeout until
 * acknowledged or the grace period ends. A 4xx other than those is final (a bug in this test or in the API).
 */
export async function runLoad(options: LoadOptions): Promise<Submission[]> {
  const submissions: Submission[] = [];
  const giveUpAt = Date.now() + (options.seconds + (options.graceSeconds ?? 30)) * 1000;

  async function respondent(submission: Submission) {
    const payload = bodyOf(submission);
    while (Date.now() < giveUpAt) {
      const startedAt = Date.now();
      let outcome: Outcome;
      let retryAfter: number | undefined;
      try {
        const res = await fetch(`${options.baseUrl}/api/v1/survey/${submission.token}/responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: payload,
          signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
        });
        outcome = classify(res.status);
        const header = Number(res.headers.get('retry-after') ?? Number.NaN);
        if (Number.isFinite(header)) retryAfter = header;
        const json = (await res.json().catch(() => ({}))) as { receipt?: string };
        if (outcome === '201' || outcome === '200') submission.receipt = json.receipt ?? '';
      } catch (error) {
        outcome = error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network';
      }
      submission.attempts.push({ outcome, startedAt, endedAt: Date.now() });
      if (submission.receipt !== undefined || outcome === 'other-4xx') return;
      await new Promise((r) => setTimeout(r, retryDelayMs(submission.attempts.length - 1, retryAfter)));
    }
  }

  const running: Promise<void>[] = [];
  const started = Date.now();
  const total = Math.round(options.rate * options.seconds);
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / options.rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const link = options.nextLink();
    const submission: Submission = { submissionId: randomUUID(), token: link.token, personal: link.personal, seed: i, attempts: [] };
    submissions.push(submission);
    running.push(respondent(submission));
  }
  await Promise.all(running);
  return submissions;
}

/** Attempts per outcome, e.g. { '201': 2990, '503': 14 }. */
export function outcomes(submissions: Submission[], from = 0, to = Infinity): Partial<Record<Outcome, number>> {
  const counts: Partial<Record<Outcome, number>> = {};
  for (const s of submissions) {
    for (const a of s.attempts) {
      if (a.startedAt >= from && a.startedAt < to) counts[a.outcome] = (counts[a.outcome] ?? 0) + 1;
    }
  }
  return counts;
}

/**
 * Sends acknowledged submissions again, as a browser that never saw the answer would: each must be answered 200 with
 * the receipt it already had, and store nothing.
 */
export async function resend(baseUrl: string, submissions: Submission[]): Promise<{ sent: number; sameReceipt: number; statuses: number[] }> {
  const statuses: number[] = [];
  let sameReceipt = 0;
  for (const s of submissions) {
    const res = await fetch(`${baseUrl}/api/v1/survey/${s.token}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bodyOf(s),
    });
    statuses.push(res.status);
    const json = (await res.json().catch(() => ({}))) as { receipt?: string };
    if (res.status === 200 && json.receipt === s.receipt) sameReceipt += 1;
  }
  return { sent: submissions.length, sameReceipt, statuses };
}
