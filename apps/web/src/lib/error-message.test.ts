import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { errorMessage } from './error-message';
import { Locale } from './i18n/locale.svelte';

const en = new Locale('en');
const nl = new Locale('nl');

describe('errorMessage', () => {
  it('translates the codes it knows', () => {
    expect(errorMessage(nl, new ApiError(401, 'INVALID_CREDENTIALS', 'The email address or password is not correct.'))).toBe(
      'Het e-mailadres of het wachtwoord klopt niet.',
    );
    expect(errorMessage(en, new ApiError(0, 'NETWORK', 'fetch failed'))).toContain('could not be reached');
    expect(errorMessage(nl, new ApiError(422, 'PASSWORD_TOO_WEAK', 'The password must be at least 12 characters'))).toBe(
      'Het wachtwoord moet minstens 12 tekens hebben.',
    );
  });

  it('rounds a sign-in wait up to whole minutes, from the header or the details', () => {
    expect(errorMessage(en, new ApiError(429, 'RATE_LIMITED', '', undefined, 60))).toBe('Too many failed sign-ins. Try again in 1 minute.');
    expect(errorMessage(en, new ApiError(429, 'RATE_LIMITED', '', { retryAfterSeconds: 899 }))).toBe(
      'Too many failed sign-ins. Try again in 15 minutes.',
    );
  });

  it("keeps the API's own message for codes it does not know, and hides the details of server errors", () => {
    expect(errorMessage(nl, new ApiError(409, 'MEASUREMENT_OPEN', 'The measurement is open.'))).toBe('The measurement is open.');
    expect(errorMessage(en, new ApiError(500, 'SOMETHING', 'stack trace?'))).toBe(
      'Something went wrong on our side. It has been logged; try again later.',
    );
    expect(errorMessage(en, new TypeError('x'))).toBe('Something went wrong. Try again.');
  });
});
