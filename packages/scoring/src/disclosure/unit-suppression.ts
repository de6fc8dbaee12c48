import { frontierOf } from './frontier';
import type { IndexedTree } from './tree';

/*
 * Rules 1 and 2 on the unit tree, for one tier.
 *
 * The published unit groups form a laminar family (any two are nested or disjoint). For such a family the groups an
 * attacker can derive by adding and subtracting published counts are exactly the unions of "atoms", where the atom of
 * a published unit is its subtree minus its published frontier (README.md, "Why atoms"). So rule 2 holds everywhere,
 * for every subset of children and across any number of levels, as soon as every atom is 0 or >= threshold.
 *
 * Strategy (worked example of disclosure-control.md): parents take priority. Units are visited top-down; while a
 * unit's atom is in (0, threshold), its smallest frontier member whose own atom is non-empty is suppressed (ties by
 * id), which moves that member's atom into the parent's. Suppressing members only ever adds to the parent's atom, and
 * with no member left the atom is the unit's whole group (>= threshold by rule 1), so the loop always ends with the
 * parent published. Visiting descendants later never changes an ancestor's frontier (a unit only suppresses members
 * of its own frontier), so one top-down pass reaches the fixed point; assertUnitAtoms re-checks it.
 */

/** Subtree count minus the counts of the frontier: what an attacker derives as "unit minus everything published below". */
export function unitAtom(tree: IndexedTree, unit: number, frontier: readonly number[]): number {
  let atom = tree.total[unit] as number;
  for (const member of frontier) atom -= tree.total[member] as number;
  return atom;
}

/**
 * @param eligible units that may be published in this tier at all (null: every unit)
 * @returns 1 for each published unit
 */
export function suppressUnits(tree: IndexedTree, threshold: number, eligible: Uint8Array | null): Uint8Array {
  const n = tree.ids.length;
  const published = new Uint8Array(n);
  for (let unit = 0; unit < n; unit++) {
    const allowed = eligible === null || eligible[unit] === 1;
    published[unit] = allowed && (tree.total[unit] as number) >= threshold ? 1 : 0;
  }

  for (const unit of tree.topDown) {
    if (published[unit] !== 1) continue;
    const frontier = frontierOf(tree, unit, published);
    const atom = unitAtom(tree, unit, frontier);
    if (atom > 0 && atom < threshold) repairUnitAtom(tree, published, frontier, atom, threshold);
  }
  assertUnitAtoms(tree, published, threshold);
  return published;
}

/** Suppresses frontier members of one unit, smallest first, until its atom is 0 or >= threshold. */
function repairUnitAtom(
  tree: IndexedTree,
  published: Uint8Array,
  start: number[],
  startAtom: number,
  threshold: number,
): void {
  let frontier = start;
  let atom = startAtom;
  // The members' own atoms do not change while this unit is being fixed: only this unit's frontier is touched.
  const memberAtom = new Map<number, { atom: number; frontier: number[] }>();
  const describe = (member: number) => {
    let entry = memberAtom.get(member);
    if (entry === undefined) {
      const below = frontierOf(tree, member, published);
      entry = { atom: unitAtom(tree, member, below), frontier: below };
      memberAtom.set(member, entry);
    }
    return entry;
  };
  while (atom > 0 && atom < threshold) {
    const victim = smallestMember(tree, frontier, (member) => describe(member).atom > 0)
      ?? smallestMember(tree, frontier, () => true);
    if (victim === undefined) throw new Error('unit suppression: no frontier member left to suppress');
    const { atom: victimAtom, frontier: victimFrontier } = describe(victim);
    published[victim] = 0;
    atom += victimAtom;
    frontier = frontier.filter((member) => member !== victim).concat(victimFrontier);
  }
}

/** Smallest subtree count first, ties by id (indices are in id order). */
function smallestMember(
  tree: IndexedTree,
  members: readonly number[],
  accept: (member: number) => boolean,
): number | undefined {
  let best: number | undefined;
  for (const member of members) {
    if (!accept(member)) continue;
    if (
      best === undefined ||
      (tree.total[member] as number) < (tree.total[best] as number) ||
      (tree.total[member] === tree.total[best] && member < best)
    ) {
      best = member;
    }
  }
  return best;
}

/** Invariant check: rule 1 and every atom 0 or >= threshold. Throws, because publishing anyway would be a breach. */
export function assertUnitAtoms(tree: IndexedTree, published: Uint8Array, threshold: number): void {
  for (let unit = 0; unit < published.length; unit++) {
    if (published[unit] !== 1) continue;
    if ((tree.total[unit] as number) < threshold) throw new Error(`unit ${tree.ids[unit]} published below threshold`);
    const atom = unitAtom(tree, unit, frontierOf(tree, unit, published));
    if (atom > 0 && atom < threshold) throw new Error(`unit ${tree.ids[unit]} exposes a remainder of ${atom}`);
  }
}
