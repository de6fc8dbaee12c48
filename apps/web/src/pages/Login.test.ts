import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appContext } from '../testing/contexts';
import { apiError, stubFetch, type Answer } from '../testing/fetch-stub';
import Login from './Login.svelte';

const me = {
  user: { id: 'u1', email: 'ann@example.org', isPlatformAdmin: false, createdAt: '', disabledAt: null },
  grants: [],
  authenticatedVia: 'session',
  csrfToken: 'csrf-1',
  sessionExpiresAt: null,
};

function setup(login: Answer, language: 'en' | 'nl' = 'en') {
  stubFetch((method) => (method === 'POST' ? login : { status: 200, body: me }));
  const app = appContext({ language });
  render(Login, { context: app.context });
  return { user: userEvent.setup(), app };
}

async function fill(user: ReturnType<typeof userEvent.setup>, email: string, password: string, labels = ['Email address', 'Password']) {
  await user.type(screen.getByLabelText(labels[0]!), email);
  await user.type(screen.getByLabelText(labels[1]!), password);
}

describe('Login', () => {
  beforeEach(() => history.replaceState(null, '', '/login?next=%2Forganisations%2Fabc%2Fgrants'));
  afterEach(() => vi.unstubAllGlobals());

  it('marks empty fields and moves focus to the first', async () => {
    const { user } = setup({ status: 200, body: {} });
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const email = screen.getByLabelText('Email address');
    const password = screen.getByLabelText('Password');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(email.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Enter your email address.');
    expect(document.getElementById(password.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Enter your password.');
    expect(document.activeElement).toBe(email);
  });

  it('gives one generic message for a wrong email or password, tied to both fields', async () => {
    const { user } = setup(apiError(401, 'INVALID_CREDENTIALS', 'The email address or password is not correct.'));
    await fill(user, 'ann@example.org', 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent?.trim()).toBe('The email address or password is not correct.');
    for (const field of [screen.getByLabelText('Email address'), screen.getByLabelText('Password')]) {
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(field.getAttribute('aria-describedby')).toBe(alert.id);
    }
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
  });

  it('names the wait when there were too many failures, in Dutch', async () => {
    const { user } = setup({ ...apiError(429, 'RATE_LIMITED', 'Too many', { retryAfterSeconds: 61 }), headers: { 'retry-after': '61' } }, 'nl');
    await fill(user, 'ann@example.org', 'whatever', ['E-mailadres', 'Wachtwoord']);
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(screen.getByRole('alert').textContent?.trim()).toBe('Te veel mislukte inlogpogingen. Probeer het over 2 minuten opnieuw.');
  });

  it('goes on to where the person was going after signing in', async () => {
    const { user, app } = setup({ status: 200, body: { user: me.user, csrfToken: 'csrf-1', expiresAt: '' } });
    await fill(user, 'ann@example.org', 'a long password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(location.pathname).toBe('/organisations/abc/grants'));
    expect(app.session.status).toBe('signedIn');
    expect(app.router.path).toBe('/organisations/abc/grants');
  });
});
