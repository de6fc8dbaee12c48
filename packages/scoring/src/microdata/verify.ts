import type { AnonymityRequirement, AnonymityVerification, AnonymityViolation, MicrodataRecord } from './types';

/*
 * Independent check of k-anonymity and distinct l-diversity on any table, written apart from the anonymiser (it
 * imports nothing from it) so that a mistake there is not repeated here.
 *
 * Equivalence classes are the records sharing every quasi-identifier value (compared as strings; null is its own
 * value). Distinct l-diversity counts the distinct answered (non-null) values of each sensitive variable in a class;
 * a class in which nobody answered discloses nothing and passes. A class with answers but fewer than l distinct ones
 * fails, even if some members did not answer: "the ones who answered all said yes" is exactly the homogeneity attack
 * l-diversity exists to stop.
 */

function show(value: unknown): string {
  return value === null || value === undefined ? '(null)' : String(value);
}

/**
 * @example
 * verifyAnonymity([{ unit: 'A', harassed: 1 }, { unit: 'A', harassed: 0 }], {
 *   quasiIdentifiers: ['unit'], sensitive: ['harassed'], k: 2, l: 2,
 * }).ok; // true
 */
export function verifyAnonymity(records: readonly MicrodataRecord[], requirement: AnonymityRequirement): AnonymityVerification {
  const classes = new Map<string, MicrodataRecord[]>();
  for (const record of records) {
    const key = JSON.stringify(requirement.quasiIdentifiers.map((name) => show(record[name])));
    const members = classes.get(key);
    if (members === undefined) classes.set(key, [record]);
    else members.push(record);
  }

  const violations: AnonymityViolation[] = [];
  let smallestClass: number | null = null;
  let lowestDiversity: number | null = null;
  for (const [key, members] of [...classes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const values = JSON.parse(key) as string[];
    const quasiIdentifierValues = Object.fromEntries(requirement.quasiIdentifiers.map((name, i) => [name, values[i] ?? '']));
    smallestClass = smallestClass === null ? members.length : Math.min(smallestClass, members.length);
    if (members.length < requirement.k) {
      violations.push({ kind: 'k-anonymity', quasiIdentifierValues, size: members.length });
    }
    for (const variable of requirement.sensitive) {
      const answered = new Set<string>();
      for (const member of members) {
        const value = member[variable];
        if (value !== null && value !== undefined) answered.add(JSON.stringify(value));
      }
      if (answered.size === 0) continue;
      lowestDiversity = lowestDiversity === null ? answered.size : Math.min(lowestDiversity, answered.size);
      if (answered.size < requirement.l) {
        violations.push({ kind: 'l-diversity', quasiIdentifierValues, size: members.length, variable, distinct: answered.size });
      }
    }
  }
  return { ok: violations.length === 0, records: records.length, classes: classes.size, smallestClass, lowestDiversity, violations };
}
