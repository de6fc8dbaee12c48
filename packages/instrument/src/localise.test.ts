import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { socialSafety_1_0_0 } from './builtin/social-safety-1.0.0';
import { localise } from './localise';
import { localisedTextSchema, questionnaireSchema, TEXT_FIELDS } from './schema';
import { minimalDefinition, removeAt } from './test-support/definition-fixture';

/** Every place in a value that still looks like a LocalisedText ({ nl: string, en: string }). */
function leftoverTexts(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((child, i) => leftoverTexts(child, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const entries = Object.entries(value);
  if (entries.length > 0 && entries.every(([key, child]) => ['nl', 'en'].includes(key) && typeof child === 'string')) return [path];
  return entries.flatMap(([key, child]) => leftoverTexts(child, `${path}.${key}`));
}

describe('localise', () => {
  it('gives a single-language view of the built-in questionnaire in each language', () => {
    for (const language of ['nl', 'en']) {
      const view = localise(socialSafety_1_0_0, language);
      expect(view.language).toBe(language);
      expect(leftoverTexts(view)).toEqual([]);
    }
  });

  it('picks the requested language and keeps the structure', () => {
    const nl = localise(socialSafety_1_0_0, 'nl');
    const en = localise(socialSafety_1_0_0, 'en');
    expect(nl.title).toBe('Sociale veiligheid op het werk');
    expect(en.title).toBe('Social safety at work');
    expect(en.responseScales[0]?.options[0]?.label).toBe('Strongly disagree');
    expect(en.sections[0]?.items[0]).toMatchObject({ id: 'ps_raise_problems', type: 'likert-5', reverse: false });
    expect(en.scales.map((s) => s.itemIds)).toEqual(socialSafety_1_0_0.scales.map((s) => s.itemIds));
  });

  it('does not change the definition', () => {
    const before = JSON.stringify(socialSafety_1_0_0);
    localise(socialSafety_1_0_0, 'en');
    expect(JSON.stringify(socialSafety_1_0_0)).toBe(before);
  });

  it('refuses a language the questionnaire does not have', () => {
    expect(() => localise(socialSafety_1_0_0, 'de')).toThrow(
      "localise: language 'de' is not one of this questionnaire's languages (nl, en)",
    );
  });

  it('falls back to the first language where a text is missing', () => {
    const definition = questionnaireSchema.parse(removeAt(minimalDefinition(), 'sections[0].items[0].text.en'));
    expect(localise(definition, 'en').sections[0]?.items[0]?.text).toBe('Vraag 1');
  });
});

// localise() and the translation check find texts by field name. This walks the zod schema to prove that every
// LocalisedText sits under one of TEXT_FIELDS, and that the list names no field that no longer exists.
describe('TEXT_FIELDS', () => {
  function textFieldNames(schema: z.ZodType, field: string, found: Set<string>, seen = new Set<z.ZodType>()): void {
    if (schema === localisedTextSchema) {
      found.add(field);
      return;
    }
    if (seen.has(schema)) return;
    seen.add(schema);
    const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'record') throw new Error(`record at '${field}' is not localisedTextSchema`);
    const children: [string, unknown][] = [];
    if (def.type === 'object') children.push(...Object.entries(def.shape as Record<string, unknown>));
    if (def.type === 'array') children.push([field, def.element]);
    if (['optional', 'default', 'nullable', 'readonly'].includes(def.type)) children.push([field, def.innerType]);
    if (def.type === 'union') children.push(...(def.options as unknown[]).map((option): [string, unknown] => [field, option]));
    for (const [name, child] of children) textFieldNames(child as z.ZodType, name, found, seen);
  }

  it('names exactly the fields that hold localised texts', () => {
    const found = new Set<string>();
    textFieldNames(questionnaireSchema, '(root)', found);
    expect([...found].sort()).toEqual([...TEXT_FIELDS].sort());
  });
});
