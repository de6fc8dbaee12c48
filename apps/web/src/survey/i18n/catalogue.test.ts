import { describe, expect, it } from 'vitest';
import { catalogues, placeholders, translate, translatePlural, uiLanguageFor, uiLanguages } from './translate';

describe('survey message catalogues', () => {
  const keys = Object.keys(catalogues.en);

  it.each(uiLanguages)('%s has every message, none empty', (language) => {
    const catalogue = catalogues[language];
    expect(Object.keys(catalogue).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(catalogue[key as keyof typeof catalogue].trim(), key).not.toBe('');
  });

  it('uses the same placeholders in every language', () => {
    for (const key of keys) {
      expect(placeholders(catalogues.nl[key as keyof typeof catalogues.nl]), key).toEqual(placeholders(catalogues.en[key as keyof typeof catalogues.en]));
    }
  });

  it('fills placeholders, picks singular or plural, and falls back to English for other languages', () => {
    expect(translate('nl', 'footer.anonymity', { k: 7 })).toContain('minstens 7 mensen');
    expect(translatePlural('en', 'question.followUps', 1)).toBe('A follow-up question was added below.');
    expect(translatePlural('en', 'question.followUps', 3)).toBe('3 follow-up questions were added below.');
    expect(uiLanguageFor('de')).toBe('en');
    expect(uiLanguageFor('nl')).toBe('nl');
  });
});
