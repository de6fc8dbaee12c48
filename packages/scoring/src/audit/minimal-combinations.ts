import { PRIME, type EchelonRow } from './modular-elimination';

/*
 * Every determined group, through the support-minimal 0/1 vectors of the row space.
 *
 * Why minimal vectors are enough: with the rows in reduced echelon form, a vector of the row space is sum(x_i row_i)
 * with x_i its value at row i's pivot column, so a 0/1 vector is a set S of rows (x_i = 1) whose sum is 0 or 1 in
 * every other column. If v is such a vector and m <= v another one, v - m is again one, so every 0/1 vector is a
 * disjoint sum of minimal ones and its count is the sum of theirs (all >= 0). A count in (0, threshold) therefore
 * implies a minimal vector with a count in (0, threshold): checking every minimal one is complete.
 *
 * Search, for each seed row i (the smallest row of S), from S = {i}, adding rows > i:
 * - while some column sums to a value other than 0 or 1, branch on the open rows touching it (the column with the
 *   fewest first): a valid S containing the current one must contain one of them;
 * - at a valid S, visit it, then branch on the open rows touching its support: a minimal vector v* with a row set
 *   S* strictly containing S must have such a row, since otherwise v(S*) = v(S) + v(S* \ S) with disjoint supports,
 *   so v(S) <= v(S*) and v* would not be minimal.
 * Branch b takes its row and excludes the rows of branches before it, so no set is visited twice. Every minimal
 * vector is thus visited (with some non-minimal ones, which are real determined groups too). A node budget bounds
 * the cost; running out makes the outcome 'partial'. Nested (tree) families need one node per row, since disjoint
 * 0/1 rows touch no other row's support.
 */

export function forEachMinimalCombination(
  rows: readonly EchelonRow[],
  maxNodes: number,
  visit: (members: readonly number[], rhs: number) => void,
): boolean {
  const pivots = new Set(rows.map((row) => row.pivot));
  let width = 0;
  for (const row of rows) for (const column of row.columns.keys()) width = Math.max(width, column + 1);
  const entries = rows.map((row) => [...row.columns].filter(([column]) => !pivots.has(column)));
  const touching: number[][] = Array.from({ length: width }, () => []);
  entries.forEach((list, row) => {
    for (const [column] of list) touching[column]?.push(row);
  });

  // 0 undecided, 1 in S, 2 excluded. Rows before the seed count as excluded.
  const state = new Uint8Array(rows.length);
  const sums = new Float64Array(width);
  const violated = new Set<number>();
  const support = new Set<number>();
  const members: number[] = [];
  let rhs = 0;
  let nodes = 0;
  let seed = 0;

  const apply = (row: number, sign: 1 | -1) => {
    for (const [column, value] of entries[row] ?? []) {
      const sum = ((((sums[column] as number) + sign * value) % PRIME) + PRIME) % PRIME;
      sums[column] = sum;
      if (sum === 0 || sum === 1) violated.delete(column);
      else violated.add(column);
      if (sum === 1) support.add(column);
      else support.delete(column);
    }
    rhs = (((rhs + sign * (rows[row]?.rhs ?? 0)) % PRIME) + PRIME) % PRIME;
  };
  const open = (row: number) => row > seed && state[row] === 0;

  const search = (): boolean => {
    if (++nodes > maxNodes) return false;
    let branches: number[];
    if (violated.size === 0) {
      visit(members, rhs);
      const seen = new Set<number>();
      for (const column of support) {
        for (const row of touching[column] ?? []) if (open(row)) seen.add(row);
      }
      branches = [...seen].sort((a, b) => a - b);
    } else {
      let best: number[] | null = null;
      for (const column of violated) {
        const candidates = (touching[column] ?? []).filter(open);
        if (candidates.length === 0) return true; // dead end: this column can no longer be repaired
        if (best === null || candidates.length < best.length) best = candidates;
      }
      branches = best ?? [];
    }
    const excluded: number[] = [];
    let finished = true;
    for (const row of branches) {
      state[row] = 1;
      members.push(row);
      apply(row, 1);
      finished = search();
      apply(row, -1);
      members.pop();
      state[row] = 2;
      excluded.push(row);
      if (!finished) break;
    }
    for (const row of excluded) state[row] = 0;
    return finished;
  };

  for (seed = 0; seed < rows.length; seed++) {
    state[seed] = 1;
    members.push(seed);
    apply(seed, 1);
    const finished = search();
    apply(seed, -1);
    members.pop();
    state[seed] = 0;
    if (!finished) return false;
  }
  return true;
}
