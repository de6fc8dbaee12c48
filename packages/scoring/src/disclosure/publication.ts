import type { Partition } from './category-partition';
import { blockCount } from './category-partition';
import { cutCellId, cutId, demographicLeafGroupId, leafGroupId, unitCellId } from './ids';
import type { IndexedDemographic, IndexedTree } from './tree';
import type { HiddenCell, PublishedCut, PublishedCutCell, PublishedUnitCell, TierName, TierPublication } from './types';

/*
 * Turns the solver's decisions into the published set of one tier. Counts are copied only into published cells;
 * hidden cells are built from ids alone, so a hidden count cannot leak through this function by construction.
 */

/**
 * Leaf group lists and ids, built once and shared by both tiers: the sensitive tier mostly repeats groups of the
 * ordinary tier, and the same (read-only) arrays serve both.
 */
export class LeafCatalogue {
  private readonly unitLeaves: readonly string[];
  private readonly demographicLeaves = new Map<string, readonly string[]>();
  private readonly members = new Map<number, readonly number[]>();
  private readonly unitGroups = new Map<number, readonly string[]>();

  constructor(private readonly tree: IndexedTree) {
    this.unitLeaves = tree.ids.map(leafGroupId);
  }

  /** Units of the subtree, ascending (hence by id). */
  subtree(unit: number): readonly number[] {
    let list = this.members.get(unit);
    if (list === undefined) {
      const found: number[] = [];
      const stack = [unit];
      while (stack.length > 0) {
        const next = stack.pop() as number;
        found.push(next);
        for (const child of this.tree.children[next] ?? []) stack.push(child);
      }
      list = found.sort((a, b) => a - b);
      this.members.set(unit, list);
    }
    return list;
  }

  unitLeafGroups(unit: number): readonly string[] {
    let leaves = this.unitGroups.get(unit);
    if (leaves === undefined) {
      leaves = this.subtree(unit).map((member) => this.unitLeaves[member] as string);
      this.unitGroups.set(unit, leaves);
    }
    return leaves;
  }

  demographicLeafGroups(demographic: IndexedDemographic, unit: number, block: readonly number[]): string[] {
    const width = demographic.categories.length;
    let table = this.demographicLeaves.get(demographic.id);
    if (table === undefined) {
      const built: string[] = [];
      for (const id of this.tree.ids) {
        for (const category of demographic.categories) built.push(demographicLeafGroupId(id, demographic.id, category));
      }
      this.demographicLeaves.set(demographic.id, (table = built));
    }
    const members = this.subtree(unit);
    const leaves = new Array<string>(members.length * block.length);
    let next = 0;
    for (const member of members) {
      for (const category of block) leaves[next++] = table[member * width + category] as string;
    }
    return leaves;
  }
}

/**
 * Defines `key` on `target` as a value computed on first read. Ids and leaf group lists are what an auditor reads,
 * but most consumers (the results engine, which solves one family per figure) only need counts and unit ids:
 * building every string eagerly made string garbage the largest cost of a solve.
 */
function lazy<T>(target: object, key: string, make: () => T): void {
  let value: T | undefined;
  Object.defineProperty(target, key, { enumerable: true, get: () => (value ??= make()) });
}

export interface TierDecisions {
  readonly tier: TierName;
  readonly threshold: number;
  readonly published: Uint8Array;
  /** Per demographic (same order as `demographics`), per unit: the available cut's partition or null. */
  readonly cuts: readonly (readonly (Partition | null)[])[];
}

export function publishTier(
  tree: IndexedTree,
  demographics: readonly IndexedDemographic[],
  catalogue: LeafCatalogue,
  decisions: TierDecisions,
): TierPublication {
  const units: PublishedUnitCell[] = [];
  const hiddenUnits: HiddenCell[] = [];
  const cuts: PublishedCut[] = [];
  const hiddenCuts: HiddenCell[] = [];
  const hiddenCutCells: HiddenCell[] = [];

  for (let unit = 0; unit < tree.ids.length; unit++) {
    const unitId = tree.ids[unit] as string;
    if (decisions.published[unit] !== 1) {
      const hidden = {} as HiddenCell;
      lazy(hidden, 'id', () => unitCellId(unitId));
      hiddenUnits.push(hidden);
    } else {
      const cell = { unitId, count: tree.total[unit] as number } as PublishedUnitCell;
      lazy(cell, 'id', () => unitCellId(unitId));
      lazy(cell, 'leafGroups', () => catalogue.unitLeafGroups(unit));
      units.push(cell);
    }
    demographics.forEach((demographic, d) => {
      const partition = decisions.cuts[d]?.[unit] ?? null;
      if (partition === null) {
        const hidden = {} as HiddenCell;
        lazy(hidden, 'id', () => cutId(unitId, demographic.id));
        hiddenCuts.push(hidden);
        return;
      }
      const cells: PublishedCutCell[] = [];
      for (const block of partition) {
        const categories = block.map((category) => demographic.categories[category] as string);
        const count = blockCount(demographic.subtree, unit * demographic.categories.length, block);
        if (count === 0) {
          const hidden = {} as HiddenCell;
          lazy(hidden, 'id', () => cutCellId(unitId, demographic.id, categories));
          hiddenCutCells.push(hidden);
          continue;
        }
        const cell = {
          unitId,
          demographicId: demographic.id,
          label: categories.length === 1 ? (categories[0] as string) : 'other',
          categories,
          count,
        } as unknown as PublishedCutCell;
        lazy(cell, 'id', () => cutCellId(unitId, demographic.id, categories));
        lazy(cell, 'leafGroups', () => catalogue.demographicLeafGroups(demographic, unit, block));
        cells.push(cell);
      }
      const cut = { unitId, demographicId: demographic.id, cells } as unknown as PublishedCut;
      lazy(cut, 'id', () => cutId(unitId, demographic.id));
      cuts.push(cut);
    });
  }
  return {
    tier: decisions.tier,
    threshold: decisions.threshold,
    published: { units, cuts },
    hidden: { units: hiddenUnits, cuts: hiddenCuts, cutCells: hiddenCutCells },
  };
}
