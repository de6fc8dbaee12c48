import { runAlgebraicAttack } from './algebraic-attack';
import { buildContainment, dedupeCells } from './containment';
import { runSetAttacks } from './set-attacks';
import type { AuditCell, AuditInput, AuditLeak, AuditOptions, AuditReport, DerivationTerm, LeakKind, ViewCoverage } from './types';
import { buildViews, LEAVES_VIEW, type View } from './views';

/**
 * Independent disclosure auditor (disclosure-control.md rule 5): attacks a published set with everything an attacker
 * has - the published cells and the public structure - and reports every derived group of size in (0, threshold).
 *
 * Shares no code with the suppression solver, so a mistake in one is not silently repeated in the other.
 *
 * Levels: a cell's figures may be derived for groups of at least its threshold. Figures of a stricter tier (e.g.
 * sensitive prevalence at k_sensitive) can be combined with each other, and their counts with every other count. So
 * for each distinct threshold t, the cells with threshold >= t are attacked together and held to t.
 *
 * Attacks per level and view (views.ts): rule 1 (a cell below its own threshold), nested differences and parent
 * remainders (set-attacks.ts), and any linear combination of counts (algebraic-attack.ts). Leaks found in the
 * 'leaves' view are not repeated in a dimension view.
 *
 * Cost: set attacks about O(incidences x cells-per-leaf x log); the algebra is sparse elimination, skipped on views
 * beyond `maxAlgebraCells` cells or `maxAlgebraNonzeros` fill (reported in `coverage`).
 *
 * @example
 * auditPublishedCells({ cells: [
 *   { id: 'D', leafGroups: ['A', 'B'], count: 12, threshold: 5 },
 *   { id: 'A', leafGroups: ['A'], count: 9, threshold: 5 },
 * ] }).leaks[0]; // { kind: 'nested-difference', size: 3, leafGroups: ['B'], ... }
 */
export function auditPublishedCells(input: AuditInput, options: AuditOptions = {}): AuditReport {
  const algebra = options.algebra ?? true;
  const maxAlgebraCells = options.maxAlgebraCells ?? 6000;
  const maxAlgebraNonzeros = options.maxAlgebraNonzeros ?? 4_000_000;
  const maxFamilies = options.maxFamiliesPerCell ?? 16;
  const maxNodes = options.maxAlgebraSearchNodes ?? 2_000_000;

  const anomalies: string[] = [];
  const cells = validCells(input.cells, anomalies);
  const leaks: AuditLeak[] = [];
  const seen = new Set<string>();
  const add = (leak: AuditLeak) => {
    const key = `${leak.level}|${leak.view}|${leak.leafGroups.join('\u0000')}`;
    if (seen.has(key)) return;
    seen.add(key);
    leaks.push(leak);
  };

  for (const cell of cells) {
    if (cell.count < cell.threshold) {
      add(leak('below-threshold', cell.threshold, 'cell', cell.count, cell.leafGroups, [{ cellId: cell.id, coefficient: 1 }]));
    }
  }

  const coverage: ViewCoverage[] = [];
  const levels = [...new Set(cells.map((cell) => cell.threshold))].sort((a, b) => a - b);
  for (const level of levels) {
    const atLevel = cells.filter((cell) => cell.threshold >= level);
    for (const view of buildViews(atLevel, input.partitions ?? [], anomalies)) {
      const viewCells = dedupeCells(view, anomalies);
      const index = buildContainment(viewCells, view.leafIds.length);
      // In a dimension view, a derivation that uses only cells over whole leaves was already found in 'leaves'.
      const fresh = (used: readonly number[]) =>
        view.name === LEAVES_VIEW || used.some((i) => viewCells[i]?.wholeLeaves === false);
      const report = (
        kind: LeakKind,
        candidate: { size: number; leaves: readonly number[]; derivation: readonly DerivationTerm[]; cellIndices: readonly number[] },
      ) => {
        if (!fresh(candidate.cellIndices)) return;
        add(leak(kind, level, view.name, candidate.size, leafIds(view, candidate.leaves), candidate.derivation));
      };
      const stats = runSetAttacks(index, level, maxFamilies, (candidate) => report(candidate.kind, candidate), anomalies);

      let outcome: ViewCoverage['algebra'] = 'skipped';
      let rank: number | null = null;
      if (algebra && viewCells.length <= maxAlgebraCells) {
        const result = runAlgebraicAttack(
          index,
          level,
          maxAlgebraNonzeros,
          maxNodes,
          (candidate) => report('linear-combination', candidate),
          anomalies,
        );
        outcome = result.outcome;
        rank = result.rank;
      }
      coverage.push({ level, view: view.name, cells: viewCells.length, ...stats, algebra: outcome, rank });
    }
  }
  return { ok: leaks.length === 0, leaks, anomalies: [...new Set(anomalies)], coverage };
}

function leak(
  kind: LeakKind,
  level: number,
  view: string,
  size: number,
  leafGroups: readonly string[],
  derivation: readonly DerivationTerm[],
): AuditLeak {
  return { kind, level, view, size, leafGroups, derivation };
}

function leafIds(view: View, leaves: readonly number[]): string[] {
  return leaves.map((leaf) => view.leafIds[leaf] as string);
}

function validCells(cells: readonly AuditCell[], anomalies: string[]): AuditCell[] {
  const ids = new Set<string>();
  return cells.filter((cell) => {
    if (ids.has(cell.id)) anomalies.push(`duplicate cell id ${cell.id}`);
    ids.add(cell.id);
    const valid =
      Number.isSafeInteger(cell.count) && cell.count >= 0 && Number.isFinite(cell.threshold) && cell.threshold > 0 &&
      cell.leafGroups.length > 0;
    if (!valid) anomalies.push(`cell ${cell.id} is malformed (count, threshold or leaf groups) and was not audited`);
    return valid;
  });
}
