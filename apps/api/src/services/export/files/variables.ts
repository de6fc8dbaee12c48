import type { LocalisedText } from '@socialsafety/instrument';
import { SUPPRESSED } from '@socialsafety/scoring';
import type { DataColumn, ValueLabel } from '../columns';
import { writtenValue, type QuasiIdentifier } from '../quasi-identifiers';

/**
 * Every column of data.csv in order, in one shape for the documentation writers: the quasi-identifiers (with the
 * values they can take at the level chosen, and their labels) followed by the data columns.
 */
export interface Variable {
  readonly name: string;
  readonly role: 'quasi-identifier' | DataColumn['group'];
  readonly type: DataColumn['type'];
  readonly label: LocalisedText;
  readonly values: readonly ValueLabel[];
  readonly missing: readonly ValueLabel[];
  readonly sensitive: boolean;
  readonly notes: readonly string[];
}

export function variables(quasiIdentifiers: readonly QuasiIdentifier[], levels: readonly number[], columns: readonly DataColumn[]): Variable[] {
  const qiVariables = quasiIdentifiers.map((qi, q): Variable => {
    const level = levels[q] ?? 0;
    const written = new Set<string>();
    for (const row of qi.hierarchy.table.values()) written.add(row[level]!);
    written.add(SUPPRESSED);
    return {
      name: qi.name,
      role: 'quasi-identifier',
      type: 'string',
      label: qi.label,
      values: [...written].filter((value) => writtenValue(value) !== '').map((value) => ({ value, label: qi.valueLabel(value) })),
      missing: [],
      sensitive: false,
      notes: [
        `Quasi-identifier, generalised to level ${level} of ${qi.hierarchy.height}: ${qi.levels[level] ?? ''}.`,
        `"${SUPPRESSED}" = hidden to protect anonymity; empty = not answered.`,
      ],
    };
  });
  return [...qiVariables, ...columns.map((column): Variable => ({ ...column, role: column.group }))];
}
