import { getContext, setContext } from 'svelte';
import { isLanguage, translate, translatePlural, type Language, type MessageKey, type PluralKey } from './translate';

const STORAGE_KEY = 'socialsafety.language';

/** The chosen language: remembered on this device, else taken from the browser, Dutch by default. */
function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be blocked (private mode); the browser language still works.
  }
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  for (const tag of preferred) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'nl';
}

export class Locale {
  #language = $state<Language>('nl');

  constructor(language: Language = initialLanguage()) {
    this.#language = language;
    this.#applyToDocument();
  }

  get language(): Language {
    return this.#language;
  }

  set language(value: Language) {
    this.#language = value;
    this.#applyToDocument();
    try {
      localStorage.setItem(STORAGE_KEY, value);
    } catch {
      // Not remembered across visits; the choice still applies now.
    }
  }

  t = (key: MessageKey, params?: Record<string, string | number>): string => translate(this.#language, key, params);

  /** A message about `count` things: the `.one` or `.other` form of `key`. */
  tn = (key: PluralKey, count: number, params?: Record<string, string | number>): string =>
    translatePlural(this.#language, key, count, params);

  /** A date and time from the API (ISO 8601), written the way readers of this language expect. */
  dateTime = (iso: string): string =>
    new Intl.DateTimeFormat(this.#language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(
      Date.parse(iso),
    );

  /** A calendar day from the API (YYYY-MM-DD), read as that day wherever the browser is. */
  day = (isoDay: string): string => {
    const [y, m, d] = isoDay.split('-').map(Number);
    return new Intl.DateTimeFormat(this.#language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium' }).format(
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- formatted at once, never kept
      new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1),
    );
  };

  /**
   * A number written the way readers of this language expect (decimal comma in Dutch). `signed` puts a plus before
   * positive numbers, for differences.
   */
  number = (value: number, { digits = 0, signed = false }: { digits?: number; signed?: boolean } = {}): string =>
    new Intl.NumberFormat(this.#tag(), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
    }).format(value);

  /** A percentage from 0-100 (not a fraction): "12%" in English, "12%" in Dutch too, with a decimal comma. */
  percent = (value: number, digits = 0): string =>
    new Intl.NumberFormat(this.#tag(), { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value / 100);

  #tag(): string {
    return this.#language === 'nl' ? 'nl-NL' : 'en-GB';
  }

  #applyToDocument() {
    if (typeof document !== 'undefined') document.documentElement.lang = this.#language;
  }
}

const KEY = Symbol('locale');
export const setLocale = (locale: Locale) => setContext(KEY, locale);
export const getLocale = () => getContext<Locale>(KEY);
export { KEY as localeContextKey };
