import type { DisclosureInput } from './types';
import { MISSING_CATEGORY } from './ids';

/*
 * The frozen unit tree, indexed once so that the solver works on dense integer indices.
 *
 * Units are numbered in ascending id order (plain code-unit comparison, not locale-dependent), so every loop over
 * indices, and every tie-break "by id", is independent of the order in which the caller listed units or counts.
 */

export interface IndexedTree {
  readonly ids: readonly string[];
  /** Parent index, -1 for a root. */
  readonly parent: Int32Array;
  /** Children indices, ascending (hence sorted by id). */
  readonly children: readonly (readonly number[])[];
  /** All indices, parents before children (by depth, then id). */
  readonly topDown: readonly number[];
  /** Responses attached directly to each unit. */
  readonly direct: Float64Array;
  /** Responses in each unit's subtree. */
  readonly total: Float64Array;
}

/** One demographic with subtree counts per unit and category, laid out as [unit * categoryCount + category]. */
export interface IndexedDemographic {
  readonly id: string;
  /** Declared categories followed by MISSING_CATEGORY. */
  readonly categories: readonly string[];
  readonly subtree: Float64Array;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function validateThresholds(k: number, kSensitive: number): void {
  if (!Number.isInteger(k) || k < 5 || k > 50) throw new RangeError(`k must be an integer in 5..50, got ${k}`);
  if (!Number.isInteger(kSensitive) || kSensitive < k) {
    throw new RangeError(`kSensitive must be an integer >= k (${k}), got ${kSensitive}`);
  }
}

export function indexTree(input: DisclosureInput): IndexedTree {
  validateThresholds(input.k, input.kSensitive);
  const ids = input.units.map((unit) => unit.id).sort(compareIds);
  const indexOf = new Map<string, number>();
  ids.forEach((id, index) => {
    if (indexOf.has(id)) throw new Error(`duplicate unit id ${JSON.stringify(id)}`);
    indexOf.set(id, index);
  });

  const n = ids.length;
  const parent = new Int32Array(n).fill(-1);
  for (const unit of input.units) {
    const index = indexOf.get(unit.id) as number;
    if (unit.parentId === null) continue;
    const parentIndex = indexOf.get(unit.parentId);
    if (parentIndex === undefined) {
      throw new Error(`unit ${JSON.stringify(unit.id)} has unknown parent ${JSON.stringify(unit.parentId)}`);
    }
    parent[index] = parentIndex;
  }

  // The shape first: a cycle is reported before any count.
  const shape = treeShape(ids, parent);
  const direct = new Float64Array(n);
  for (const [unitId, count] of Object.entries(input.responseCounts)) {
    const index = indexOf.get(unitId);
    if (index === undefined) throw new Error(`response count for unknown unit ${JSON.stringify(unitId)}`);
    if (!isCount(count)) throw new RangeError(`response count of ${JSON.stringify(unitId)} must be a count`);
    direct[index] = count;
  }
  return countedTree(shape, direct);
}

/** The parts of an IndexedTree that do not depend on counts. */
export type TreeShape = Pick<IndexedTree, 'ids' | 'parent' | 'children' | 'topDown'>;

/**
 * The shape of a tree whose units are already numbered in id order, from parent indices (-1 for a root). The results
 * engine builds it once from its own tree index and then solves many families on it (countedTree), without going
 * through unit id records.
 *
 * @throws when the parents form a cycle
 */
export function treeShape(ids: readonly string[], parent: Int32Array): TreeShape {
  const n = ids.length;
  const children: number[][] = Array.from({ length: n }, () => []);
  // Ascending indices, hence children sorted by id.
  for (let index = 0; index < n; index++) {
    const p = parent[index] as number;
    if (p >= 0) children[p]?.push(index);
  }
  // Breadth-first from the roots gives parents before children; a unit never reached lies on a cycle.
  const topDown: number[] = [];
  for (let i = 0; i < n; i++) if (parent[i] === -1) topDown.push(i);
  for (let head = 0; head < topDown.length; head++) {
    for (const child of children[topDown[head] as number] ?? []) topDown.push(child);
  }
  if (topDown.length !== n) throw new Error('the unit tree contains a cycle');
  return { ids, parent, children, topDown };
}

/** The tree with one family's direct counts (validated by the caller) and the subtree sums of them. */
export function countedTree(shape: TreeShape, direct: Float64Array): IndexedTree {
  const { parent, topDown } = shape;
  const total = Float64Array.from(direct);
  for (let i = topDown.length - 1; i >= 0; i--) {
    const unit = topDown[i] as number;
    const p = parent[unit] as number;
    if (p >= 0) total[p] = (total[p] as number) + (total[unit] as number);
  }
  // A literal rather than a spread: every tree then has the same hidden class, and the solver's code stays optimised.
  return { ids: shape.ids, parent, children: shape.children, topDown, direct, total };
}

/**
 * Subtree counts per category. The implicit MISSING_CATEGORY is appended to every demographic, present or not, so
 * that the set of categories (public structure) never depends on the data.
 */
export function indexDemographic(
  tree: IndexedTree,
  demographic: DisclosureInput['demographics'][number],
): IndexedDemographic {
  const declared = demographic.categories;
  if (new Set(declared).size !== declared.length) {
    throw new Error(`demographic ${JSON.stringify(demographic.id)} has duplicate categories`);
  }
  if (declared.includes(MISSING_CATEGORY)) {
    throw new Error(`demographic ${JSON.stringify(demographic.id)} may not declare ${MISSING_CATEGORY} itself`);
  }
  const categories = [...declared, MISSING_CATEGORY];
  const width = categories.length;
  const categoryIndex = new Map(declared.map((category, index) => [category, index]));
  const unitIndex = new Map(tree.ids.map((id, index) => [id, index]));
  const subtree = new Float64Array(tree.ids.length * width);

  for (const [unitId, perCategory] of Object.entries(demographic.counts)) {
    const unit = unitIndex.get(unitId);
    if (unit === undefined) {
      throw new Error(`demographic ${JSON.stringify(demographic.id)} has counts for unknown unit ${JSON.stringify(unitId)}`);
    }
    for (const [category, count] of Object.entries(perCategory)) {
      const c = categoryIndex.get(category);
      if (c === undefined) {
        throw new Error(`demographic ${JSON.stringify(demographic.id)} has undeclared category ${JSON.stringify(category)}`);
      }
      if (!isCount(count)) throw new RangeError(`count of ${demographic.id}=${category} in ${unitId} must be a count`);
      subtree[unit * width + c] = count;
    }
  }
  for (let unit = 0; unit < tree.ids.length; unit++) {
    let covered = 0;
    for (let c = 0; c < width - 1; c++) covered += subtree[unit * width + c] as number;
    const missing = (tree.direct[unit] as number) - covered;
    if (missing < 0) {
      throw new Error(
        `demographic ${JSON.stringify(demographic.id)} counts more respondents than unit ${JSON.stringify(tree.ids[unit])} has`,
      );
    }
    subtree[unit * width + width - 1] = missing;
  }
  addIntoParents(tree, subtree, width);
  return { id: demographic.id, categories, subtree };
}

/**
 * A demographic from a direct count table that already holds every category, MISSING_CATEGORY last, laid out as
 * [unit * categories.length + category] (what the results engine sums); the table becomes the subtree counts in place.
 */
export function demographicFromTable(tree: TreeShape, id: string, categories: readonly string[], table: Float64Array): IndexedDemographic {
  addIntoParents(tree, table, categories.length);
  return { id, categories, subtree: table };
}

/** Direct counts become subtree counts by adding each unit into its parent, children first. */
function addIntoParents(tree: TreeShape, table: Float64Array, width: number): void {
  for (let i = tree.topDown.length - 1; i >= 0; i--) {
    const unit = tree.topDown[i] as number;
    const p = tree.parent[unit] as number;
    if (p < 0) continue;
    for (let c = 0; c < width; c++) {
      table[p * width + c] = (table[p * width + c] as number) + (table[unit * width + c] as number);
    }
  }
}
