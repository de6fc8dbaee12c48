import type { ExportMetadata } from './metadata';
import type { Variable } from './variables';

/**
 * datapackage.json: a Frictionless Tabular Data Package describing data.csv with a Table Schema. Types, missing values
 * and value labels are in it: `constraints.enum` lists the codes, `categories` (Table Schema v2) labels them, and
 * `x-labels` carries the question text in every language of the questionnaire.
 */
export function dataPackage(meta: ExportMetadata, variables: readonly Variable[]): string {
  const english = (text: Readonly<Record<string, string>>) => text.en ?? Object.values(text)[0] ?? '';
  const typed = (variable: Variable, value: string) => (variable.type === 'string' ? value : Number(value));
  const fields = variables.map((variable) => ({
    name: variable.name,
    type: variable.type,
    title: english(variable.label),
    description: variable.notes.join(' '),
    'x-labels': variable.label,
    'x-role': variable.role,
    ...(variable.sensitive ? { 'x-sensitive': true } : {}),
    ...(variable.missing.length > 0 ? { missingValues: ['', ...variable.missing.map((m) => m.value)] } : {}),
    ...(variable.values.length > 0
      ? {
          constraints: { enum: variable.values.map((v) => typed(variable, v.value)) },
          categories: [
            ...variable.values.map((v) => ({ value: typed(variable, v.value), label: english(v.label) })),
            ...variable.missing.map((m) => ({ value: typed(variable, m.value), label: english(m.label) })),
          ],
        }
      : {}),
    ...(variable.role === 'scale' ? { constraints: { minimum: 0, maximum: 100 } } : {}),
  }));
  return (
    JSON.stringify(
      {
        profile: 'tabular-data-package',
        name: meta.packageName,
        title: `${meta.title} (anonymised research export)`,
        description:
          `Anonymised microdata of the measurement "${meta.title}" (questionnaire ${meta.questionnaire}), one row per response. ` +
          `Every combination of quasi-identifiers occurs at least k = ${meta.k} times and every such group holds at least ` +
          `l = ${meta.l} different answers to each sensitive variable: see disclosure-report.md.`,
        created: meta.exportedOn,
        keywords: ['social safety', 'survey', 'anonymised microdata'],
        resources: [
          {
            profile: 'tabular-data-resource',
            name: 'data',
            path: 'data.csv',
            format: 'csv',
            mediatype: 'text/csv',
            encoding: 'utf-8',
            dialect: { delimiter: ',', doubleQuote: true, header: true, lineTerminator: '\n', quoteChar: '"' },
            schema: { fields, missingValues: [''] },
          },
        ],
      },
      null,
      2,
    ) + '\n'
  );
}
