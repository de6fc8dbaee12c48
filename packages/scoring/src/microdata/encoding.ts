import { coverage, MISSING_VALUE } from './hierarchy';
import type { MicrodataRecord, QuasiIdentifier } from './types';

/*
 * Records turned into small integer codes once, so that evaluating a generalisation (which the search does for every
 * node of the lattice) is array arithmetic rather than string handling.
 */

export interface EncodedQuasiIdentifier {
  readonly name: string;
  readonly height: number;
  /** Per level: each record's code. */
  readonly codes: readonly Int32Array[];
  /** Per level: code -> generalised value. */
  readonly labels: readonly (readonly string[])[];
  /** Per level: code -> normalised certainty penalty, (values covered - 1) / (domain size - 1). */
  readonly penalty: readonly Float64Array[];
}

export function encodeQuasiIdentifier(records: readonly MicrodataRecord[], quasiIdentifier: QuasiIdentifier): EncodedQuasiIdentifier {
  const { hierarchy, name } = quasiIdentifier;
  const covered = coverage(hierarchy);
  const domain = hierarchy.table.size;
  const codes: Int32Array[] = [];
  const labels: string[][] = [];
  const penalty: Float64Array[] = [];
  for (let level = 0; level <= hierarchy.height; level++) {
    const codeOf = new Map<string, number>();
    const levelLabels: string[] = [];
    const levelCodes = new Int32Array(records.length);
    records.forEach((record, index) => {
      const raw = record[name];
      const value = raw === null || raw === undefined ? MISSING_VALUE : String(raw);
      const label = hierarchy.table.get(value)?.[level];
      if (label === undefined) {
        throw new Error(`quasi-identifier ${JSON.stringify(name)} has value ${JSON.stringify(value)} missing from its hierarchy`);
      }
      let code = codeOf.get(label);
      if (code === undefined) {
        code = levelLabels.length;
        codeOf.set(label, code);
        levelLabels.push(label);
      }
      levelCodes[index] = code;
    });
    codes.push(levelCodes);
    labels.push(levelLabels);
    penalty.push(
      Float64Array.from(levelLabels, (label) => (domain <= 1 ? 0 : ((covered[level]?.get(label) ?? 1) - 1) / (domain - 1))),
    );
  }
  return { name, height: hierarchy.height, codes, labels, penalty };
}

/** Per record: a code per distinct value (compared as JSON), -1 for no answer (null or absent). */
export function encodeSensitive(records: readonly MicrodataRecord[], name: string): Int32Array {
  const codeOf = new Map<string, number>();
  return Int32Array.from(records, (record) => {
    const value = record[name];
    if (value === null || value === undefined) return -1;
    const key = JSON.stringify(value);
    let code = codeOf.get(key);
    if (code === undefined) codeOf.set(key, (code = codeOf.size));
    return code;
  });
}
