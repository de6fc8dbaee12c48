import type { ExportMetadata } from './metadata';
import { labelIn } from './spss';
import type { Variable } from './variables';

const str = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\s+/g, ' ')}"`;

/**
 * labels.R: reads data.csv with base R and gives every column its label (attribute "label", and "label_<language>"
 * for each language), its value labels (attribute "labels", haven's convention, so haven::as_factor and
 * labelled::to_factor work) and its user-missing codes ("na_values"); with haven installed the columns become
 * haven_labelled_spss. as_label_factor() turns a column into a factor of its labels.
 */
export function rScript(meta: ExportMetadata, variables: readonly Variable[]): string {
  const languages = meta.languages;
  const classes = variables.map((v) => `${str(v.name)} = ${str(v.type === 'string' ? 'character' : v.type === 'integer' ? 'integer' : 'numeric')}`);
  const lines = [
    `# ${meta.title}: anonymised research export (${meta.questionnaire}), exported on ${meta.exportedOn}.`,
    '# Run from the folder of the export: source("labels.R"). The result is the data frame `socialsafety`.',
    '',
    'socialsafety <- utils::read.csv("data.csv", na.strings = "", check.names = FALSE, fileEncoding = "UTF-8",',
    `  colClasses = c(${classes.join(',\n    ')}))`,
    '',
    'label_variable <- function(x, label, texts, labels = NULL, na_values = NULL) {',
    '  if (!is.null(labels) && requireNamespace("haven", quietly = TRUE)) {',
    '    x <- haven::labelled_spss(x, labels = labels, na_values = na_values, label = label)',
    '  } else {',
    '    attr(x, "label") <- label',
    '    if (!is.null(labels)) attr(x, "labels") <- labels',
    '    if (!is.null(na_values)) attr(x, "na_values") <- na_values',
    '  }',
    '  for (language in names(texts)) attr(x, paste0("label_", language)) <- texts[[language]]',
    '  x',
    '}',
    '',
    '# A factor of the value labels; user-missing codes ("don\'t know") become NA.',
    'as_label_factor <- function(x) {',
    '  labels <- attr(x, "labels")',
    '  if (is.null(labels)) return(x)',
    '  keep <- labels[!(labels %in% attr(x, "na_values"))]',
    '  factor(unclass(x), levels = unname(keep), labels = names(keep))',
    '}',
    '',
  ];
  for (const variable of variables) {
    const texts = `list(${languages.map((language) => `${language} = ${str(variable.label[language] ?? '')}`).join(', ')})`;
    const all = [...variable.values, ...variable.missing];
    // haven wants labels of the column's own type: 1L for an integer column.
    const value = (v: string) => (variable.type === 'string' ? str(v) : variable.type === 'integer' ? `${v}L` : v);
    const labels = all.length === 0 ? 'NULL' : `stats::setNames(c(${all.map((v) => value(v.value)).join(', ')}), c(${all.map((v) => str(labelIn(v.label, languages))).join(', ')}))`;
    const missing = variable.missing.length === 0 ? 'NULL' : `c(${variable.missing.map((m) => value(m.value)).join(', ')})`;
    lines.push(
      `socialsafety[[${str(variable.name)}]] <- label_variable(socialsafety[[${str(variable.name)}]], ${str(labelIn(variable.label, languages))},`,
      `  ${texts},`,
      `  labels = ${labels}, na_values = ${missing})`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
