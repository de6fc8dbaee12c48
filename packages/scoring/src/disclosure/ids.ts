/*
 * Identifiers of cells and leaf groups.
 *
 * Every part is percent-encoded, so ':' and '+' can only be separators: two different groups can never share an id,
 * whatever characters unit ids or category names contain. Ids are derived from the (public) structure only, never
 * from counts, so a hidden cell's id says nothing about its size (rule 6).
 */

const encode = encodeURIComponent;

/** Implicit category for respondents whose answer to a demographic question is absent. */
export const MISSING_CATEGORY = '(missing)';

/** Leaf group: the respondents attached directly to one unit (not to any of its children). */
export function leafGroupId(unitId: string): string {
  return `leaf:${encode(unitId)}`;
}

/** Leaf group: the respondents attached directly to one unit, in one category of one demographic. */
export function demographicLeafGroupId(unitId: string, demographicId: string, category: string): string {
  return `leaf:${encode(unitId)}:${encode(demographicId)}:${encode(category)}`;
}

/** Cell of a unit's subtree group (the unit and all its descendants). */
export function unitCellId(unitId: string): string {
  return `unit:${encode(unitId)}`;
}

/** A demographic cut of one unit's subtree (available or not). */
export function cutId(unitId: string, demographicId: string): string {
  return `cut:${encode(unitId)}:${encode(demographicId)}`;
}

/** One cell of a demographic cut: the unit's subtree x a block of categories (one category, or a merged "other"). */
export function cutCellId(unitId: string, demographicId: string, categories: readonly string[]): string {
  return `${cutId(unitId, demographicId)}:${categories.map(encode).join('+')}`;
}
