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
  private readonly cutCells = new Map<string, { readonly id: string; readonly leafGroups: readonly string[] }>();

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

  /** Id and leaf groups of the cell unit x block of one demographic. */
  cutCell(demographic: IndexedDemographic, unit: number, block: readonly number[]) {
    const key = `${demographic.id}\u0000${unit}\u0000${block.join(',')}`;
    let cell = this.cutCells.get(key);
    if (cell === undefined) {
      const categories = block.map((category) => demographic.categories[category] as string);
      cell = {
        id: cutCellId(this.tree.ids[unit] as string, demographic.id, categories),
        leafGroups: this.demographicLeafGroups(demographic, unit, block),
      };
      this.cutCells.set(key, cell);
    }
    return cell;
  }

  private demographicLeafGroups(demographic: IndexedDemographic, unit: number, block: readonly number[]): string[] {
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
      hiddenUnits.push({ id: unitCellId(unitId) });
    } else {
      units.push({
        id: unitCellId(unitId),
        unitId,
        count: tree.total[unit] as number,
        leafGroups: catalogue.unitLeafGroups(unit),
      });
    }
    demographics.forEach((demographic, d) => {
      const partition = decisions.cuts[d]?.[unit] ?? null;
      if (partition === null) {
        hiddenCuts.push({ id: cutId(unitId, demographic.id) });
        return;
      }
      const cells: PublishedCutCell[] = [];
      for (const block of partition) {
        const { id, leafGroups } = catalogue.cutCell(demographic, unit, block);
        const count = blockCount(demographic.subtree, unit * demographic.categories.length, block);
        if (count === 0) {
          hiddenCutCells.push({ id });
          continue;
        }
        const categories = block.map((category) => demographic.categories[category] as string);
        cells.push({
          id,
          unitId,
          demographicId: demographic.id,
          label: categories.length === 1 ? (categories[0] as string) : 'other',
          categories,
          count,
          leafGroups,
        });
      }
      cuts.push({ id: cutId(unitId, demographic.id), unitId, demographicId: demographic.id, cells });
    });
  }
  return {
    tier: decisions.tier,
    threshold: decisions.threshold,
    published: { units, cuts },
    hidden: { units: hiddenUnits, cuts: hiddenCuts, cutCells: hiddenCutCells },
  };
}
