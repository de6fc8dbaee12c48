import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import type { TreeProblem, TreeRow } from './unit-tree';

const COLUMNS = ['code', 'name', 'parent_code'] as const;

interface Parsed {
  record: string[];
  info: { lines: number };
  raw: string;
}

/**
 * Reads a unit tree from CSV: UTF-8 (a byte-order mark is ignored), a header naming the columns code, name and
 * parent_code in any order (other columns are ignored), separated by ';' or ',' — whichever the header uses, as
 * spreadsheet programs in Dutch settings write ';'. Quoted fields may hold separators and line breaks.
 */
export function parseUnitCsv(text: string): { rows: TreeRow[] } | { problems: TreeProblem[] } {
  const body = text.replace(/^\uFEFF/, '');
  const header = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: Parsed[];
  try {
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      raw: true,
    }) as unknown as Parsed[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : undefined;
    return { problems: [{ kind: 'bad_file', ...(line ? { line } : {}), message: `The file is not valid CSV: ${error.message}` }] };
  }

  const [head, ...rest] = records;
  const names = (head?.record ?? []).map((h) => h.trim().toLowerCase());
  const missing = COLUMNS.filter((c) => !names.includes(c));
  if (!head || missing.length > 0) {
    return {
      problems: [
        {
          kind: 'missing_column',
          line: 1,
          message: `line 1: the header must name the columns code, name and parent_code (missing: ${missing.join(', ')})`,
        },
      ],
    };
  }
  const [codeAt, nameAt, parentAt] = COLUMNS.map((c) => names.indexOf(c)) as [number, number, number];
  return {
    rows: rest.map(({ record, info, raw }) => ({
      // info.lines is where the record ends; a quoted line break makes it start earlier.
      line: info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0),
      code: record[codeAt] ?? '',
      name: record[nameAt] ?? '',
      parentCode: record[parentAt] ?? '',
    })),
  };
}
