import type { GeneralisationHierarchy } from './types';

/*
 * Generalisation hierarchies: how each quasi-identifier value becomes less precise, level by level.
 *
 * Every hierarchy is a table from each original value to its value at every level, and must be monotone: two
 * values that coincide at some level coincide at every higher level (otherwise generalising could split a group
 * again). The top level maps everything to SUPPRESSED unless stated otherwise.
 */

export const SUPPRESSED = '*';
/** How a null quasi-identifier value is looked up in a hierarchy table. */
export const MISSING_VALUE = '(missing)';

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Builds a hierarchy from an explicit table, checking it.
 * @throws if rows differ in length, a row does not start with its own value, or the table is not monotone
 */
export function explicitHierarchy(table: Readonly<Record<string, readonly string[]>>): GeneralisationHierarchy {
  const entries = Object.entries(table).sort(([a], [b]) => compareStrings(a, b));
  if (entries.length === 0) throw new Error('explicitHierarchy requires at least one value');
  const height = (entries[0]?.[1].length ?? 1) - 1;
  for (const [value, levels] of entries) {
    if (levels.length !== height + 1) {
      throw new Error(`hierarchy row of ${JSON.stringify(value)} has ${levels.length} levels, expected ${height + 1}`);
    }
    if (levels[0] !== value) throw new Error(`hierarchy row of ${JSON.stringify(value)} must start with the value itself`);
  }
  for (let level = 1; level < height; level++) {
    const above = new Map<string, string>();
    for (const [value, levels] of entries) {
      const here = levels[level] as string;
      const next = levels[level + 1] as string;
      const seen = above.get(here);
      if (seen !== undefined && seen !== next) {
        throw new Error(
          `hierarchy is not monotone: ${JSON.stringify(here)} at level ${level} splits at level ${level + 1} (${JSON.stringify(value)})`,
        );
      }
      above.set(here, next);
    }
  }
  return { height, table: new Map(entries) };
}

/** One step: every value at level 0, SUPPRESSED at level 1 (e.g. gender, language). */
export function flatHierarchy(values: readonly string[]): GeneralisationHierarchy {
  return explicitHierarchy(Object.fromEntries([...values, MISSING_VALUE].map((value) => [value, [value, SUPPRESSED]])));
}

/**
 * Ordered bands (e.g. age bands, youngest first): level h joins runs of 2^h neighbouring bands ("25-34..35-44"),
 * until one run holds them all; the level above is SUPPRESSED. Special values (e.g. "prefer not to say", and always
 * MISSING_VALUE) keep their own value until SUPPRESSED: they are not between two bands.
 */
export function orderedBandHierarchy(
  bands: readonly string[],
  options: { readonly special?: readonly string[] } = {},
): GeneralisationHierarchy {
  if (bands.length === 0) throw new Error('orderedBandHierarchy requires at least one band');
  const joinLevels = Math.ceil(Math.log2(bands.length));
  const table: Record<string, string[]> = {};
  bands.forEach((band, index) => {
    const levels = [band];
    for (let level = 1; level <= joinLevels; level++) {
      const size = 2 ** level;
      const first = Math.floor(index / size) * size;
      const last = Math.min(first + size, bands.length) - 1;
      levels.push(first === last ? band : `${bands[first]}..${bands[last]}`);
    }
    levels.push(SUPPRESSED);
    table[band] = levels;
  });
  for (const special of new Set([...(options.special ?? []), MISSING_VALUE])) {
    table[special] = [special, ...new Array<string>(joinLevels).fill(special), SUPPRESSED];
  }
  return explicitHierarchy(table);
}

/**
 * Units of a tree: level h replaces every unit deeper than (maximum depth - h) by its ancestor at that depth, so at
 * the top level every unit is its root; one more level is SUPPRESSED (which matters for a forest of several roots).
 */
export function unitHierarchy(units: readonly { readonly id: string; readonly parentId: string | null }[]): GeneralisationHierarchy {
  const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
  const chain = (id: string): string[] => {
    const path = [id];
    for (let parent = parentOf.get(id) ?? null; parent !== null; parent = parentOf.get(parent) ?? null) {
      if (path.includes(parent)) throw new Error('unitHierarchy: the unit tree contains a cycle');
      if (!parentOf.has(parent)) throw new Error(`unitHierarchy: unknown parent ${JSON.stringify(parent)}`);
      path.push(parent);
    }
    return path.reverse(); // root first
  };
  const paths = units.map((unit) => chain(unit.id));
  const maxDepth = Math.max(0, ...paths.map((path) => path.length - 1));
  const table: Record<string, string[]> = {};
  for (const path of paths) {
    const depth = path.length - 1;
    const levels: string[] = [];
    for (let level = 0; level <= maxDepth; level++) levels.push(path[Math.min(depth, maxDepth - level)] as string);
    levels.push(SUPPRESSED);
    table[path[depth] as string] = levels;
  }
  return explicitHierarchy(table);
}

/**
 * For the information loss measure: how many original values each generalised value covers, per level.
 */
export function coverage(hierarchy: GeneralisationHierarchy): Map<string, number>[] {
  const counts = Array.from({ length: hierarchy.height + 1 }, () => new Map<string, number>());
  for (const levels of hierarchy.table.values()) {
    levels.forEach((value, level) => counts[level]?.set(value, (counts[level]?.get(value) ?? 0) + 1));
  }
  return counts;
}
