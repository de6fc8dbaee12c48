import type { AnswerValue } from '@socialsafety/instrument';

/**
 * The error for an answer that checkAnswers() would have refused (a code the item does not have, text where a code
 * belongs). Scoring trusts checked answers; such a value is a bug upstream, and scoring stops rather than let it
 * skew a score (the same policy as categoryDistribution in ../stats).
 */
export function invalidAnswer(itemId: string, value: AnswerValue, expected: string): Error {
  return new Error(`cannot score item '${itemId}': answer ${JSON.stringify(value)} is not ${expected}`);
}

export function invalidDemographic(demographicId: string, value: number): Error {
  return new Error(`cannot score demographic '${demographicId}': ${value} is not one of its option codes`);
}
