/*
 * Sparse Gauss-Jordan elimination modulo a prime: the reduced row echelon form of the cell x class incidence matrix,
 * with each row's right-hand side (its count) and its combination of original cells.
 *
 * Why modular: exact rational arithmetic on thousands of rows is slow and its numbers can grow without bound; modulo
 * a prime every number fits a double exactly (p^2 < 2^53), and the result equals the rational RREF reduced mod p
 * unless p divides one of the (small) minors of a 0/1 matrix, which for p near 2^26 does not happen in practice.
 * Counts are recovered exactly because a determined group's count is an integer far below p / 2.
 *
 * Rows are inserted smallest first and pivot on their first remaining column, which for nested families keeps the
 * fill-in small (a parent row reduced by its children keeps only its own remainder's columns).
 */

export const PRIME = 67108859; // largest prime below 2^26

function mulMod(a: number, b: number): number {
  return (a * b) % PRIME;
}

export function invMod(a: number): number {
  // Fermat: a^(p-2) mod p, by square and multiply.
  let result = 1;
  let base = ((a % PRIME) + PRIME) % PRIME;
  let exponent = PRIME - 2;
  while (exponent > 0) {
    if (exponent & 1) result = mulMod(result, base);
    base = mulMod(base, base);
    exponent = Math.floor(exponent / 2);
  }
  return result;
}

/** Value in (-p/2, p/2]: the integer a small count or coefficient stands for. */
export function centred(a: number): number {
  const r = ((a % PRIME) + PRIME) % PRIME;
  return r > PRIME / 2 ? r - PRIME : r;
}

/** Smallest-denominator fraction n/d with n = a d (mod p), |n|, d <= sqrt(p/2): turns 1/2 mod p back into 0.5. */
export function rationalOf(a: number): number {
  const bound = Math.sqrt(PRIME / 2);
  let [r0, r1] = [PRIME, ((a % PRIME) + PRIME) % PRIME];
  let [t0, t1] = [0, 1];
  while (r1 > bound) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return t1 === 0 ? Number.NaN : r1 / t1;
}

export interface EchelonRow {
  /** column -> value, pivot column has value 1. */
  readonly columns: Map<number, number>;
  /** original row index -> coefficient. */
  readonly combination: Map<number, number>;
  rhs: number;
  readonly pivot: number;
}

export interface Elimination {
  readonly rows: EchelonRow[];
  /** Original rows that reduced to zero but whose right-hand side did not: inconsistent counts. */
  readonly inconsistent: number[];
  /** False when the nonzero budget ran out; rows are then incomplete. */
  readonly finished: boolean;
}

/** row -= factor * other, on columns (tracking new pivot columns through `onNew`), combination and rhs. */
function subtract(
  row: { columns: Map<number, number>; combination: Map<number, number>; rhs: number },
  other: EchelonRow,
  factor: number,
  onNew: (column: number) => void,
): void {
  for (const [column, value] of other.columns) {
    const before = row.columns.get(column) ?? 0;
    const after = (((before - mulMod(factor, value)) % PRIME) + PRIME) % PRIME;
    if (after === 0) row.columns.delete(column);
    else {
      row.columns.set(column, after);
      if (before === 0) onNew(column);
    }
  }
  for (const [source, value] of other.combination) {
    const after = ((((row.combination.get(source) ?? 0) - mulMod(factor, value)) % PRIME) + PRIME) % PRIME;
    if (after === 0) row.combination.delete(source);
    else row.combination.set(source, after);
  }
  row.rhs = (((row.rhs - mulMod(factor, other.rhs)) % PRIME) + PRIME) % PRIME;
}

/**
 * @param rows each row's columns (all with value 1) and right-hand side, in the order to insert them
 * @param columnCount number of columns
 */
export function eliminate(
  rows: readonly { readonly columns: readonly number[]; readonly rhs: number; readonly source: number }[],
  columnCount: number,
  maxNonzeros: number,
): Elimination {
  const pivotOrder = new Int32Array(columnCount).fill(-1);
  const echelon: EchelonRow[] = [];
  const inconsistent: number[] = [];
  let nonzeros = 0;

  for (const input of rows) {
    const row = {
      columns: new Map(input.columns.map((column) => [column, 1])),
      combination: new Map([[input.source, 1]]),
      rhs: ((input.rhs % PRIME) + PRIME) % PRIME,
    };
    // Eliminate existing pivots in insertion order: row i has zeros at the pivots of rows before it, so subtracting
    // it can only bring in pivots of later rows, which the heap then handles in turn.
    const heap = new MinHeap();
    for (const column of row.columns.keys()) {
      const order = pivotOrder[column] as number;
      if (order >= 0) heap.push(order);
    }
    while (heap.size > 0) {
      const order = heap.pop();
      const pivotRow = echelon[order] as EchelonRow;
      const factor = row.columns.get(pivotRow.pivot);
      if (factor === undefined) continue;
      subtract(row, pivotRow, factor, (column) => {
        const later = pivotOrder[column] as number;
        if (later >= 0) heap.push(later);
      });
    }
    if (row.columns.size === 0) {
      if (row.rhs !== 0) inconsistent.push(input.source);
      continue;
    }
    let pivot = Number.POSITIVE_INFINITY;
    for (const column of row.columns.keys()) pivot = Math.min(pivot, column);
    const scale = invMod(row.columns.get(pivot) as number);
    for (const [column, value] of row.columns) row.columns.set(column, mulMod(value, scale));
    for (const [source, value] of row.combination) row.combination.set(source, mulMod(value, scale));
    row.rhs = mulMod(row.rhs, scale);
    pivotOrder[pivot] = echelon.length;
    echelon.push({ ...row, pivot });
    nonzeros += row.columns.size + row.combination.size;
    if (nonzeros > maxNonzeros) return { rows: echelon, inconsistent, finished: false };
  }

  // Back substitution, last row first: each later row is already fully reduced, so subtracting it clears one pivot
  // column without bringing in another.
  for (let i = echelon.length - 1; i >= 0; i--) {
    const row = echelon[i] as EchelonRow;
    for (const column of [...row.columns.keys()]) {
      const order = pivotOrder[column] as number;
      if (order <= i) continue;
      const factor = row.columns.get(column);
      if (factor !== undefined) subtract(row, echelon[order] as EchelonRow, factor, () => {});
    }
    nonzeros += row.columns.size + row.combination.size;
    if (nonzeros > 4 * maxNonzeros) return { rows: echelon, inconsistent, finished: false };
  }
  return { rows: echelon, inconsistent, finished: true };
}

/** Binary min-heap of row orders (duplicates allowed; a stale entry is skipped by the caller). */
class MinHeap {
  private readonly items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(value: number): void {
    const items = this.items;
    items.push(value);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((items[parent] as number) <= value) break;
      items[i] = items[parent] as number;
      i = parent;
    }
    items[i] = value;
  }

  pop(): number {
    const items = this.items;
    const top = items[0] as number;
    const last = items.pop() as number;
    if (items.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= items.length) break;
        const right = left + 1;
        const child = right < items.length && (items[right] as number) < (items[left] as number) ? right : left;
        if ((items[child] as number) >= last) break;
        items[i] = items[child] as number;
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}
