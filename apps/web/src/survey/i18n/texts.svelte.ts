import { getContext, setContext } from 'svelte';
import { translate, translatePlural, uiLanguageFor, type MessageKey, type Params, type PluralKey, type UiLanguage } from './translate';

/** The survey's own texts in the language the person chose; the questionnaire's texts come from the API. */
export class SurveyTexts {
  language = $state<UiLanguage>('nl');

  constructor(language: string) {
    this.language = uiLanguageFor(language);
  }

  t = (key: MessageKey, params?: Params): string => translate(this.language, key, params);

  tn = (key: PluralKey, count: number, params?: Params): string => translatePlural(this.language, key, count, params);

  /** A calendar day from the API (YYYY-MM-DD), read as that day wherever the browser is. */
  day = (isoDay: string): string => {
    const [y, m, d] = isoDay.split('-').map(Number);
    return new Intl.DateTimeFormat(this.language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' }).format(
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- formatted at once, never kept
      new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1),
    );
  };
}

const KEY = Symbol('survey-texts');
export const setTexts = (texts: SurveyTexts): SurveyTexts => setContext(KEY, texts);
export const getTexts = (): SurveyTexts => getContext<SurveyTexts>(KEY);
export { KEY as textsContextKey };
