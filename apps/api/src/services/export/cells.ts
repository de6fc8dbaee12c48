import type { GeneralisationHierarchy } from '@socialsafety/scoring';

/*
 * Pass 1 of an export: the respondents reduced to what anonymisation needs. Respondents who share every
 * quasi-identifier value (at level 0) form a cell; a cell keeps its count and, per sensitive variable, up to l of the
 * distinct answers in it (enough to decide l-diversity for any union of cells). A million respondents in a few
 * thousand cells cost a few hundred kilobytes instead of a million records.
 */

/** A hierarchy as integer tables: level-0 values numbered in table order, and per level their generalised codes. */
export interface HierarchyTable {
  readonly name: string;
  readonly height: number;
  /** Level-0 value -> its index. */
  readonly index: ReadonlyMap<string, number>;
  /** Per level: index -> code of the generalised value. */
  readonly code: readonly Int32Array[];
  /** Per level: code -> the generalised value. */
  readonly labels: readonly (readonly string[])[];
  /** Per level: code -> how many level-0 values it covers, minus one (the certainty penalty's numerator). */
  readonly spread: readonly Int32Array[];
  /** Level-0 values, minus one (the certainty penalty's denominator). */
  readonly domainMinusOne: number;
}

export function hierarchyTable(name: string, hierarchy: GeneralisationHierarchy): HierarchyTable {
  const values = [...hierarchy.table.keys()];
  const index = new Map(values.map((value, i) => [value, i]));
  const code: Int32Array[] = [];
  const labels: string[][] = [];
  const spread: Int32Array[] = [];
  for (let level = 0; level <= hierarchy.height; level++) {
    const codeOf = new Map<string, number>();
    const levelLabels: string[] = [];
    const covered: number[] = [];
    const levelCode = Int32Array.from(values, (value) => {
      const label = hierarchy.table.get(value)![level]!;
      let c = codeOf.get(label);
      if (c === undefined) {
        c = levelLabels.length;
        codeOf.set(label, c);
        levelLabels.push(label);
        covered.push(0);
      }
      covered[c]! += 1;
      return c;
    });
    code.push(levelCode);
    labels.push(levelLabels);
    spread.push(Int32Array.from(covered, (n) => n - 1));
  }
  return { name, height: hierarchy.height, index, code, labels, spread, domainMinusOne: values.length - 1 };
}

/** Growable typed storage of the cells. */
export class CellCollector {
  readonly tables: readonly HierarchyTable[];
  readonly sensitiveCount: number;
  readonly l: number;
  /** Cells so far. */
  size = 0;
  /** Respondents so far. */
  records = 0;
  count = new Int32Array(64);
  /** Per cell, per quasi-identifier: the level-0 index. */
  qi: Int32Array;
  /** Per cell, per sensitive variable: up to l distinct answer codes, -1 for an empty slot. */
  seen: Int32Array;
  private readonly keys = new Map<number | string, number>();
  private readonly radix: number[];
  private readonly numericKeys: boolean;
  private readonly answers: Map<string, number>[];
  private readonly scratch: Int32Array;

  constructor(tables: readonly HierarchyTable[], sensitiveCount: number, l: number) {
    this.tables = tables;
    this.sensitiveCount = sensitiveCount;
    this.l = l;
    this.qi = new Int32Array(64 * tables.length);
    this.seen = new Int32Array(64 * sensitiveCount * l).fill(-1);
    this.radix = tables.map((t) => t.domainMinusOne + 1);
    this.numericKeys = this.radix.reduce((a, b) => a * b, 1) < 2 ** 52;
    this.answers = Array.from({ length: sensitiveCount }, () => new Map<string, number>());
    this.scratch = new Int32Array(tables.length);
  }

  /**
   * The cell of these level-0 values, or -1 if none holds them.
   * @throws if a value is missing from its hierarchy
   */
  cellOf(values: readonly string[]): number {
    return this.keys.get(this.key(values)) ?? -1;
  }

  /**
   * Counts one respondent: the quasi-identifier values at level 0 and the sensitive answers ('' = no answer).
   * @throws if a value is missing from its hierarchy
   */
  add(values: readonly string[], sensitive: readonly string[]): void {
    const key = this.key(values);
    let cell = this.keys.get(key);
    if (cell === undefined) {
      cell = this.size++;
      this.keys.set(key, cell);
      this.grow();
      this.qi.set(this.scratch, cell * this.tables.length);
    }
    this.count[cell]! += 1;
    this.records += 1;
    const l = this.l;
    for (let v = 0; v < this.sensitiveCount; v++) {
      const answer = sensitive[v] ?? '';
      if (answer === '') continue;
      const dictionary = this.answers[v]!;
      let code = dictionary.get(answer);
      if (code === undefined) dictionary.set(answer, (code = dictionary.size));
      const base = (cell * this.sensitiveCount + v) * l;
      for (let j = 0; j < l; j++) {
        const slot = this.seen[base + j]!;
        if (slot === code) break;
        if (slot === -1) {
          this.seen[base + j] = code;
          break;
        }
      }
    }
  }

  private key(values: readonly string[]): number | string {
    let key = 0;
    for (let q = 0; q < this.tables.length; q++) {
      const table = this.tables[q]!;
      const index = table.index.get(values[q] ?? '');
      if (index === undefined) {
        throw new Error(`quasi-identifier ${JSON.stringify(table.name)} has value ${JSON.stringify(values[q])} missing from its hierarchy`);
      }
      this.scratch[q] = index;
      key = key * this.radix[q]! + index;
    }
    return this.numericKeys ? key : this.scratch.join(',');
  }

  private grow(): void {
    if (this.size <= this.count.length) return;
    const capacity = this.count.length * 2;
    const count = new Int32Array(capacity);
    count.set(this.count);
    this.count = count;
    const qi = new Int32Array(capacity * this.tables.length);
    qi.set(this.qi);
    this.qi = qi;
    const seen = new Int32Array(capacity * this.sensitiveCount * this.l).fill(-1);
    seen.set(this.seen);
    this.seen = seen;
  }
}
