import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { contentHash } from './hash';
import { sha256Hex } from './sha256';
import { utf8Encode } from './utf8';
import type { QuestionnaireDefinition } from './schema';
import { minimalDefinition, setAt } from './test-support/definition-fixture';
import { validateQuestionnaire } from './validate';

function parsed(input: unknown): QuestionnaireDefinition {
  const result = validateQuestionnaire(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.definition;
}

/** A deep copy with the keys of every object in reverse order. */
function reverseKeyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeyOrder);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, child]) => [key, reverseKeyOrder(child)]));
}

describe('contentHash', () => {
  it('is a 64-character hex SHA-256', () => {
    expect(contentHash(parsed(minimalDefinition()))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is SHA-256 over the UTF-8 bytes of the canonical JSON', () => {
    const definition = parsed(minimalDefinition());
    expect(contentHash(definition)).toBe(sha256Hex(utf8Encode(canonicalJson(definition))));
    // The pinned hash of the built-in questionnaire (in its own test) was also checked with Python's hashlib.
  });

  it('gives the same hash for the same definition, parsed twice', () => {
    expect(contentHash(parsed(minimalDefinition()))).toBe(contentHash(parsed(minimalDefinition())));
  });

  it('ignores key order', () => {
    const definition = parsed(minimalDefinition());
    const reordered = reverseKeyOrder(definition) as QuestionnaireDefinition;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(definition));
    expect(contentHash(reordered)).toBe(contentHash(definition));
  });

  it('does not change when an author leaves out a default (parsing fills it in)', () => {
    const explicit = setAt(minimalDefinition(), 'sections[0].items[0].reverse', false);
    expect(contentHash(parsed(explicit))).toBe(contentHash(parsed(minimalDefinition())));
  });

  it.each([
    ['an item text', 'sections[0].items[0].text.en', 'Question one'],
    ['a Dutch text by one character', 'sections[0].items[0].text.nl', 'Vraag 1.'],
    ['an option label', 'responseScales[0].options[0].label.nl', 'Helemaal oneens'],
    ['the intro', 'intro.en', 'Welcome'],
    ['a reverse key', 'sections[0].items[0].reverse', true],
    ['a risk-band cut-off', 'scales[0].riskBands.low', 51],
    ['a condition value', 'sections[1].items[1].condition.anyOf', [1, 2, 3]],
  ])('changes when %s changes', (_what, path, value) => {
    const before = contentHash(parsed(minimalDefinition()));
    expect(contentHash(parsed(setAt(minimalDefinition(), path, value)))).not.toBe(before);
  });

  it('changes when the order of items changes (arrays keep their order)', () => {
    const definition = minimalDefinition();
    const items = (definition.sections as { items: unknown[] }[])[0]?.items ?? [];
    [items[0], items[1]] = [items[1], items[0]];
    expect(contentHash(parsed(definition))).not.toBe(contentHash(parsed(minimalDefinition())));
  });
});
