import { encodeQuasiIdentifier, encodeSensitive } from './encoding';
import { evaluateNode, latticeNodes, preferredNode, type NodeResult } from './lattice';
import type { AnonymisedMicrodata, MicrodataRecord, MicrodataSpec, MicrodataValue } from './types';
import { verifyAnonymity } from './verify';

/**
 * Anonymises respondent-level microdata for a research export (disclosure-control.md rule 9): generalises the
 * quasi-identifiers and suppresses records so that every combination of quasi-identifier values occurs >= k times
 * (k-anonymity) with >= l distinct answered values of every sensitive variable (distinct l-diversity).
 *
 * Search: every node of the full-domain generalisation lattice is evaluated with local suppression (lattice.ts);
 * among nodes suppressing at most maxSuppressedShare of the records, the one with the least information loss wins
 * (ties: fewer suppressed records, fewer generalisation steps, then lowest levels in order). A node more general than
 * one that needed no suppression cannot do better (its classes are unions of that node's classes, so it also
 * suppresses nothing, and its values are no more precise), so such nodes are skipped. If no node stays within the
 * limit, the node suppressing fewest records is used and the report says so. The lattice is small (product of
 * hierarchy heights + 1, e.g. 5 x 6 x 2 x 2 = 120 nodes); each node costs O(records x (quasi-identifiers + sensitive)).
 *
 * Released records are sorted by their values, so the export order says nothing about the input order (e.g. the
 * order of submission). Columns neither quasi-identifier, sensitive nor listed in `keep` are dropped (free text
 * must never be exported, so nothing passes by default). The result is checked with the independent verifyAnonymity.
 *
 * @throws on an invalid spec (k < 2, l < 1, a column in two roles) or a quasi-identifier value missing from its
 *   hierarchy
 */
export function anonymiseMicrodata(records: readonly MicrodataRecord[], spec: MicrodataSpec): AnonymisedMicrodata {
  const l = spec.l ?? 2;
  const maxShare = spec.maxSuppressedShare ?? 0.05;
  validate(spec, l, maxShare);

  const quasiIdentifiers = spec.quasiIdentifiers.map((qi) => encodeQuasiIdentifier(records, qi));
  const sensitive = spec.sensitive.map((name) => encodeSensitive(records, name));
  const allowed = Math.floor(maxShare * records.length);

  let best: NodeResult | null = null;
  let fallback: NodeResult | null = null;
  const noSuppression: number[][] = [];
  for (const levels of latticeNodes(quasiIdentifiers.map((qi) => qi.height))) {
    if (noSuppression.some((lower) => lower.every((level, q) => level <= (levels[q] as number)))) continue;
    const result = evaluateNode(levels, quasiIdentifiers, sensitive, records.length, spec.k, l);
    if (result.suppressedCount === 0) noSuppression.push(levels);
    if (result.suppressedCount <= allowed && (best === null || preferredNode(result, best))) best = result;
    if (
      fallback === null ||
      result.suppressedCount < fallback.suppressedCount ||
      (result.suppressedCount === fallback.suppressedCount && preferredNode(result, fallback))
    ) {
      fallback = result;
    }
  }
  const chosen = (best ?? fallback) as NodeResult;

  const keep = spec.keep ?? [];
  const released: { record: MicrodataRecord; order: string }[] = [];
  for (let r = 0; r < records.length; r++) {
    if (chosen.suppressed[r] === 1) continue;
    const source = records[r] as MicrodataRecord;
    const record: Record<string, MicrodataValue> = {};
    quasiIdentifiers.forEach((qi, q) => {
      const level = chosen.levels[q] as number;
      record[qi.name] = qi.labels[level]?.[(qi.codes[level] as Int32Array)[r] as number] as string;
    });
    for (const name of [...spec.sensitive, ...keep]) record[name] = source[name] ?? null;
    released.push({ record, order: JSON.stringify(Object.values(record)) });
  }
  released.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const output = released.map((entry) => entry.record);

  return {
    records: output,
    report: {
      k: spec.k,
      l,
      quasiIdentifiers: quasiIdentifiers.map((qi) => qi.name),
      sensitive: [...spec.sensitive],
      generalisation: quasiIdentifiers.map((qi, q) => ({
        quasiIdentifier: qi.name,
        level: chosen.levels[q] as number,
        height: qi.height,
      })),
      recordsIn: records.length,
      recordsReleased: output.length,
      recordsSuppressed: chosen.suppressedCount,
      withinSuppressionLimit: best !== null,
      informationLoss: chosen.loss,
      verification: verifyAnonymity(output, {
        quasiIdentifiers: quasiIdentifiers.map((qi) => qi.name),
        sensitive: spec.sensitive,
        k: spec.k,
        l,
      }),
    },
  };
}

function validate(spec: MicrodataSpec, l: number, maxShare: number): void {
  if (!Number.isInteger(spec.k) || spec.k < 2) throw new RangeError(`anonymiseMicrodata requires an integer k >= 2, got ${spec.k}`);
  if (!Number.isInteger(l) || l < 1) throw new RangeError(`anonymiseMicrodata requires an integer l >= 1, got ${l}`);
  if (!(maxShare >= 0 && maxShare <= 1)) throw new RangeError('maxSuppressedShare must lie in [0, 1]');
  const names = [...spec.quasiIdentifiers.map((qi) => qi.name), ...spec.sensitive, ...(spec.keep ?? [])];
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(`column ${JSON.stringify(name)} is given more than one role`);
    seen.add(name);
  }
}
