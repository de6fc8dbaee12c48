import { hashSecret } from '@socialsafety/auth';
import { createHash, randomBytes } from 'node:crypto';

/** 192 random bits (the issue asks for at least 128), URL-safe: the last 32 of a link's 36 characters. */
const TOKEN_BYTES = 24;
const RANDOM_LENGTH = 32;
/** Characters before the random part that tell which measurement a link is probably for (measurementHint). */
const HINT_LENGTH = 4;

/**
 * A new invitation token: the measurement's hint, then 192 random bits. Shown once to whoever makes the links; the
 * database keeps only `tokenHash(token)`.
 */
export function newSurveyToken(hint: string): string {
  return hint + randomBytes(TOKEN_BYTES).toString('base64url');
}

/**
 * Four characters derived from a measurement id, the same for all its links: a hint, not a secret and not a proof
 * (24 bits, so two measurements may share one; the statement that stores a response checks the link's measurement
 * itself). It lets the server know, before reading anything, which questionnaire a submission is probably for, also
 * when several measurements are answered at once. It tells the holder of two links only whether they are for the
 * same measurement, which the survey's title tells too; nothing about the unit or the person.
 */
export function measurementHint(measurementId: string): string {
  return createHash('sha256').update(`hint:${measurementId.toLowerCase()}`).digest('base64url').slice(0, HINT_LENGTH);
}

/** The hint at the start of a token, or undefined for a token without one (links made before hints). */
export function hintOf(token: string): string | undefined {
  return token.length === HINT_LENGTH + RANDOM_LENGTH ? token.slice(0, HINT_LENGTH) : undefined;
}

/** What the database keeps of a token: its SHA-256, hex. */
export function tokenHash(token: string): string {
  return hashSecret(token);
}

/**
 * What a response keeps of the submission id chosen by the respondent's browser: enough to recognise a retry, and
 * nothing the holder of the links could recompute. The submission id is 122 random bits that never leave the
 * respondent's browser except in the submit request, and it is never logged.
 */
export function submissionHash(submissionId: string): string {
  return hashSecret(`submission:${submissionId.toLowerCase()}`);
}

/**
 * The receipt shown to a respondent: derived from the submission id alone (so a retry gets the same one), through a
 * different hash than the stored one, so that showing a receipt to someone with the database does not point at the
 * response. 64 bits in four groups, e.g. 'A3F0-19C2-7B44-E0D1'.
 */
export function receiptOf(submissionId: string): string {
  const hex = hashSecret(`receipt:${submissionId.toLowerCase()}`).slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}
