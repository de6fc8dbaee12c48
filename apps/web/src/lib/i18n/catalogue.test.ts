import { describe, expect, it } from 'vitest';
import { catalogues, languages, placeholders, translate } from './translate';

describe('message catalogues', () => {
  const keys = Object.keys(catalogues.en);

  it.each(languages)('%s has every message, none empty', (language) => {
    const catalogue = catalogues[language];
    expect(Object.keys(catalogue).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(catalogue[key as keyof typeof catalogue].trim(), key).not.toBe('');
  });

  it('uses the same placeholders in every language', () => {
    for (const key of keys) {
      const expected = placeholders(catalogues.en[key as keyof typeof catalogues.en]);
      expect(placeholders(catalogues.nl[key as keyof typeof catalogues.nl]), key).toEqual(expected);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'status.latencyValue', { ms: 3.5 })).toBe('3.5 ms');
    expect(translate('nl', 'home.anonymity.body', { k: 7 })).toContain('minstens 7 mensen');
    expect(translate('en', 'status.latencyValue')).toBe('{ms} ms');
  });
});
