import { blankTextMessage, missingTextMessage, type Path } from '../issues';
import { TEXT_FIELDS, type QuestionnaireDefinition } from '../schema';
import type { Report } from './report';

const textFields: ReadonlySet<string> = new Set(TEXT_FIELDS);

/** Every text in every declared language, none blank, none in a language the questionnaire does not declare. */
export function checkTexts(definition: QuestionnaireDefinition, report: Report): void {
  definition.languages.forEach((language, i) => {
    if (definition.languages.indexOf(language) !== i) report(['languages', i], `language '${language}' is listed twice`);
  });
  walk(definition, [], definition.languages, report);
}

function walk(value: unknown, path: Path, languages: readonly string[], report: Report): void {
  if (Array.isArray(value)) {
    value.forEach((child, i) => walk(child, [...path, i], languages, report));
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (textFields.has(key) && isPlainObject(child)) checkLocalisedText(child, [...path, key], languages, report);
    else walk(child, [...path, key], languages, report);
  }
}

function checkLocalisedText(text: Record<string, unknown>, path: Path, languages: readonly string[], report: Report): void {
  for (const language of languages) {
    const value = text[language];
    if (typeof value !== 'string') report([...path, language], missingTextMessage(language));
    else if (value.trim() === '') report([...path, language], blankTextMessage(language));
  }
  for (const language of Object.keys(text)) {
    if (!languages.includes(language)) {
      report(
        [...path, language],
        `text in undeclared language '${language}' (the questionnaire declares ${languages.join(', ')})`,
      );
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
