import { localise, socialSafety_1_0_0 } from '@socialsafety/instrument';
import { SurveyTexts, textsContextKey } from '../i18n/texts.svelte';
import type { SurveyData } from './survey-api';

/** What the API answers for a link to a measurement of the built-in questionnaire (for component and unit tests). */
export function surveyData(overrides: Partial<SurveyData> = {}, language = 'en'): SurveyData {
  return {
    measurement: { title: 'Social safety 2026', opensAt: '2026-12-01', closesAt: '2026-12-31', k: 5, languages: ['nl', 'en'] },
    unit: { name: 'Care team' },
    kind: 'personal',
    draftsAvailable: true,
    language,
    questionnaire: localise(socialSafety_1_0_0, language),
    draft: null,
    anonymity: { language, title: 'Your answers are anonymous', points: ['Only groups of at least 5 people are shown.'] },
    ...overrides,
  };
}

/** The context SurveyApp provides, for rendering one survey component on its own. */
export function surveyContext(language: 'nl' | 'en' = 'en'): Map<unknown, unknown> {
  return new Map<unknown, unknown>([[textsContextKey, new SurveyTexts(language)]]);
}

export const builtinItem = (id: string) => {
  const item = localise(socialSafety_1_0_0, 'en').sections.flatMap((section) => section.items).find((i) => i.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
};
