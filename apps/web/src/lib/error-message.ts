import { PASSWORD_MIN_LENGTH } from './accounts';
import { ApiError } from './api';
import type { Locale } from './i18n/locale.svelte';
import type { MessageKey } from './i18n/translate';
import { unitsWithGrants } from './organisations';

/** API error codes with a message of our own, so that the person reads it in their language. */
const messages: Record<string, MessageKey> = {
  NETWORK: 'error.network',
  INVALID_CREDENTIALS: 'error.invalidCredentials',
  UNAUTHENTICATED: 'error.unauthenticated',
  FORBIDDEN: 'error.forbidden',
  CROSS_ORIGIN: 'error.forbidden',
  CSRF_TOKEN_INVALID: 'error.csrf',
  NOT_FOUND: 'error.notFound',
  INTERNAL: 'error.internal',
  UNAVAILABLE: 'error.unavailable',
  USER_NOT_FOUND: 'error.userNotFound',
  GRANT_EXISTS: 'error.grantExists',
  UNIT_REQUIRED: 'error.unitRequired',
  UNIT_NOT_FOUND: 'error.unitNotFound',
  UNIT_NOT_ALLOWED: 'error.unitNotAllowed',
  EMAIL_TAKEN: 'error.emailTaken',
  EMAIL_INVALID: 'error.emailInvalid',
  CANNOT_DISABLE_SELF: 'error.cannotDisableSelf',
};

/**
 * What to tell the person about a failed request. Known codes get a translated message; any other code keeps the
 * API's own message, which is written for people (in English).
 */
export function errorMessage(locale: Pick<Locale, 't' | 'tn'>, error: unknown): string {
  if (!(error instanceof ApiError)) return locale.t('error.unknown');
  switch (error.code) {
    case 'RATE_LIMITED': {
      const details = error.details as { retryAfterSeconds?: unknown } | undefined;
      const seconds = error.retryAfterSeconds ?? (typeof details?.retryAfterSeconds === 'number' ? details.retryAfterSeconds : 60);
      return locale.tn('error.rateLimited', Math.max(1, Math.ceil(seconds / 60)));
    }
    case 'PASSWORD_TOO_WEAK':
      return locale.t('error.passwordTooWeak', { min: PASSWORD_MIN_LENGTH });
    case 'UNITS_HAVE_GRANTS':
      return locale.t('error.unitsHaveGrants', { codes: unitsWithGrants(error.details).join(', ') });
  }
  const key = messages[error.code];
  if (key) return locale.t(key);
  if (error.status >= 500) return locale.t('error.internal');
  return error.message || locale.t('error.unknown');
}

/** The API error's code, or null for anything else: lets a form tie an error to the field it is about. */
export const errorCode = (error: unknown): string | null => (error instanceof ApiError ? error.code : null);
