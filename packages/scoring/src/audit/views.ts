import type { AuditCell, LeafPartition } from './types';

/*
 * Views: the cells restated over one common set of disjoint leaves, so that set algebra applies.
 *
 * A cell over whole leaves (a unit's subtree) and a cell over parts of those leaves (the same subtree x an age band)
 * can only be compared once both are written over the parts. Parts of different dimensions (age bands, genders)
 * overlap in unknown ways, so every dimension gets its own view: cells over whole leaves are expanded into that
 * dimension's parts; cells over another dimension's parts are left out. The 'leaves' view holds the cells over whole
 * leaves as given. A cell mixing parts of two dimensions fits no view and is reported as an anomaly.
 */

export interface ViewCell {
  readonly cell: AuditCell;
  /** Sorted, distinct leaf indices of the view. */
  readonly leaves: Int32Array;
  /** True when the cell was given over whole leaves (it appears, unexpanded, in the 'leaves' view too). */
  readonly wholeLeaves: boolean;
}

export interface View {
  readonly name: string;
  readonly leafIds: readonly string[];
  readonly cells: readonly ViewCell[];
}

export const LEAVES_VIEW = 'leaves';

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A cell whose leaves are parts of more than one dimension. */
const MIXED = Symbol('mixed');

interface PartitionIndex {
  readonly byDimension: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  readonly dimensionOfPart: ReadonlyMap<string, string>;
  readonly anomalies: readonly string[];
  /** Each leaf group seen so far: the dimension its parts belong to, null when it holds whole leaves only. */
  readonly groups: WeakMap<readonly string[], string | null | typeof MIXED>;
}

/*
 * An audit of a published set calls buildViews for every family and level with the same partitions and the same leaf
 * group arrays (one per unit or cut, shared by every family), so both are indexed once, by identity. Inputs are
 * treated as immutable, as their types say.
 */
const partitionIndexes = new WeakMap<readonly LeafPartition[], PartitionIndex>();

function indexPartitions(partitions: readonly LeafPartition[]): PartitionIndex {
  const cached = partitionIndexes.get(partitions);
  if (cached !== undefined) return cached;
  const byDimension = new Map<string, Map<string, readonly string[]>>();
  const dimensionOfPart = new Map<string, string>();
  const anomalies: string[] = [];
  for (const partition of partitions) {
    let leaves = byDimension.get(partition.dimension);
    if (leaves === undefined) byDimension.set(partition.dimension, (leaves = new Map()));
    if (leaves.has(partition.leaf)) {
      anomalies.push(`leaf ${partition.leaf} is partitioned twice in dimension ${partition.dimension}`);
      continue;
    }
    leaves.set(partition.leaf, partition.parts);
    for (const part of partition.parts) {
      const seen = dimensionOfPart.get(part);
      if (seen !== undefined) anomalies.push(`part ${part} belongs to more than one partition`);
      dimensionOfPart.set(part, partition.dimension);
    }
  }
  const index = { byDimension, dimensionOfPart, anomalies, groups: new WeakMap() };
  partitionIndexes.set(partitions, index);
  return index;
}

function dimensionOfGroup(index: PartitionIndex, group: readonly string[]): string | null | typeof MIXED {
  const known = index.groups.get(group);
  if (known !== undefined) return known;
  let found: string | null | typeof MIXED = null;
  for (const leaf of group) {
    const dimension = index.dimensionOfPart.get(leaf);
    if (dimension === undefined || dimension === found) continue;
    if (found !== null) {
      found = MIXED;
      break;
    }
    found = dimension;
  }
  index.groups.set(group, found);
  return found;
}

export function buildViews(
  cells: readonly AuditCell[],
  partitions: readonly LeafPartition[],
  anomalies: string[],
): View[] {
  const index = indexPartitions(partitions);
  const { byDimension } = index;
  anomalies.push(...index.anomalies);

  const whole: AuditCell[] = [];
  const partial = new Map<string, AuditCell[]>();
  for (const cell of cells) {
    const dimension = dimensionOfGroup(index, cell.leafGroups);
    if (dimension === null) whole.push(cell);
    else if (dimension !== MIXED) {
      const list = partial.get(dimension) ?? [];
      list.push(cell);
      partial.set(dimension, list);
    } else anomalies.push(`cell ${cell.id} mixes parts of several dimensions and was not audited`);
  }

  const views = [makeView(LEAVES_VIEW, whole, [])];
  for (const dimension of [...byDimension.keys()].sort(compareStrings)) {
    const cellsOfDimension = partial.get(dimension) ?? [];
    if (cellsOfDimension.length > 0) views.push(makeView(dimension, whole, cellsOfDimension, byDimension.get(dimension)));
  }
  return views;
}

/**
 * The view's cells as sorted, distinct leaf indices: the cells over whole leaves first (each leaf expanded into the
 * dimension's parts by `split`; as given without it), then the cells over parts. Each distinct whole leaf is expanded
 * and indexed once, and a cell is the concatenation of its leaves' indices: the groups of a tree's units share most of
 * their leaves, and expanding them string by string for every cell of every family was most of an audit's time.
 */
function makeView(name: string, whole: readonly AuditCell[], partial: readonly AuditCell[], split?: ReadonlyMap<string, readonly string[]>): View {
  const expand = (leaf: string): readonly string[] => split?.get(leaf) ?? [leaf];
  const wholeLeaves = new Set<string>();
  for (const cell of whole) for (const leaf of cell.leafGroups) wholeLeaves.add(leaf);
  const ids = new Set<string>();
  for (const leaf of wholeLeaves) for (const part of expand(leaf)) ids.add(part);
  for (const cell of partial) for (const part of cell.leafGroups) ids.add(part);
  const leafIds = [...ids].sort(compareStrings);
  const index = new Map(leafIds.map((leaf, i) => [leaf, i]));
  const indexOf = (leaf: string) => index.get(leaf) as number;
  const indicesOfLeaf = new Map<string, Int32Array>();
  for (const leaf of wholeLeaves) indicesOfLeaf.set(leaf, Int32Array.from(expand(leaf), indexOf));

  const cells: ViewCell[] = [];
  for (const cell of whole) {
    const parts = cell.leafGroups.map((leaf) => indicesOfLeaf.get(leaf) as Int32Array);
    const all = new Int32Array(parts.reduce((size, p) => size + p.length, 0));
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    cells.push({ cell, leaves: distinctSorted(all), wholeLeaves: true });
  }
  for (const cell of partial) cells.push({ cell, leaves: distinctSorted(Int32Array.from(cell.leafGroups, indexOf)), wholeLeaves: false });
  return { name, leafIds, cells };
}

/** Sorts in place and drops repeats (a leaf named twice in one group counts once). */
function distinctSorted(values: Int32Array): Int32Array {
  values.sort();
  let kept = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (kept === 0 || value !== values[kept - 1]) values[kept++] = value;
  }
  return kept === values.length ? values : values.slice(0, kept);
}
