import { describe, expect, it } from 'vitest';
import { matchRoute } from './router.svelte';

const routes = [
  { name: 'home', pattern: '/' },
  { name: 'status', pattern: '/status' },
  { name: 'survey', pattern: '/s/:token' },
] as const;

describe('matchRoute', () => {
  it('matches static paths, ignoring a trailing slash', () => {
    expect(matchRoute(routes, '/')).toEqual({ name: 'home', params: {} });
    expect(matchRoute(routes, '/status/')).toEqual({ name: 'status', params: {} });
  });

  it('extracts and decodes parameters', () => {
    expect(matchRoute(routes, '/s/abc%2Dxyz')).toEqual({ name: 'survey', params: { token: 'abc-xyz' } });
  });

  it('returns null when nothing fits', () => {
    expect(matchRoute(routes, '/s')).toBeNull();
    expect(matchRoute(routes, '/status/extra')).toBeNull();
  });
});
