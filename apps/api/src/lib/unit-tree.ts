import type { UnitInput } from '../repositories/units';

/** One row of an incoming tree, as sent: from a CSV line or a JSON array item. */
export interface TreeRow {
  /** CSV: the line the row starts on (the header is line 1). */
  line?: number;
  /** JSON: the position in the array, from 0. */
  index?: number;
  code: unknown;
  name: unknown;
  parentCode: unknown;
}

export type TreeProblemKind =
  | 'bad_file'
  | 'missing_column'
  | 'bad_row'
  | 'empty_code'
  | 'empty_name'
  | 'too_long'
  | 'duplicate_code'
  | 'unknown_parent'
  | 'cycle'
  | 'empty_tree'
  | 'too_many_units';

export interface TreeProblem {
  kind: TreeProblemKind;
  message: string;
  line?: number;
  index?: number;
  code?: string;
}

export const MAX_UNITS = 100_000;
const MAX_CODE = 100;
const MAX_NAME = 200;

/** "line 4" for CSV rows, "item 3" for JSON items: how a person finds the row again. */
export function where(row: Pick<TreeRow, 'line' | 'index'>): string {
  return row.line !== undefined ? `line ${row.line}` : `item ${row.index ?? '?'}`;
}

const at = (row: TreeRow) => (row.line !== undefined ? { line: row.line } : { index: row.index ?? 0 });

function text(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value.trim() : undefined;
}

/**
 * Checks a whole tree before anything is written, and reports every problem with where it is: empty or overlong
 * codes and names, duplicate codes, parents that are not in the file, and cycles (a unit that is its own ancestor).
 * A forest is allowed: every unit without a parent is a top-level unit.
 */
export function validateTree(rows: readonly TreeRow[]): { units: UnitInput[] } | { problems: TreeProblem[] } {
  const problems: TreeProblem[] = [];
  if (rows.length === 0) return { problems: [{ kind: 'empty_tree', message: 'The tree has no units' }] };
  if (rows.length > MAX_UNITS) {
    return { problems: [{ kind: 'too_many_units', message: `The tree has ${rows.length} units; at most ${MAX_UNITS} are allowed` }] };
  }

  const units: (UnitInput & { row: TreeRow })[] = [];
  for (const row of rows) {
    const code = text(row.code);
    const name = text(row.name);
    const parentCode = text(row.parentCode);
    if (code === undefined || name === undefined || parentCode === undefined) {
      problems.push({ kind: 'bad_row', ...at(row), message: `${where(row)}: code, name and parent code must be text` });
      continue;
    }
    const label = code ? { code } : {};
    if (!code) problems.push({ kind: 'empty_code', ...at(row), message: `${where(row)}: the code is empty` });
    else if (code.length > MAX_CODE) problems.push({ kind: 'too_long', ...at(row), ...label, message: `${where(row)}: the code is longer than ${MAX_CODE} characters` });
    if (!name) problems.push({ kind: 'empty_name', ...at(row), ...label, message: `${where(row)}: unit '${code}' has an empty name` });
    else if (name.length > MAX_NAME) problems.push({ kind: 'too_long', ...at(row), ...label, message: `${where(row)}: the name of '${code}' is longer than ${MAX_NAME} characters` });
    if (code) units.push({ code, name: name ?? '', parentCode: parentCode || null, row });
  }

  const first = new Map<string, (typeof units)[number]>();
  for (const unit of units) {
    const earlier = first.get(unit.code);
    if (earlier) {
      problems.push({
        kind: 'duplicate_code',
        ...at(unit.row),
        code: unit.code,
        message: `${where(unit.row)}: code '${unit.code}' is used more than once (first on ${where(earlier.row)})`,
      });
    } else {
      first.set(unit.code, unit);
    }
  }
  for (const unit of units) {
    if (unit.parentCode !== null && !first.has(unit.parentCode)) {
      problems.push({
        kind: 'unknown_parent',
        ...at(unit.row),
        code: unit.code,
        message: `${where(unit.row)}: parent '${unit.parentCode}' of '${unit.code}' is not in the tree`,
      });
    }
  }
  problems.push(...cycles(first));

  if (problems.length > 0) return { problems: problems.sort(byPosition) };
  return { units: units.map(({ code, name, parentCode }) => ({ code, name, parentCode })) };
}

/** Every unit that is its own ancestor, once per unit, naming the loop. Linear: each unit is walked once. */
function cycles(units: Map<string, { code: string; parentCode: string | null; row: TreeRow }>): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const state = new Map<string, 'walking' | 'done'>();
  for (const start of units.keys()) {
    const path: string[] = [];
    let code: string | null = start;
    while (code !== null && units.has(code) && !state.has(code)) {
      state.set(code, 'walking');
      path.push(code);
      code = units.get(code)?.parentCode ?? null;
    }
    if (code !== null && state.get(code) === 'walking') {
      const loop = path.slice(path.indexOf(code));
      const shown = [...loop, code].join(' → ');
      for (const member of loop) {
        const unit = units.get(member)!;
        problems.push({ kind: 'cycle', ...at(unit.row), code: member, message: `${where(unit.row)}: '${member}' is its own ancestor (${shown})` });
      }
    }
    for (const walked of path) state.set(walked, 'done');
  }
  return problems;
}

function byPosition(a: TreeProblem, b: TreeProblem): number {
  return (a.line ?? a.index ?? -1) - (b.line ?? b.index ?? -1);
}
