/** One problem found in a definition, with the path to the offending value, e.g. `sections[2].items[4].text.en`. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  nl: 'Dutch',
  en: 'English',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  pl: 'Polish',
  tr: 'Turkish',
  ar: 'Arabic',
};

/** "missing English text" reads better than "missing text in language 'en'"; unknown codes fall back to the latter. */
export function missingTextMessage(language: string): string {
  const name = LANGUAGE_NAMES[language];
  return name === undefined ? `missing text in language '${language}'` : `missing ${name} text`;
}

export function blankTextMessage(language: string): string {
  const name = LANGUAGE_NAMES[language];
  return name === undefined ? `text in language '${language}' is empty` : `${name} text is empty`;
}
