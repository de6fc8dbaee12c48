import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import App from './App.svelte';

describe('App shell', () => {
  beforeEach(() => {
    localStorage.clear();
    history.replaceState(null, '', '/');
  });

  it('has the landmarks a screen reader user navigates by', () => {
    render(App);
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation')).toBeTruthy();
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

  it('navigates with internal links without reloading and marks the current page', async () => {
    const user = userEvent.setup();
    localStorage.setItem('socialsafety.language', 'en');
    render(App);
    const nav = screen.getByRole('navigation');
    await user.click(within(nav).getByRole('link', { name: 'System status' }));
    expect(location.pathname).toBe('/status');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('System status');
    expect(within(nav).getByRole('link', { name: 'System status' }).getAttribute('aria-current')).toBe('page');
  });

  it('shows a not-found page for unknown paths', () => {
    localStorage.setItem('socialsafety.language', 'en');
    history.replaceState(null, '', '/no/such/page');
    render(App);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Page not found');
  });
});
