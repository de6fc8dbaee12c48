import { auditPublishedCells, type AuditCell, type AuditLeak, type LeafPartition, type ViewCoverage } from '../audit';
import type { FigureOrHidden, PublishedResults } from './types';

export interface ResultsAudit {
  readonly ok: boolean;
  /** Every derivable group below its threshold, with the family (metric) it was found in. */
  readonly leaks: readonly (AuditLeak & { readonly family: string })[];
  /** Families attacked (identical families are attacked once). */
  readonly families: number;
  readonly cells: number;
  /** False when the linear-algebra search could not finish on some view (the enumerated attacks still ran). */
  readonly complete: boolean;
  readonly coverage: readonly ViewCoverage[];
}

const leaf = (unitId: string) => `L:${encodeURIComponent(unitId)}`;
const part = (unitId: string, demographic: string, category: string) =>
  `L:${encodeURIComponent(unitId)}|${encodeURIComponent(demographic)}|${encodeURIComponent(category)}`;

/**
 * Attacks a published result set the way an outsider could: it reads only what is published (figures with their n,
 * and the public tree and categories), rebuilds each figure's group from the tree, and hands the cells of each
 * disclosure family to the independent auditor. It shares nothing with the suppression code, so a mistake there is
 * not repeated here. A result set may be stored only when this finds nothing (disclosure-control.md rule 5).
 */
export function auditPublishedResults(results: PublishedResults): ResultsAudit {
  const children = new Map<string, string[]>();
  for (const unit of results.tree) {
    if (unit.parentId !== null) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  }
  const subtree = new Map<string, string[]>();
  const subtreeOf = (id: string): string[] => {
    const known = subtree.get(id);
    if (known) return known;
    const stack = [id];
    const all: string[] = [];
    while (stack.length > 0) {
      const at = stack.pop() as string;
      all.push(at);
      stack.push(...(children.get(at) ?? []));
    }
    subtree.set(id, all);
    return all;
  };
  const partitions: LeafPartition[] = results.tree.flatMap((unit) =>
    results.demographics.map((d) => ({ leaf: leaf(unit.id), dimension: d.id, parts: d.categories.map((c) => part(unit.id, d.id, c)) })),
  );

  const families = new Map<string, { name: string; cells: AuditCell[] }>();
  const addFamily = (name: string, cells: AuditCell[]) => {
    const key = cells.map((c) => `${c.id}=${c.count}@${c.threshold}`).join(';');
    if (!families.has(key)) families.set(key, { name, cells });
  };

  // Every family reuses the same groups: each is spelled out once, and its strings are shared (and hashed once) by
  // every family's views instead of being rebuilt per cell and family.
  const unitGroups = new Map<string, readonly string[]>();
  const unitGroupOf = (unitId: string): readonly string[] => {
    let group = unitGroups.get(unitId);
    if (group === undefined) unitGroups.set(unitId, (group = subtreeOf(unitId).map(leaf)));
    return group;
  };
  const cutGroups = new Map<string, readonly string[]>();
  const cutGroupOf = (unitId: string, demographicId: string, categories: readonly string[]): readonly string[] => {
    // JSON: no two (unit, demographic, categories) share a key, whatever characters their ids hold.
    const key = JSON.stringify([unitId, demographicId, categories]);
    let group = cutGroups.get(key);
    if (group === undefined) {
      group = subtreeOf(unitId).flatMap((u) => categories.map((c) => part(u, demographicId, c)));
      cutGroups.set(key, group);
    }
    return group;
  };

  const unitCells = (figureOf: (unitIndex: number) => FigureOrHidden | { n: number } | undefined, threshold: number): AuditCell[] =>
    results.units.flatMap((unit, i) => {
      const figure = figureOf(i);
      if (!figure || 'hidden' in figure) return [];
      return [{ id: `unit:${unit.unitId}`, leafGroups: unitGroupOf(unit.unitId), count: figure.n, threshold }];
    });

  addFamily('responses', unitCells((i) => results.units[i]?.responses, results.k));
  for (const metric of results.metrics) {
    const threshold = metric.sensitive ? results.kSensitive : results.k;
    const cells = unitCells((i) => results.units[i]?.metrics[metric.key], threshold);
    for (const unit of results.units) {
      const cuts = unit.cuts[metric.key];
      if (!cuts) continue;
      for (const [demographicId, cut] of Object.entries(cuts)) {
        if ('hidden' in cut) continue;
        for (const cell of cut.cells) {
          if ('hidden' in cell.figure) continue;
          cells.push({
            id: `cut:${unit.unitId}:${demographicId}:${cell.categories.join('+')}`,
            leafGroups: cutGroupOf(unit.unitId, demographicId, cell.categories),
            count: cell.figure.n,
            threshold,
          });
        }
      }
    }
    addFamily(metric.key, cells);
  }

  const leaks: (AuditLeak & { family: string })[] = [];
  const coverage: ViewCoverage[] = [];
  let cellCount = 0;
  for (const { name, cells } of families.values()) {
    cellCount += cells.length;
    const report = auditPublishedCells({ cells, partitions });
    leaks.push(...report.leaks.map((l) => ({ ...l, family: name })));
    coverage.push(...report.coverage);
  }
  return {
    ok: leaks.length === 0,
    leaks,
    families: families.size,
    cells: cellCount,
    complete: coverage.every((c) => c.algebra !== 'partial'),
    coverage,
  };
}
