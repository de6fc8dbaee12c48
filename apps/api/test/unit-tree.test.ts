import { describe, expect, it } from 'vitest';
import { parseUnitCsv } from '../src/lib/unit-csv';
import { validateTree, type TreeRow } from '../src/lib/unit-tree';

const rowsOf = (csv: string): TreeRow[] => {
  const parsed = parseUnitCsv(csv);
  if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
  return parsed.rows;
};

describe('parseUnitCsv', () => {
  it('reads ; or , from the header, ignores a byte-order mark, blank lines and extra columns, in any column order', () => {
    expect(rowsOf('\uFEFFcode;name;parent_code\r\nA;Alpha;\r\n\r\nB;Beta, Inc.;A\r\n')).toEqual([
      { line: 2, code: 'A', name: 'Alpha', parentCode: '' },
      { line: 4, code: 'B', name: 'Beta, Inc.', parentCode: 'A' },
    ]);
    expect(rowsOf('Name,Parent_Code,Code,cost_centre\n"Sales; North",,S,123\n')).toEqual([
      { line: 2, code: 'S', name: 'Sales; North', parentCode: '' },
    ]);
  });

  it('gives the line a record starts on when a quoted name spans lines', () => {
    expect(rowsOf('code,name,parent_code\nA,"Two\nlines",\nB,Beta,A\n').map((r) => r.line)).toEqual([2, 4]);
  });

  it('reports a missing header column and broken quoting with their line', () => {
    expect(parseUnitCsv('code,title\nA,Alpha\n')).toEqual({
      problems: [
        { kind: 'missing_column', line: 1, message: 'line 1: the header must name the columns code, name and parent_code (missing: name, parent_code)' },
      ],
    });
    const broken = parseUnitCsv('code,name,parent_code\nA,"Alpha,\n');
    expect('problems' in broken && broken.problems[0]).toMatchObject({ kind: 'bad_file', line: 2 });
  });
});

describe('validateTree', () => {
  const row = (line: number, code: unknown, name: unknown, parentCode: unknown = ''): TreeRow => ({ line, code, name, parentCode });

  it('accepts a forest and trims values', () => {
    expect(validateTree([row(2, ' A ', ' Alpha '), row(3, 'B', 'Beta', 'A'), row(4, 'C', 'Gamma')])).toEqual({
      units: [
        { code: 'A', name: 'Alpha', parentCode: null },
        { code: 'B', name: 'Beta', parentCode: 'A' },
        { code: 'C', name: 'Gamma', parentCode: null },
      ],
    });
  });

  it('lists every problem with its line, in line order', () => {
    const result = validateTree([
      row(2, 'A', 'Alpha'),
      row(3, 'A', 'Again'),
      row(4, 'B', '  ', 'A'),
      row(5, 'C', 'Gamma', 'X'),
      row(6, '', 'No code'),
      row(7, 'D', 'Delta', 'E'),
      row(8, 'E', 'Epsilon', 'D'),
      row(9, 'F', 'Self', 'F'),
    ]);
    expect('problems' in result && result.problems.map((p) => [p.line, p.kind])).toEqual([
      [3, 'duplicate_code'],
      [4, 'empty_name'],
      [5, 'unknown_parent'],
      [6, 'empty_code'],
      [7, 'cycle'],
      [8, 'cycle'],
      [9, 'cycle'],
    ]);
    expect('problems' in result && result.problems.map((p) => p.message)).toContain("line 7: 'D' is its own ancestor (D → E → D)");
    expect('problems' in result && result.problems[0]?.message).toBe("line 3: code 'A' is used more than once (first on line 2)");
  });

  it('names JSON items by index and refuses values that are not text', () => {
    const result = validateTree([{ index: 0, code: 'A', name: 'Alpha', parentCode: null }, { index: 1, code: 7, name: 'Seven', parentCode: null }]);
    expect(result).toEqual({
      problems: [{ kind: 'bad_row', index: 1, message: 'item 1: code, name and parent code must be text' }],
    });
  });

  it('finds a long cycle below a valid root in linear time', () => {
    const rows = [row(2, 'ROOT', 'Root')];
    for (let i = 0; i < 50_000; i += 1) rows.push(row(i + 3, `U${i}`, `Unit ${i}`, i === 0 ? `U${49_999}` : `U${i - 1}`));
    const result = validateTree(rows);
    expect('problems' in result && result.problems.length).toBe(50_000);
  });
});
