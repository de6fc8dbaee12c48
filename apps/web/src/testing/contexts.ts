import { Locale, localeContextKey } from '../lib/i18n/locale.svelte';
import type { Language } from '../lib/i18n/translate';
import { Router, routerContextKey } from '../lib/router.svelte';
import { Session, sessionContextKey } from '../lib/session.svelte';

/**
 * What App.svelte puts in context, for rendering one component or page on its own:
 * `render(Login, { context: app.context })`.
 */
export function appContext({ language = 'en' as Language, session = new Session(), router = new Router() } = {}) {
  const locale = new Locale(language);
  const context = new Map<unknown, unknown>([
    [localeContextKey, locale],
    [routerContextKey, router],
    [sessionContextKey, session],
  ]);
  return { locale, router, session, context };
}
