import type { View, ViewCell } from './views';

/*
 * Which cells of a view contain which: the raw material of every set attack.
 *
 * Cells with identical leaf sets are one group and are merged first (differing counts for one group are reported as
 * an anomaly). Candidate supersets of a cell are only the cells containing its first leaf, found through a
 * leaf -> cells index, so the cost is about (cells x cells-per-leaf x log leaves) rather than cells squared.
 */

export interface ContainmentIndex {
  readonly cells: readonly ViewCell[];
  /** For each leaf, the cells containing it, ascending. */
  readonly cellsOfLeaf: readonly Int32Array[];
  /** For each cell, the cells strictly inside it, ascending. */
  readonly inside: readonly number[][];
}

export function dedupeCells(view: View, anomalies: string[]): ViewCell[] {
  const byKey = new Map<string, ViewCell>();
  for (const entry of view.cells) {
    const key = entry.leaves.join(',');
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, entry);
    else if (seen.cell.count !== entry.cell.count) {
      anomalies.push(`cells ${seen.cell.id} and ${entry.cell.id} describe the same group with different counts`);
    }
  }
  return [...byKey.values()];
}

export function buildContainment(cells: readonly ViewCell[], leafCount: number): ContainmentIndex {
  const degree = new Int32Array(leafCount);
  for (const entry of cells) for (const leaf of entry.leaves) degree[leaf] = (degree[leaf] as number) + 1;
  const cellsOfLeaf = Array.from(degree, (d) => new Int32Array(d));
  const fill = new Int32Array(leafCount);
  cells.forEach((entry, index) => {
    for (const leaf of entry.leaves) {
      (cellsOfLeaf[leaf] as Int32Array)[fill[leaf] as number] = index;
      fill[leaf] = (fill[leaf] as number) + 1;
    }
  });

  const inside: number[][] = cells.map(() => []);
  cells.forEach((entry, index) => {
    const first = entry.leaves[0];
    if (first === undefined) return;
    for (const candidate of cellsOfLeaf[first] as Int32Array) {
      const outer = cells[candidate] as ViewCell;
      if (outer.leaves.length > entry.leaves.length && isSubset(entry.leaves, outer.leaves)) {
        inside[candidate]?.push(index);
      }
    }
  });
  return { cells, cellsOfLeaf, inside };
}

/** Both sorted ascending. Binary search per element: cheap when the inner set is much smaller. */
export function isSubset(inner: Int32Array, outer: Int32Array): boolean {
  let low = 0;
  for (const value of inner) {
    let high = outer.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((outer[mid] as number) < value) low = mid + 1;
      else high = mid;
    }
    if (outer[low] !== value) return false;
    low++;
  }
  return true;
}

/** outer minus the union of `removed`, all sorted ascending. */
export function difference(outer: Int32Array, removed: readonly Int32Array[]): number[] {
  const drop = new Set<number>();
  for (const set of removed) for (const value of set) drop.add(value);
  const result: number[] = [];
  for (const value of outer) if (!drop.has(value)) result.push(value);
  return result;
}
