import { describe, expect, it } from 'vitest';
import { estimateMinutes } from '../completion-time';
import { findItem, itemsInOrder, scaleItems } from '../definition-index';
import { contentHash } from '../hash';
import { BEHAVIOUR_CATEGORIES, DOMAINS, isChoiceItem, questionnaireSchema, type Item } from '../schema';
import { validateQuestionnaire } from '../validate';
import { socialSafety_1_0_0 as definition } from './social-safety-1.0.0';

/** Every localised text in the definition, with where it sits. */
function texts(value: unknown, path = ''): { path: string; text: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((child, i) => texts(child, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (typeof record.nl === 'string' || typeof record.en === 'string') return [{ path, text: record }];
  return Object.entries(record).flatMap(([key, child]) => texts(child, path === '' ? key : `${path}.${key}`));
}

const items = itemsInOrder(definition);
const itemById = (id: string): Item => {
  const item = findItem(definition, id);
  if (item === undefined) throw new Error(`no item '${id}'`);
  return item;
};

describe('social-safety 1.0.0', () => {
  it('passes validation', () => {
    const result = validateQuestionnaire(definition);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('is written in parsed form, so storing it unparsed or parsed gives the same content hash', () => {
    expect(questionnaireSchema.parse(definition)).toEqual(definition);
  });

  // A published version never changes: results and trends refer to it by this hash. Any edit (a comma in a
  // translation too) fails here on purpose; make it a new version (1.0.1, 1.1.0, ...) with a trend map instead.
  // The value was checked independently with Python's hashlib over the canonical JSON.
  it('keeps its published content hash', () => {
    expect(contentHash(definition)).toBe('7c5b79d9e43be083ddab430274a259b42f928aa19e1adc792bbb29ff97c20871');
  });

  it('has at least one scale in every mission domain', () => {
    const covered = new Set(definition.scales.map((scale) => scale.domain));
    expect(DOMAINS.filter((domain) => !covered.has(domain))).toEqual([]);
  });

  it('has 3 to 8 items in every scale', () => {
    const outside = definition.scales.filter((scale) => scale.itemIds.length < 3 || scale.itemIds.length > 8);
    expect(outside.map((scale) => `${scale.id}: ${scale.itemIds.length}`)).toEqual([]);
  });

  it('measures team psychological safety with 7 items, 3 of them reverse-keyed', () => {
    const scale = definition.scales.find((s) => s.id === 'psychological_safety');
    expect(scale?.domain).toBe('psychological-safety');
    const scaleItemList = scale ? scaleItems(definition, scale) : [];
    expect(scaleItemList).toHaveLength(7);
    expect(scaleItemList.filter((item) => item.reverse)).toHaveLength(3);
  });

  it('has both scales of professional attitude: feedback, and respect and equal treatment', () => {
    const ids = definition.scales.filter((s) => s.domain === 'feedback-attitude').map((s) => s.id);
    expect(ids).toEqual(['feedback', 'respect']);
  });

  it('has every text in Dutch and in English', () => {
    const incomplete = texts(definition).filter(
      ({ text }) => typeof text.nl !== 'string' || typeof text.en !== 'string' || text.nl.trim() === '' || text.en.trim() === '',
    );
    expect(incomplete.map(({ path }) => path)).toEqual([]);
    expect(texts(definition).length).toBeGreaterThan(300);
  });

  it('has no Dutch text left in English (identical only for numbers and "Man")', () => {
    const identical = texts(definition)
      .filter(({ text }) => text.nl === text.en)
      .map(({ text }) => String(text.nl))
      .filter((text) => !/^\d+$/.test(text) && text !== 'Man');
    expect(identical).toEqual([]);
  });

  it('addresses respondents with "je", never "u"', () => {
    const formal = texts(definition)
      .map(({ path, text }) => ({ path, nl: String(text.nl) }))
      .filter(({ nl }) => /\b(u|uw|Uw)\b/.test(nl));
    expect(formal).toEqual([]);
  });

  it('keeps every sentence of every question at 25 words or fewer (plain language)', () => {
    const long = items.flatMap((item) =>
      (['nl', 'en'] as const).flatMap((language) =>
        (item.text[language] ?? '')
          .split(/(?<=[.?!:])\s+/)
          .filter((sentence) => sentence.split(/\s+/).length > 25)
          .map((sentence) => `${item.id} (${language}): ${sentence}`),
      ),
    );
    expect(long).toEqual([]);
  });

  it('asks about general unwanted behaviour and the six categories, experienced and witnessed', () => {
    for (const mode of ['experienced', 'witnessed'] as const) {
      const categories = items.flatMap((item) =>
        item.type === 'frequency' && item.behaviour?.mode === mode ? [item.behaviour.category] : [],
      );
      expect(categories).toEqual([...BEHAVIOUR_CATEGORIES]);
    }
  });

  it('uses the 12-month frequency scale never / once / a few times / monthly / weekly or more for behaviour', () => {
    const behaviour = items.filter((item) => item.type === 'frequency' && item.behaviour !== undefined);
    expect(new Set(behaviour.map((item) => (item.type === 'frequency' ? item.responseScaleId : '')))).toEqual(
      new Set(['frequency_12_months']),
    );
    const scale = definition.responseScales.find((s) => s.id === 'frequency_12_months');
    expect(scale?.options.map((o) => [o.value, o.label.en])).toEqual([
      [0, 'Never'],
      [1, 'Once'],
      [2, 'A few times'],
      [3, 'Monthly'],
      [4, 'Weekly or more often'],
    ]);
  });

  it('shows behaviour follow-ups only after an answer other than "never"', () => {
    for (const item of items) {
      if (!isChoiceItem(item) || item.followUp === undefined || item.followUp.role === 'handling') continue;
      expect(item.condition, item.id).toEqual({ itemId: item.followUp.of, anyOf: [1, 2, 3, 4] });
    }
  });

  it('asks who did it (multiple choice) after every experienced behaviour', () => {
    const sources = items.filter((item) => isChoiceItem(item) && item.followUp?.role === 'source');
    expect(sources).toHaveLength(7);
    expect(sources.every((item) => item.type === 'multiple-choice')).toBe(true);
  });

  it('marks behaviour, follow-up and reporting-trust items sensitive', () => {
    const notSensitive = items.filter(
      (item) =>
        !item.sensitive &&
        ((item.type === 'frequency' && item.behaviour !== undefined) ||
          (isChoiceItem(item) && item.followUp !== undefined) ||
          definition.scales.find((s) => s.id === 'reporting_trust')?.itemIds.includes(item.id)),
    );
    expect(notSensitive.map((item) => item.id)).toEqual([]);
    expect(definition.scales.filter((s) => s.sensitive).map((s) => s.id)).toEqual([
      'reporting_trust',
      'behaviour_experienced',
      'behaviour_witnessed',
    ]);
  });

  it('scores unwanted behaviour as prevalence', () => {
    const behaviourScales = definition.scales.filter((s) => s.domain === 'unwanted-behaviour');
    expect(behaviourScales.map((s) => [s.id, s.scoring])).toEqual([
      ['behaviour_experienced', 'prevalence'],
      ['behaviour_witnessed', 'prevalence'],
    ]);
  });

  it('has the overall 0-10 grade and the recommendation item', () => {
    expect(itemById('oc_safety_grade')).toMatchObject({ type: 'rating-0-10', responseScaleId: 'safety_0_10' });
    expect(itemById('oc_recommend')).toMatchObject({ type: 'likert-5' });
  });

  it('offers the five demographics, coarse, each with "prefer not to say"', () => {
    expect(definition.demographics.map((d) => [d.id, d.options.length])).toEqual([
      ['age_band', 5],
      ['tenure_band', 5],
      ['contract', 5],
      ['supervises', 3],
      ['gender', 4],
    ]);
    for (const demographic of definition.demographics) {
      expect(demographic.options.filter((o) => o.preferNotToSay).map((o) => o.label.en)).toEqual(['Prefer not to say']);
    }
  });

  it('states a completion time of 12-15 minutes that matches the estimate from item counts', () => {
    expect(definition.estimatedMinutes).toBeGreaterThanOrEqual(12);
    expect(definition.estimatedMinutes).toBeLessThanOrEqual(15);
    expect(Math.abs(estimateMinutes(definition) - definition.estimatedMinutes)).toBeLessThan(1);
  });

  it('makes no question required (taking part, and every answer, is voluntary)', () => {
    expect(items.filter((item) => item.required).map((item) => item.id)).toEqual([]);
  });
});
