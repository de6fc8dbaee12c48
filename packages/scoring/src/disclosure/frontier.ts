import type { IndexedTree } from './tree';

/**
 * The frontier of a unit: its maximal proper descendants that carry a flag (published, or having a cut).
 *
 * Why the frontier and not the children: a hidden child does not stop an attacker from subtracting a published
 * grandchild. The groups that can be subtracted from a unit's cell are exactly those of its frontier, which are
 * pairwise disjoint, so "the unit minus its frontier" (its atom) is the smallest remainder anyone can derive.
 */
export function frontierOf(tree: IndexedTree, start: number, flags: Uint8Array): number[] {
  const found: number[] = [];
  const stack = [...(tree.children[start] ?? [])];
  while (stack.length > 0) {
    const unit = stack.pop() as number;
    if (flags[unit] === 1) found.push(unit);
    else for (const child of tree.children[unit] ?? []) stack.push(child);
  }
  return found.sort((a, b) => a - b);
}
