import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { apiError, stubFetch, type Answer } from './testing/fetch-stub';

const me = (isPlatformAdmin: boolean) => ({
  status: 200,
  body: {
    user: { id: 'u1', email: 'ann@example.org', isPlatformAdmin, createdAt: '', disabledAt: null },
    grants: [],
    authenticatedVia: 'session',
    csrfToken: 'csrf-1',
    sessionExpiresAt: null,
  },
});

/** The API as the shell sees it: who is signed in, and empty lists. */
function api(signedIn: Answer) {
  return stubFetch((method, path) => {
    if (path === '/api/v1/me') return signedIn;
    if (path === '/api/v1/auth/logout') return { status: 204 };
    if (path === '/api/v1/organisations') return { status: 200, body: { organisations: [] } };
    return apiError(404, 'NOT_FOUND');
  });
}

describe('App shell', () => {
  beforeEach(() => {
    localStorage.clear();
    history.replaceState(null, '', '/');
    api(apiError(401, 'UNAUTHENTICATED'));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('has the landmarks a screen reader user navigates by', () => {
    render(App);
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('contentinfo')).toBeTruthy();
  });

  it('switches between Dutch and English and remembers the choice', async () => {
    const user = userEvent.setup();
    localStorage.setItem('socialsafety.language', 'nl');
    render(App);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sociale veiligheid op het werk');
    expect(document.documentElement.lang).toBe('nl');

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Social safety at work');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('socialsafety.language')).toBe('en');
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('navigates with internal links without reloading, marks the current page and names it in the title', async () => {
    const user = userEvent.setup();
    localStorage.setItem('socialsafety.language', 'en');
    render(App);
    const nav = screen.getByRole('navigation', { name: 'Service' });
    await user.click(within(nav).getByRole('link', { name: 'System status' }));
    expect(location.pathname).toBe('/status');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('System status');
    expect(within(nav).getByRole('link', { name: 'System status' }).getAttribute('aria-current')).toBe('page');
    expect(document.title).toBe('System status · socialsafety');
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('shows a not-found page for unknown paths', () => {
    localStorage.setItem('socialsafety.language', 'en');
    history.replaceState(null, '', '/no/such/page');
    render(App);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Page not found');
  });

  it('sends a signed-out person from a page that needs a session to sign in, remembering the page', async () => {
    localStorage.setItem('socialsafety.language', 'en');
    history.replaceState(null, '', '/organisations');
    render(App);
    await vi.waitFor(() => expect(location.pathname + location.search).toBe('/login?next=%2Forganisations'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in');
    const banner = screen.getByRole('banner');
    expect(within(banner).getByRole('link', { name: 'Sign in' }).getAttribute('aria-current')).toBe('page');
    expect(within(banner).queryByRole('link', { name: 'Organisations' })).toBeNull();
  });

  it("shows the signed-in person's email with Sign out, and the users page only to platform administrators", async () => {
    const user = userEvent.setup();
    localStorage.setItem('socialsafety.language', 'nl');
    api(me(true));
    render(App);
    const banner = screen.getByRole('banner');
    await within(banner).findByRole('button', { name: 'Uitloggen' });
    const account = within(banner).getByRole('group', { name: 'Account' });
    expect(account.textContent).toContain('Ingelogd als ann@example.org');
    expect(within(banner).getByRole('link', { name: 'Gebruikers' })).toBeTruthy();

    await user.click(within(banner).getByRole('link', { name: 'Organisaties' }));
    expect(await screen.findByText('Er zijn nog geen organisaties. Voeg hieronder de eerste toe.')).toBeTruthy();

    await user.click(within(account).getByRole('button', { name: 'Uitloggen' }));
    await vi.waitFor(() => expect(within(banner).getByRole('link', { name: 'Inloggen' })).toBeTruthy());
    expect(location.pathname + location.search).toBe('/login');
    expect(within(banner).queryByRole('link', { name: 'Gebruikers' })).toBeNull();
  });

  it('hides the users link from people who are not platform administrators', async () => {
    localStorage.setItem('socialsafety.language', 'en');
    api(me(false));
    render(App);
    await within(screen.getByRole('banner')).findByRole('button', { name: 'Sign out' });
    expect(within(screen.getByRole('banner')).queryByRole('link', { name: 'Users' })).toBeNull();
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'Organisations' })).toBeTruthy();
  });
});
