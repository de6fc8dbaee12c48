import { preferredNode } from '@socialsafety/scoring';
import type { CellCollector, HierarchyTable } from './cells';

/*
 * The anonymisation of an export, decided on cells (cells.ts) rather than on records. It is the search of
 * @socialsafety/scoring's anonymiseMicrodata, step for step: full-domain generalisation over the lattice of levels,
 * local suppression of every equivalence class smaller than k or with fewer than l distinct answers of a sensitive
 * variable, the least information loss among nodes that suppress at most maxSuppressedShare of the records (ties:
 * fewer suppressed, fewer steps, lowest levels), nodes above one that suppressed nothing skipped, and the node that
 * suppresses least when none stays within the limit. anonymiseMicrodata needs every record in memory and returns
 * them all; a cell carries the count of its records, so the same decision costs memory in proportion to the cells.
 * A test holds the two to the same choices (export-planner.test.ts).
 */

export interface PlanOptions {
  readonly k: number;
  readonly l: number;
  readonly maxSuppressedShare: number;
}

interface NodeResult {
  readonly levels: readonly number[];
  /** Per cell: 1 when its class is suppressed. */
  readonly suppressed: Uint8Array;
  readonly suppressedCount: number;
  readonly loss: number;
}

export interface QuasiIdentifierOutcome {
  readonly name: string;
  readonly level: number;
  readonly height: number;
  /** Share of the released records whose value was generalised (or hidden); null when nothing is released. */
  readonly generalisedShare: number | null;
  /** Distinct values left in the released records. */
  readonly distinctValues: number;
}

export interface AnonymisationPlan {
  readonly levels: readonly number[];
  readonly recordsIn: number;
  readonly recordsReleased: number;
  readonly recordsSuppressed: number;
  readonly withinSuppressionLimit: boolean;
  /** Mean normalised certainty penalty over records x quasi-identifiers (a suppressed record counts 1): 0..1. */
  readonly informationLoss: number;
  /** Equivalence classes among the released records, and the smallest. */
  readonly classes: number;
  readonly smallestClass: number | null;
  readonly quasiIdentifiers: readonly QuasiIdentifierOutcome[];
  /** Whether a cell's records are released. */
  released(cell: number): boolean;
  /** The generalised value a cell's records carry for quasi-identifier q. */
  value(cell: number, q: number): string;
}

/** All nodes, fewest generalisation steps first, then in lexicographic order. */
function latticeNodes(heights: readonly number[]): number[][] {
  let nodes: number[][] = [[]];
  for (const height of heights) nodes = nodes.flatMap((prefix) => Array.from({ length: height + 1 }, (_, level) => [...prefix, level]));
  const sum = (node: readonly number[]) => node.reduce((a, b) => a + b, 0);
  return nodes.sort((a, b) => sum(a) - sum(b) || compareLevels(a, b));
}

function compareLevels(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Each cell's equivalence class at these levels. */
function classesAt(cells: CellCollector, levels: readonly number[]): { classOf: Int32Array; classes: number } {
  const tables = cells.tables;
  const q = tables.length;
  const radix = tables.map((t, i) => t.labels[levels[i]!]!.length);
  const numeric = radix.reduce((a, b) => a * b, 1) < 2 ** 52;
  const classOf = new Int32Array(cells.size);
  const index = new Map<number | string, number>();
  const codes = new Array<number>(q);
  for (let c = 0; c < cells.size; c++) {
    let key = 0;
    for (let i = 0; i < q; i++) {
      const code = tables[i]!.code[levels[i]!]![cells.qi[c * q + i]!]!;
      codes[i] = code;
      key = key * radix[i]! + code;
    }
    const k: number | string = numeric ? key : codes.join(',');
    let cls = index.get(k);
    if (cls === undefined) index.set(k, (cls = index.size));
    classOf[c] = cls;
  }
  return { classOf, classes: index.size };
}

function evaluate(cells: CellCollector, levels: readonly number[], options: PlanOptions): NodeResult {
  const { k, l } = options;
  const { classOf, classes } = classesAt(cells, levels);
  const size = new Int32Array(classes);
  for (let c = 0; c < cells.size; c++) size[classOf[c]!]! += cells.count[c]!;
  const failing = new Uint8Array(classes);
  for (let cls = 0; cls < classes; cls++) if (size[cls]! < k) failing[cls] = 1;

  const V = cells.sensitiveCount;
  const cellL = cells.l;
  for (let v = 0; v < V; v++) {
    const distinct = new Int32Array(classes);
    const seen = new Int32Array(classes * l).fill(-1);
    for (let c = 0; c < cells.size; c++) {
      const cls = classOf[c]!;
      const base = (c * V + v) * cellL;
      for (let j = 0; j < cellL; j++) {
        const code = cells.seen[base + j]!;
        if (code < 0) break;
        const found = distinct[cls]!;
        if (found >= l) break;
        let known = false;
        for (let i = 0; i < found; i++) if (seen[cls * l + i] === code) known = true;
        if (!known) {
          seen[cls * l + found] = code;
          distinct[cls] = found + 1;
        }
      }
    }
    for (let cls = 0; cls < classes; cls++) if (distinct[cls]! > 0 && distinct[cls]! < l) failing[cls] = 1;
  }

  const tables = cells.tables;
  const q = tables.length;
  const suppressed = new Uint8Array(cells.size);
  let suppressedCount = 0;
  const spread = new Float64Array(q);
  for (let c = 0; c < cells.size; c++) {
    const n = cells.count[c]!;
    if (failing[classOf[c]!] === 1) {
      suppressed[c] = 1;
      suppressedCount += n;
      continue;
    }
    for (let i = 0; i < q; i++) {
      const table = tables[i]!;
      const level = levels[i]!;
      spread[i]! += n * table.spread[level]![table.code[level]![cells.qi[c * q + i]!]!]!;
    }
  }
  let penalty = suppressedCount * q;
  for (let i = 0; i < q; i++) if (tables[i]!.domainMinusOne > 0) penalty += spread[i]! / tables[i]!.domainMinusOne;
  const total = cells.records * q;
  return { levels, suppressed, suppressedCount, loss: total === 0 ? 0 : penalty / total };
}

/**
 * Chooses the generalisation levels and the suppressed cells.
 * @throws on k < 2 or l < 1 (the same limits as anonymiseMicrodata)
 */
export function planAnonymisation(cells: CellCollector, options: PlanOptions): AnonymisationPlan {
  if (!Number.isInteger(options.k) || options.k < 2) throw new RangeError(`an export needs an integer k >= 2, got ${options.k}`);
  if (!Number.isInteger(options.l) || options.l < 1 || options.l > cells.l) throw new RangeError(`an export needs 1 <= l <= ${cells.l}, got ${options.l}`);
  const allowed = Math.floor(options.maxSuppressedShare * cells.records);
  let best: NodeResult | null = null;
  let fallback: NodeResult | null = null;
  const noSuppression: number[][] = [];
  for (const levels of latticeNodes(cells.tables.map((t) => t.height))) {
    if (noSuppression.some((lower) => lower.every((level, i) => level <= levels[i]!))) continue;
    const result = evaluate(cells, levels, options);
    if (result.suppressedCount === 0) noSuppression.push(levels);
    if (result.suppressedCount <= allowed && (best === null || preferredNode(result, best))) best = result;
    if (fallback === null || result.suppressedCount < fallback.suppressedCount || (result.suppressedCount === fallback.suppressedCount && preferredNode(result, fallback))) {
      fallback = result;
    }
  }
  return describe(cells, (best ?? fallback)!, best !== null);
}

function describe(cells: CellCollector, chosen: NodeResult, withinSuppressionLimit: boolean): AnonymisationPlan {
  const tables = cells.tables;
  const q = tables.length;
  const { classOf, classes } = classesAt(cells, chosen.levels);
  const size = new Int32Array(classes);
  for (let c = 0; c < cells.size; c++) if (chosen.suppressed[c] === 0) size[classOf[c]!]! += cells.count[c]!;
  const released = [...size].filter((n) => n > 0);
  const recordsReleased = cells.records - chosen.suppressedCount;
  const codeAt = (c: number, i: number) => tables[i]!.code[chosen.levels[i]!]![cells.qi[c * q + i]!]!;
  return {
    levels: chosen.levels,
    recordsIn: cells.records,
    recordsReleased,
    recordsSuppressed: chosen.suppressedCount,
    withinSuppressionLimit,
    informationLoss: chosen.loss,
    classes: released.length,
    smallestClass: released.length === 0 ? null : Math.min(...released),
    quasiIdentifiers: tables.map((table: HierarchyTable, i) => {
      let generalised = 0;
      const values = new Set<number>();
      const level = chosen.levels[i]!;
      for (let c = 0; c < cells.size; c++) {
        if (chosen.suppressed[c] === 1) continue;
        const code = codeAt(c, i);
        values.add(code);
        if (table.labels[level]![code] !== table.labels[0]![table.code[0]![cells.qi[c * q + i]!]!]) generalised += cells.count[c]!;
      }
      return {
        name: table.name,
        level,
        height: table.height,
        generalisedShare: recordsReleased === 0 ? null : generalised / recordsReleased,
        distinctValues: values.size,
      };
    }),
    released: (cell) => chosen.suppressed[cell] === 0,
    value: (cell, i) => tables[i]!.labels[chosen.levels[i]!]![codeAt(cell, i)]!,
  };
}
