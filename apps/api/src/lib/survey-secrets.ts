import { hashSecret } from '@socialsafety/auth';
import { randomBytes } from 'node:crypto';

/** 192 random bits (the issue asks for at least 128), URL-safe: 32 characters in a link. */
const TOKEN_BYTES = 24;

/** A new invitation token. Shown once to whoever makes the links; the database keeps only `tokenHash(token)`. */
export function newSurveyToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
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
