import type { EncodedQuasiIdentifier } from './encoding';

/*
 * The generalisation lattice (full-domain generalisation, as in Samarati's algorithm and ARX): a node is one level per
 * quasi-identifier, every record generalised to that level. With local suppression, a node's result is: the records
 * of every equivalence class that is smaller than k or not l-diverse are suppressed, the rest are released as they
 * are (removing whole classes leaves the other classes intact, so the release is k-anonymous and l-diverse).
 */

export interface NodeResult {
  readonly levels: readonly number[];
  /** 1 for each suppressed record. */
  readonly suppressed: Uint8Array;
  readonly suppressedCount: number;
  /** Mean certainty penalty over records x quasi-identifiers, a suppressed record counting 1 per quasi-identifier. */
  readonly loss: number;
}

/** All nodes, fewest generalisation steps first (then lexicographic), so cheaper nodes are met first. */
export function latticeNodes(heights: readonly number[]): number[][] {
  let nodes: number[][] = [[]];
  for (const height of heights) {
    nodes = nodes.flatMap((prefix) => Array.from({ length: height + 1 }, (_, level) => [...prefix, level]));
  }
  const sum = (node: readonly number[]) => node.reduce((a, b) => a + b, 0);
  return nodes.sort((a, b) => sum(a) - sum(b) || compareLevels(a, b));
}

/** What decides between two nodes that both stay within the suppression limit. */
export interface NodeChoice {
  readonly levels: readonly number[];
  readonly suppressedCount: number;
  readonly loss: number;
}

/**
 * Losses closer than this are equal. The same loss summed in another order (per record here, per cell of records in
 * the export's planner) or reached by two nodes that lose exactly as much can differ in the last bits of a double,
 * and a choice made by those bits would differ between the two implementations.
 */
export const LOSS_TIE = 1e-9;

/** Whether node a is preferred to b: less information loss, then fewer suppressed records, fewer steps, lower levels. */
export function preferredNode(a: NodeChoice, b: NodeChoice): boolean {
  if (Math.abs(a.loss - b.loss) > LOSS_TIE) return a.loss < b.loss;
  if (a.suppressedCount !== b.suppressedCount) return a.suppressedCount < b.suppressedCount;
  const steps = (levels: readonly number[]) => levels.reduce((x, y) => x + y, 0);
  if (steps(a.levels) !== steps(b.levels)) return steps(a.levels) < steps(b.levels);
  return compareLevels(a.levels, b.levels) < 0;
}

export function compareLevels(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}

export function evaluateNode(
  levels: readonly number[],
  quasiIdentifiers: readonly EncodedQuasiIdentifier[],
  sensitive: readonly Int32Array[],
  recordCount: number,
  k: number,
  l: number,
): NodeResult {
  // Equivalence class of each record, keyed by its generalised codes.
  const classOf = new Int32Array(recordCount);
  const classIndex = new Map<string | number, number>();
  const columns = quasiIdentifiers.map((qi, q) => qi.codes[levels[q] as number] as Int32Array);
  const radix = quasiIdentifiers.map((qi, q) => qi.labels[levels[q] as number]?.length ?? 1);
  const numericKeys = radix.reduce((product, r) => product * r, 1) < 2 ** 52;
  for (let r = 0; r < recordCount; r++) {
    let key: string | number = 0;
    if (numericKeys) {
      for (let q = 0; q < columns.length; q++) key = key * (radix[q] as number) + ((columns[q] as Int32Array)[r] as number);
    } else key = columns.map((column) => column[r]).join(',');
    let index = classIndex.get(key);
    if (index === undefined) classIndex.set(key, (index = classIndex.size));
    classOf[r] = index;
  }

  const classes = classIndex.size;
  const size = new Int32Array(classes);
  for (let r = 0; r < recordCount; r++) size[classOf[r] as number] = (size[classOf[r] as number] as number) + 1;
  const failing = new Uint8Array(classes);
  for (let c = 0; c < classes; c++) if ((size[c] as number) < k) failing[c] = 1;

  // Distinct answered values per class, counted up to l (enough to decide).
  for (const codes of sensitive) {
    const distinct = new Int32Array(classes);
    const seen = new Int32Array(classes * l).fill(-1);
    for (let r = 0; r < recordCount; r++) {
      const code = codes[r] as number;
      if (code < 0) continue;
      const c = classOf[r] as number;
      const found = distinct[c] as number;
      if (found >= l) continue;
      let known = false;
      for (let i = 0; i < found; i++) if (seen[c * l + i] === code) known = true;
      if (!known) {
        seen[c * l + found] = code;
        distinct[c] = found + 1;
      }
    }
    for (let c = 0; c < classes; c++) {
      const found = distinct[c] as number;
      if (found > 0 && found < l) failing[c] = 1;
    }
  }

  const suppressed = new Uint8Array(recordCount);
  let suppressedCount = 0;
  let penalty = 0;
  for (let r = 0; r < recordCount; r++) {
    if (failing[classOf[r] as number] === 1) {
      suppressed[r] = 1;
      suppressedCount++;
      penalty += quasiIdentifiers.length;
      continue;
    }
    for (let q = 0; q < quasiIdentifiers.length; q++) {
      const qi = quasiIdentifiers[q] as EncodedQuasiIdentifier;
      const level = levels[q] as number;
      penalty += (qi.penalty[level] as Float64Array)[(qi.codes[level] as Int32Array)[r] as number] as number;
    }
  }
  const cells = recordCount * quasiIdentifiers.length;
  return { levels, suppressed, suppressedCount, loss: cells === 0 ? 0 : penalty / cells };
}
