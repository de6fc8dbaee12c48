import type { LocalisedText } from '@socialsafety/instrument';
import type { ExportMetadata } from './metadata';
import type { Variable } from './variables';

// SPSS's own limits: variable labels 256 characters, value labels 120.
const VARIABLE_LABEL = 250;
const VALUE_LABEL = 120;

const quote = (text: string, max: number) => `'${text.replace(/\s+/g, ' ').slice(0, max).replace(/'/g, "''")}'`;

export function labelIn(text: LocalisedText, languages: readonly string[]): string {
  return text.en ?? text[languages[0] ?? ''] ?? Object.values(text)[0] ?? '';
}

function format(variable: Variable): string {
  if (variable.type === 'string') {
    // Codes, ranges and "questionnaire@version" are short: 64 bytes holds them, and a longer listed code widens it.
    return `A${Math.max(64, ...variable.values.map((v) => Buffer.byteLength(v.value)))}`;
  }
  return variable.type === 'number' ? 'F8.4' : 'F4.0';
}

/**
 * labels.sps: SPSS syntax that reads data.csv (GET DATA) and applies VARIABLE LABELS, VALUE LABELS and MISSING
 * VALUES (-1, "don't know", is user-missing). Labels are English where the questionnaire has English.
 */
export function spssSyntax(meta: ExportMetadata, variables: readonly Variable[]): string {
  const languages = meta.languages;
  const value = (variable: Variable, v: string) => (variable.type === 'string' ? quote(v, 255) : v);
  const lines = [
    '* Encoding: UTF-8.',
    `* ${meta.title}: anonymised research export (${meta.questionnaire}), exported on ${meta.exportedOn}.`,
    '* Reads data.csv from the current directory (CD to the folder of the export first) and applies every label.',
    '',
    'GET DATA',
    '  /TYPE=TXT',
    "  /FILE='data.csv'",
    "  /ENCODING='UTF8'",
    '  /DELCASE=LINE',
    '  /DELIMITERS=","',
    `  /QUALIFIER='"'`,
    '  /ARRANGEMENT=DELIMITED',
    '  /FIRSTCASE=2',
    '  /VARIABLES=',
    ...variables.map((variable) => `    ${variable.name} ${format(variable)}`),
    '  .',
    'DATASET NAME socialsafety WINDOW=FRONT.',
    '',
    'VARIABLE LABELS',
    variables.map((variable) => `  ${variable.name} ${quote(labelIn(variable.label, languages), VARIABLE_LABEL)}`).join('\n  /') + '.',
    '',
  ];
  const labelled = variables.filter((variable) => variable.values.length + variable.missing.length > 0);
  if (labelled.length > 0) {
    lines.push(
      'VALUE LABELS',
      labelled
        .map(
          (variable) =>
            `  ${variable.name}\n` +
            [...variable.values, ...variable.missing].map((v) => `    ${value(variable, v.value)} ${quote(labelIn(v.label, languages), VALUE_LABEL)}`).join('\n'),
        )
        .join('\n  /') + '.',
      '',
    );
  }
  const withMissing = variables.filter((variable) => variable.missing.length > 0);
  const codes = [...new Set(withMissing.flatMap((variable) => variable.missing.map((m) => m.value)))];
  for (const code of codes) {
    const names = withMissing.filter((variable) => variable.missing.some((m) => m.value === code)).map((variable) => variable.name);
    lines.push('MISSING VALUES', `  ${names.join('\n  ')} (${code}).`, '');
  }
  lines.push('EXECUTE.', '');
  return lines.join('\n');
}
