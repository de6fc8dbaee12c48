import { getContext, setContext } from 'svelte';

export interface RouteMatch<Name extends string = string> {
  name: Name;
  params: Record<string, string>;
}

/** Matches a path against patterns like `/s/:token`; the first pattern that fits wins. */
export function matchRoute<Name extends string>(
  routes: ReadonlyArray<{ name: Name; pattern: string }>,
  pathname: string,
): RouteMatch<Name> | null {
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  for (const route of routes) {
    const expected = route.pattern.split('/').filter(Boolean);
    if (expected.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const fits = expected.every((segment, i) => {
      const actual = parts[i] ?? '';
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = decodeURIComponent(actual);
        return true;
      }
      return segment === actual;
    });
    if (fits) return { name: route.name, params };
  }
  return null;
}

/**
 * History-API router: links stay real links (they work with a middle click and without JavaScript), and a click on
 * an internal link changes the page without reloading the app.
 */
export class Router {
  #path = $state(typeof location === 'undefined' ? '/' : location.pathname);
  #search = $state(typeof location === 'undefined' ? '' : location.search);

  get path(): string {
    return this.#path;
  }

  /** The query string, with its `?` (or empty). */
  get search(): string {
    return this.#search;
  }

  /** One query parameter of the current address, or null. */
  param(name: string): string | null {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, never kept: the getter tracks #search
    return new URLSearchParams(this.#search).get(name);
  }

  navigate(to: string, { replace = false } = {}) {
    if (replace) history.replaceState(null, '', to);
    else history.pushState(null, '', to);
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- parsed once to read the path, never kept
    const url = new URL(to, location.origin);
    this.#path = url.pathname;
    this.#search = url.search;
  }

  /** Starts listening to back/forward and to clicks on internal links. Returns a function that stops it. */
  listen(): () => void {
    const onPop = () => {
      this.#path = location.pathname;
      this.#search = location.search;
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
        return;
      const anchor = (event.target as Element | null)?.closest?.('a');
      if (!anchor || anchor.target || anchor.hasAttribute('download') || anchor.dataset.external !== undefined) return;
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- parsed once to read the target, never kept
      const url = new URL(anchor.href, location.href);
      if (url.origin !== location.origin || url.pathname.startsWith('/docs') || url.pathname.startsWith('/api/')) return;
      event.preventDefault();
      this.navigate(url.pathname + url.search + url.hash);
    };
    addEventListener('popstate', onPop);
    document.addEventListener('click', onClick);
    return () => {
      removeEventListener('popstate', onPop);
      document.removeEventListener('click', onClick);
    };
  }
}

const KEY = Symbol('router');
export const setRouter = (router: Router) => setContext(KEY, router);
export const getRouter = () => getContext<Router>(KEY);
export { KEY as routerContextKey };
