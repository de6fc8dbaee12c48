import { difference, type ContainmentIndex } from './containment';
import type { DerivationTerm } from './types';

/*
 * The enumerated attacks of rule 5, by set algebra on one view.
 *
 * 1. Nested difference: for any two cells X inside Y, the group Y \ X has the count Y - X. This covers a unit minus
 *    one child, a unit minus one of its demographic cells, a band of a unit minus the same band of a sub-unit, and
 *    the difference of two "sibling" cells of which one contains the other.
 * 2. Parent remainder: for a cell Y and a family of disjoint cells inside it, Y minus the family's union. Why only
 *    full families, not every subset: Y - sum(S) = R + sum(F \ S) where R = Y - sum(F) is the count of a set (so
 *    >= 0) and every member of F is a published cell (so >= its threshold, or already reported by rule 1). So any
 *    proper subset leaves at least one member in, and only R itself can fall in (0, threshold). The families tried
 *    are built from the maximal cells inside Y (those inside no other cell inside Y): if they are pairwise disjoint
 *    (always so for a tree of units, and for a unit's demographic cells) that one family is the only one needed, since
 *    removing a smaller cell instead of the maximal one around it adds that (already checked) nested difference to R.
 *    When maximal cells overlap, greedy disjoint families seeded from each of them are tried (bounded), and the
 *    linear-algebra attack covers the rest.
 * 3. Unions of disjoint siblings only matter through 2 (their count is a sum of counts at or above threshold);
 *    unions of overlapping siblings have no determined count unless their intersection is derivable, which 1, 2 or the
 *    linear-algebra attack finds.
 */

export interface SetLeakCandidate {
  readonly kind: 'nested-difference' | 'parent-remainder';
  readonly size: number;
  readonly leaves: readonly number[];
  readonly derivation: readonly DerivationTerm[];
  /** Cells used, by index into the containment index. */
  readonly cellIndices: readonly number[];
}

export interface SetAttackStats {
  nestedPairs: number;
  remainders: number;
}

export function runSetAttacks(
  index: ContainmentIndex,
  level: number,
  maxFamilies: number,
  report: (candidate: SetLeakCandidate) => void,
  anomalies: string[],
): SetAttackStats {
  const stats: SetAttackStats = { nestedPairs: 0, remainders: 0 };
  const { cells, inside } = index;
  const count = (i: number) => (cells[i] as (typeof cells)[number]).cell.count;
  const id = (i: number) => (cells[i] as (typeof cells)[number]).cell.id;
  const leavesOf = (i: number) => (cells[i] as (typeof cells)[number]).leaves;

  inside.forEach((subs, outer) => {
    for (const inner of subs) {
      stats.nestedPairs++;
      const size = count(outer) - count(inner);
      if (size < 0) anomalies.push(`cell ${id(inner)} lies inside ${id(outer)} but counts more`);
      else if (size > 0 && size < level) {
        report({
          kind: 'nested-difference',
          size,
          leaves: difference(leavesOf(outer), [leavesOf(inner)]),
          derivation: [
            { cellId: id(outer), coefficient: 1 },
            { cellId: id(inner), coefficient: -1 },
          ],
          cellIndices: [outer, inner],
        });
      }
    }

    for (const family of disjointFamilies(index, subs, maxFamilies)) {
      if (family.length < 2) continue;
      stats.remainders++;
      let size = count(outer);
      for (const member of family) size -= count(member);
      if (size < 0) anomalies.push(`cells inside ${id(outer)} count more than it`);
      else if (size > 0 && size < level) {
        report({
          kind: 'parent-remainder',
          size,
          leaves: difference(leavesOf(outer), family.map(leavesOf)),
          derivation: [
            { cellId: id(outer), coefficient: 1 },
            ...family.map((member) => ({ cellId: id(member), coefficient: -1 })),
          ],
          cellIndices: [outer, ...family],
        });
      }
    }
  });
  return stats;
}

/** Disjoint families of the maximal cells among `subs` (see the header: one family when they do not overlap). */
function disjointFamilies(index: ContainmentIndex, subs: readonly number[], maxFamilies: number): number[][] {
  if (subs.length < 2) return [];
  const notMaximal = new Set<number>();
  for (const sub of subs) for (const deeper of index.inside[sub] ?? []) notMaximal.add(deeper);
  const maximal = subs.filter((sub) => !notMaximal.has(sub));
  if (maximal.length < 2) return [];

  const owners = new Map<number, number[]>();
  maximal.forEach((member, local) => {
    for (const leaf of index.cells[member]?.leaves ?? []) {
      const list = owners.get(leaf);
      if (list === undefined) owners.set(leaf, [local]);
      else list.push(local);
    }
  });
  const overlaps = maximal.map(() => new Set<number>());
  let anyOverlap = false;
  for (const list of owners.values()) {
    if (list.length < 2) continue;
    anyOverlap = true;
    for (const a of list) for (const b of list) if (a !== b) overlaps[a]?.add(b);
  }
  if (!anyOverlap) return [maximal];

  // Larger cells first: a family of large cells leaves the smallest remainder.
  const order = maximal
    .map((_, local) => local)
    .sort((a, b) => {
      const ca = index.cells[maximal[a] as number]?.cell.count ?? 0;
      const cb = index.cells[maximal[b] as number]?.cell.count ?? 0;
      return cb - ca || a - b;
    });
  const families = new Map<string, number[]>();
  for (const seed of order) {
    if (families.size >= maxFamilies) break;
    const family = [seed];
    for (const local of order) {
      if (local !== seed && family.every((member) => !overlaps[member]?.has(local))) family.push(local);
    }
    family.sort((a, b) => a - b);
    families.set(family.join(','), family.map((local) => maximal[local] as number));
  }
  return [...families.values()];
}
