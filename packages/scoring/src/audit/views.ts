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

export function buildViews(
  cells: readonly AuditCell[],
  partitions: readonly LeafPartition[],
  anomalies: string[],
): View[] {
  const byDimension = new Map<string, Map<string, readonly string[]>>();
  const dimensionOfPart = new Map<string, string>();
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

  const whole: AuditCell[] = [];
  const partial = new Map<string, AuditCell[]>();
  for (const cell of cells) {
    const dimensions = new Set<string>();
    for (const leaf of cell.leafGroups) {
      const dimension = dimensionOfPart.get(leaf);
      if (dimension !== undefined) dimensions.add(dimension);
    }
    if (dimensions.size === 0) whole.push(cell);
    else if (dimensions.size === 1) {
      const dimension = [...dimensions][0] as string;
      const list = partial.get(dimension) ?? [];
      list.push(cell);
      partial.set(dimension, list);
    } else anomalies.push(`cell ${cell.id} mixes parts of several dimensions and was not audited`);
  }

  const views = [makeView(LEAVES_VIEW, whole.map((cell) => ({ cell, leaves: cell.leafGroups, wholeLeaves: true })))];
  for (const dimension of [...byDimension.keys()].sort(compareStrings)) {
    const split = byDimension.get(dimension) as Map<string, readonly string[]>;
    const expand = (leaf: string) => split.get(leaf) ?? [leaf];
    const entries = [
      ...whole.map((cell) => ({ cell, leaves: cell.leafGroups.flatMap(expand), wholeLeaves: true })),
      ...(partial.get(dimension) ?? []).map((cell) => ({ cell, leaves: cell.leafGroups, wholeLeaves: false })),
    ];
    if (entries.some((entry) => !entry.wholeLeaves)) views.push(makeView(dimension, entries));
  }
  return views;
}

function makeView(
  name: string,
  entries: readonly { cell: AuditCell; leaves: readonly string[]; wholeLeaves: boolean }[],
): View {
  const leafIds = [...new Set(entries.flatMap((entry) => entry.leaves))].sort(compareStrings);
  const index = new Map(leafIds.map((leaf, i) => [leaf, i]));
  const cells = entries.map((entry) => {
    const leaves = Int32Array.from(new Set(entry.leaves), (leaf) => index.get(leaf) as number).sort();
    return { cell: entry.cell, leaves, wholeLeaves: entry.wholeLeaves };
  });
  return { name, leafIds, cells };
}
