import type { MeasurementUnit } from './types';

/** The frozen unit tree as arrays: units sorted by id, parents as indices, and children listed before parents. */
export interface TreeIndex {
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly parent: Int32Array;
  /** Every unit after all of its descendants: summing leaf figures in this order yields subtree figures. */
  readonly childrenFirst: Int32Array;
  readonly root: number;
}

/**
 * Indexes the tree. Sorting by id makes every later loop, and so the published set, independent of input order.
 *
 * @throws when ids repeat, a parent is unknown, the tree has a cycle, or there is not exactly one root.
 */
export function indexTree(units: readonly MeasurementUnit[]): TreeIndex {
  const ids = units.map((u) => u.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  if (indexOf.size !== ids.length) throw new Error('results: unit ids must be unique');
  const parent = new Int32Array(ids.length).fill(-1);
  const roots: number[] = [];
  for (const unit of units) {
    const self = indexOf.get(unit.id) as number;
    if (unit.parentId === null) {
      roots.push(self);
      continue;
    }
    const p = indexOf.get(unit.parentId);
    if (p === undefined) throw new Error(`results: unit '${unit.id}' has an unknown parent '${unit.parentId}'`);
    parent[self] = p;
  }
  if (roots.length !== 1) throw new Error(`results: the unit tree needs exactly one root, found ${roots.length}`);
  const depth = new Int32Array(ids.length).fill(-1);
  const depthOf = (unit: number): number => {
    const chain: number[] = [];
    let at = unit;
    while (at >= 0 && depth[at] === -1) {
      chain.push(at);
      if (chain.length > ids.length) throw new Error('results: the unit tree has a cycle');
      at = parent[at] as number;
    }
    let d = at < 0 ? -1 : (depth[at] as number);
    for (let i = chain.length - 1; i >= 0; i--) depth[chain[i] as number] = ++d;
    return depth[unit] as number;
  };
  const order = ids.map((_, i) => i);
  for (const i of order) depthOf(i);
  order.sort((a, b) => (depth[b] as number) - (depth[a] as number) || a - b);
  return { ids, indexOf, parent, childrenFirst: Int32Array.from(order), root: roots[0] as number };
}
