import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A new random secret (256 bits, base64url) with a readable prefix, e.g. `sst_…` for API tokens, so that a leaked
 * token is recognisable in logs and by secret scanners.
 */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * SHA-256 (hex) of a secret: what the database keeps. A fast hash is right here, unlike for passwords: the secret
 * has 256 random bits, so nothing can be guessed from its hash.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time equality of two strings of any length (compares their SHA-256 digests). */
export function safeEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db);
}

/** Emails are compared trimmed and in lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A short fingerprint of an email for the audit log of failed sign-ins: repeated failures for one address can be
 * grouped, and a suspected address checked, without the log storing the address (which may be a typo of a password).
 */
export function emailFingerprint(email: string): string {
  return hashSecret(`email:${normaliseEmail(email)}`).slice(0, 16);
}
