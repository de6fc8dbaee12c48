import { findItem, type LocalisedText, type QuestionnaireDefinition } from '@socialsafety/instrument';
import { DONT_KNOW_CODE } from '../columns';
import type { ExportMetadata } from './metadata';
import type { Variable } from './variables';

/** Value lists longer than this get their own section instead of a table cell (a unit tree can have hundreds). */
const INLINE_VALUES = 12;

const cell = (text: string) => text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');

function texts(label: LocalisedText, languages: readonly string[]): string {
  return languages.map((language) => `${language}: ${label[language] ?? ''}`).join(' / ');
}

function valueList(variable: Variable, languages: readonly string[]): string {
  return [...variable.values, ...variable.missing].map((v) => `${v.value} = ${texts(v.label, languages)}`).join('; ');
}

/**
 * codebook.md: every variable of data.csv (name, type, question text in every language of the questionnaire, value
 * labels, scale membership, reverse keys), then the scoring specification of every scale.
 */
export function codebook(meta: ExportMetadata, definition: QuestionnaireDefinition, variables: readonly Variable[], rows: number): string {
  const languages = meta.languages;
  const lines: string[] = [
    `# Codebook: ${meta.title}`,
    '',
    `- Questionnaire: \`${meta.questionnaire}\` (${definition.title.en ?? definition.key}); languages ${languages.join(', ')}`,
    `- Measurement period: ${meta.opensAt} to ${meta.closesAt} (the export holds no finer dates)`,
    `- Exported on ${meta.exportedOn}: ${rows} rows, ${variables.length} variables`,
    `- Anonymity: k = ${meta.k}, l = ${meta.l}; see disclosure-report.md`,
    '',
    '## Reading data.csv',
    '',
    '- UTF-8, comma-separated, one header row, one row per response, in random order (not the order of submission).',
    `- An empty field is a missing value: not answered, not shown (a follow-up question that did not apply), or not computable. \`${DONT_KNOW_CODE}\` means "don't know / not applicable" where a question offered it.`,
    '- Quasi-identifiers hold codes, generalised where needed: `*` means hidden to protect anonymity; ranges such as `1..2` join neighbouring answer bands.',
    '- Not in the file, by design: free-text answers, response ids, dates or times of submission, anything linking a row to an invitation or a person.',
    '- Variables marked **sensitive** are held to l-diversity: every group of rows sharing all quasi-identifier values has at least l different answers to it.',
    '',
    '## Variables',
    '',
    '| variable | type | role | label | values | notes |',
    '|---|---|---|---|---|---|',
  ];
  const longLists: Variable[] = [];
  for (const variable of variables) {
    const allValues = variable.values.length + variable.missing.length;
    const values = allValues === 0 ? '' : allValues > INLINE_VALUES ? `see [values of ${variable.name}](#values-of-${variable.name})` : valueList(variable, languages);
    if (allValues > INLINE_VALUES) longLists.push(variable);
    const role = variable.sensitive ? `${variable.role}, **sensitive**` : variable.role;
    lines.push(`| \`${variable.name}\` | ${variable.type} | ${role} | ${cell(texts(variable.label, languages))} | ${cell(values)} | ${cell(variable.notes.join(' '))} |`);
  }
  for (const variable of longLists) {
    lines.push('', `### Values of ${variable.name}`, '', '| value | label |', '|---|---|');
    for (const v of [...variable.values, ...variable.missing]) lines.push(`| \`${cell(v.value)}\` | ${cell(texts(v.label, languages))} |`);
  }
  lines.push('', '## Scales: scoring specification', '');
  lines.push(
    'Every item is first recoded where it is reverse-keyed (lowest + highest code - answer). A mean scale is the mean of the answered items on the response scale, transformed to 0-100 as (mean - lowest) / (highest - lowest) x 100, and needs at least half of its items (rounded up) answered. A prevalence scale is 100 when any item is above its lowest answer ("never"), 0 when enough items were answered and all are at the lowest. The methodology is described in docs/methodology.md of the product.',
    '',
    '| scale | title | scoring | direction | risk bands | items |',
    '|---|---|---|---|---|---|',
  );
  for (const scale of definition.scales) {
    const items = scale.itemIds.map((id) => (findItem(definition, id)?.reverse ? `\`${id}\` (reverse-keyed)` : `\`${id}\``)).join(', ');
    const name = scale.sensitive ? `\`scale_${scale.id}\` (**sensitive**)` : `\`scale_${scale.id}\``;
    lines.push(`| ${name} | ${cell(texts(scale.title, languages))} | ${scale.scoring} | ${scale.direction} | ${scale.riskBands.low} / ${scale.riskBands.high} | ${items} |`);
  }
  lines.push('');
  return lines.join('\n');
}
