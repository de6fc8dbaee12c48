import { describe, expect, it } from 'vitest';
import { issuesOf, minimalDefinition, removeAt, setAt } from './test-support/definition-fixture';
import { checkCases } from './test-support/validation-cases';
import { validateQuestionnaire, validQuestionnaireSchema } from './validate';

describe('validateQuestionnaire on a valid definition', () => {
  it('accepts it and fills in defaults', () => {
    const result = validateQuestionnaire(minimalDefinition());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const q1 = result.definition.sections[0]?.items[0];
    expect(q1).toMatchObject({ id: 'q1', reverse: false, required: false, allowDontKnow: false, sensitive: false });
    expect(result.definition.scales[0]?.scoring).toBe('mean');
    expect(result.definition.sections[0]?.items[3]).toMatchObject({ type: 'free-text', maxLength: 1000 });
  });

  it('accepts a definition without demographics (they default to none)', () => {
    const result = validateQuestionnaire(removeAt(minimalDefinition(), 'demographics'));
    expect(result.ok && result.definition.demographics).toEqual([]);
  });
});

describe('shape errors', () => {
  checkCases([
    {
      name: 'unknown field (a typo must not vanish silently)',
      change: (d) => setAt(d, 'sections[0].items[0].revers', true),
      issues: [{ path: 'sections[0].items[0]', message: "unknown field 'revers'" }],
    },
    {
      name: 'malformed version',
      change: (d) => setAt(d, 'version', '1.0'),
      issues: [{ path: 'version', message: 'versions are MAJOR.MINOR.PATCH, such as 1.0.0' }],
    },
    {
      name: 'id with a hyphen (ids become column names)',
      change: (d) => setAt(d, 'sections[0].items[2].id', 'q-3'),
      issues: [
        {
          path: 'sections[0].items[2].id',
          message: 'ids use lower-case letters, digits and _, start with a letter, 64 characters at most',
        },
      ],
    },
    {
      name: "id that names a built-in object property ('constructor' would read as answered)",
      change: (d) => setAt(d, 'sections[0].items[2].id', 'constructor'),
      issues: [{ path: 'sections[0].items[2].id', message: 'this id is reserved (it names a built-in property of every object)' }],
    },
  ]);

  it('reports an unknown item type at the type field', () => {
    const issues = issuesOf(setAt(minimalDefinition(), 'sections[0].items[0].type', 'likert-7'));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('sections[0].items[0].type');
  });

  it('rejects something that is not a definition at all', () => {
    expect(issuesOf('hello')).toEqual([{ path: '(root)', message: expect.stringContaining('expected object') }]);
  });
});

describe('translations', () => {
  checkCases([
    {
      name: 'missing English item text',
      change: (d) => removeAt(d, 'sections[1].items[0].text.en'),
      issues: [{ path: 'sections[1].items[0].text.en', message: 'missing English text' }],
    },
    {
      name: 'missing Dutch option label',
      change: (d) => removeAt(d, 'sections[1].items[2].options[1].label.nl'),
      issues: [{ path: 'sections[1].items[2].options[1].label.nl', message: 'missing Dutch text' }],
    },
  ]);

  it('names an unknown language by its code', () => {
    const definition = minimalDefinition();
    setAt(definition, 'languages', ['nl', 'en', 'fy']);
    const issues = issuesOf(definition);
    expect(issues).toContainEqual({ path: 'title.fy', message: "missing text in language 'fy'" });
    expect(issues).toContainEqual({ path: 'responseScales[0].options[4].label.fy', message: "missing text in language 'fy'" });
  });

  checkCases([
    {
      name: 'blank text',
      change: (d) => setAt(d, 'scales[0].title.en', '   '),
      issues: [{ path: 'scales[0].title.en', message: 'English text is empty' }],
    },
    {
      name: 'text in an undeclared language',
      change: (d) => setAt(d, 'demographics[0].text.de', 'Alter'),
      issues: [{ path: 'demographics[0].text.de', message: "text in undeclared language 'de' (the questionnaire declares nl, en)" }],
    },
    {
      name: 'language listed twice',
      change: (d) => setAt(d, 'languages', ['nl', 'en', 'nl']),
      issues: [{ path: 'languages[2]', message: "language 'nl' is listed twice" }],
    },
  ]);
});

describe('unique ids', () => {
  checkCases([
    {
      name: 'duplicate item id across sections',
      change: (d) => setAt(d, 'sections[1].items[0].id', 'q1'),
      issues: [
        { path: 'sections[1].items[0].id', message: "duplicate item id 'q1' (first used at sections[0].items[0])" },
        // The scale and conditions still point at 'b1', which no longer exists: reported too, each at its place.
        { path: 'sections[1].items[1].condition.itemId', message: "condition refers to unknown item 'b1'" },
        { path: 'sections[1].items[1].followUp.of', message: "follow-up refers to unknown item 'b1'" },
        { path: 'sections[1].items[2].condition.itemId', message: "condition refers to unknown item 'b1'" },
        { path: 'sections[1].items[2].followUp.of', message: "follow-up refers to unknown item 'b1'" },
        { path: 'sections[1].items[3].followUp.of', message: "follow-up refers to unknown item 'b1'" },
        { path: 'scales[1].itemIds[0]', message: "scale refers to unknown item 'b1'" },
      ],
    },
    {
      name: 'duplicate section id',
      change: (d) => setAt(d, 'sections[1].id', 'climate'),
      issues: [{ path: 'sections[1].id', message: "duplicate section id 'climate' (first used at sections[0])" }],
    },
    {
      name: 'duplicate scale id',
      change: (d) => setAt(d, 'scales[1].id', 'climate'),
      issues: [{ path: 'scales[1].id', message: "duplicate scale id 'climate' (first used at scales[0])" }],
    },
    {
      name: 'duplicate response scale id',
      change: (d) => setAt(d, 'responseScales[1].id', 'agree'),
      issues: [
        { path: 'responseScales[1].id', message: "duplicate response scale id 'agree' (first used at responseScales[0])" },
        { path: 'sections[1].items[0].responseScaleId', message: "unknown response scale 'freq'" },
      ],
    },
    {
      name: 'duplicate option value within an item',
      change: (d) => setAt(d, 'sections[1].items[1].options[1].value', 1),
      issues: [{ path: 'sections[1].items[1].options[1].value', message: 'duplicate option value 1 (options need distinct values)' }],
    },
    {
      name: 'duplicate option value within a response scale',
      change: (d) => setAt(d, 'responseScales[0].options[4].value', 4),
      issues: [
        { path: 'responseScales[0].options[4].value', message: 'duplicate option value 4 (options need distinct values)' },
        { path: 'responseScales[0].options[4].value', message: 'options must be listed in ascending order of value' },
        {
          path: 'sections[0].items[0].responseScaleId',
          message: "a likert-5 item needs a response scale with the codes 1 to 5; 'agree' has 1, 2, 3, 4, 4",
        },
        {
          path: 'sections[0].items[1].responseScaleId',
          message: "a likert-5 item needs a response scale with the codes 1 to 5; 'agree' has 1, 2, 3, 4, 4",
        },
        {
          path: 'sections[0].items[2].responseScaleId',
          message: "a likert-5 item needs a response scale with the codes 1 to 5; 'agree' has 1, 2, 3, 4, 4",
        },
      ],
    },
    {
      name: 'duplicate demographic id',
      change: (d) => {
        const demographics = d.demographics as unknown[];
        demographics.push(structuredClone(demographics[0]));
      },
      issues: [{ path: 'demographics[1].id', message: "duplicate demographic id 'age_band' (first used at demographics[0])" }],
    },
    {
      name: 'demographic id that is also an item id',
      change: (d) => setAt(d, 'demographics[0].id', 'q1'),
      issues: [{ path: 'demographics[0].id', message: "demographic id 'q1' is also an item id (at sections[0].items[0])" }],
    },
  ]);
});

describe('validQuestionnaireSchema', () => {
  it('applies the same rules as validateQuestionnaire, as zod issues', () => {
    const definition = setAt(minimalDefinition(), 'sections[0].items[0].condition', { itemId: 'b1', anyOf: [1] });
    const result = validQuestionnaireSchema.safeParse(definition);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['sections', 0, 'items', 0, 'condition', 'itemId'],
        message: "condition refers to item 'b1' which comes later (conditions may only refer to earlier items)",
      }),
    ]);
  });

  it('passes a valid definition', () => {
    expect(validQuestionnaireSchema.safeParse(minimalDefinition()).success).toBe(true);
  });
});
