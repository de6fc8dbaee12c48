import { SurveyRequestError } from './http';

/** Why the survey cannot be shown (or can no longer be answered) with this link, in the person's terms. */
export type LinkProblem =
  | { kind: 'notFound' }
  | { kind: 'used' }
  | { kind: 'notOpen'; date: string | undefined }
  | { kind: 'closed'; date: string | undefined }
  | { kind: 'unreachable' }
  | { kind: 'rateLimited'; seconds: number }
  | { kind: 'unexpected'; message: string };

const day = (value: unknown): string | undefined => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

/** The link's own problems: it is unknown, used, not open yet or closed. Anything else is null. */
export function linkProblemOf(error: unknown): LinkProblem | null {
  if (!(error instanceof SurveyRequestError)) return null;
  switch (error.code) {
    case 'INVITATION_NOT_FOUND':
      return { kind: 'notFound' };
    case 'INVITATION_USED':
      return { kind: 'used' };
    case 'MEASUREMENT_NOT_OPEN':
      return { kind: 'notOpen', date: day(error.details?.opensAt) };
    case 'MEASUREMENT_CLOSED':
      return { kind: 'closed', date: day(error.details?.closesAt) };
    default:
      return null;
  }
}

/** What to show when the survey could not be loaded at all. */
export function loadProblemOf(error: unknown): LinkProblem {
  const problem = linkProblemOf(error);
  if (problem) return problem;
  if (error instanceof SurveyRequestError) {
    if (error.status === 0 || error.status >= 500) return { kind: 'unreachable' };
    if (error.status === 429) return { kind: 'rateLimited', seconds: error.retryAfterSeconds ?? 60 };
    // A token that is not even the shape of one (too long, say) is as unknown as any other.
    if (error.status === 400 && error.code === 'VALIDATION_FAILED') return { kind: 'notFound' };
    return { kind: 'unexpected', message: error.message };
  }
  return { kind: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}
