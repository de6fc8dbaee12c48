/** Small helpers over a flat tree of `{ id, parentId }` (a measurement's frozen unit tree). */

export interface TreeNode {
  id: string;
  parentId: string | null;
}

/** Units in an order where every parent comes before its children. */
export function topDown<T extends TreeNode>(nodes: readonly T[]): T[] {
  const children = new Map<string | null, T[]>();
  for (const node of nodes) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node]);
  const ids = new Set(nodes.map((n) => n.id));
  const out: T[] = [];
  const stack = nodes.filter((n) => n.parentId === null || !ids.has(n.parentId)).reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    stack.push(...(children.get(node.id) ?? []).slice().reverse());
  }
  return out;
}

/** Sums per-unit values over every unit's subtree (the unit and all its descendants). */
export function subtreeSums<T extends TreeNode>(nodes: readonly T[], value: (node: T) => number): Map<string, number> {
  const sums = new Map(nodes.map((n) => [n.id, value(n)]));
  for (const node of topDown(nodes).reverse()) {
    if (node.parentId !== null && sums.has(node.parentId)) {
      sums.set(node.parentId, (sums.get(node.parentId) ?? 0) + (sums.get(node.id) ?? 0));
    }
  }
  return sums;
}

/** The ids of the subtrees under `roots` (roots included); unknown roots add nothing. */
export function subtreeIds(nodes: readonly TreeNode[], roots: Iterable<string>): Set<string> {
  const inside = new Set<string>(roots);
  for (const node of topDown(nodes)) {
    if (node.parentId !== null && inside.has(node.parentId)) inside.add(node.id);
  }
  const known = new Set(nodes.map((n) => n.id));
  return new Set([...inside].filter((id) => known.has(id)));
}
