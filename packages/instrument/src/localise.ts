import { TEXT_FIELDS, type LocalisedText, type QuestionnaireDefinition } from './schema';

type TextField = (typeof TEXT_FIELDS)[number];

/** A definition type with every localised text replaced by a plain string in one language. */
export type Localised<T> = T extends readonly (infer U)[]
  ? Localised<U>[]
  : T extends object
    ? { [K in keyof T]: K extends TextField ? Exclude<T[K], LocalisedText> | string : Localised<T[K]> }
    : T;

/** The questionnaire as one respondent sees it: one language, all structure (ids, codes, conditions) kept. */
export type LocalisedQuestionnaire = Localised<QuestionnaireDefinition> & { language: string };

const textFields: ReadonlySet<string> = new Set(TEXT_FIELDS);

/**
 * A single-language view for a renderer or an export. A text missing in `language` (possible only in a definition
 * that did not pass validation) falls back to the first language rather than showing nothing.
 *
 * @throws when `language` is not one of the questionnaire's languages.
 */
export function localise(definition: QuestionnaireDefinition, language: string): LocalisedQuestionnaire {
  if (!definition.languages.includes(language)) {
    throw new Error(
      `localise: language '${language}' is not one of this questionnaire's languages (${definition.languages.join(', ')})`,
    );
  }
  const fallback = definition.languages[0] ?? language;
  const view = pick(definition, language, fallback) as Localised<QuestionnaireDefinition>;
  return { ...view, language };
}

function pick(value: unknown, language: string, fallback: string): unknown {
  if (Array.isArray(value)) return value.map((element) => pick(element, language, fallback));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (textFields.has(key) && typeof child === 'object' && child !== null && !Array.isArray(child)) {
      const text = child as Record<string, string | undefined>;
      out[key] = text[language] ?? text[fallback] ?? '';
    } else {
      out[key] = pick(child, language, fallback);
    }
  }
  return out;
}
