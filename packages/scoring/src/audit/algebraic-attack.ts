import type { ContainmentIndex } from './containment';
import { forEachMinimalCombination } from './minimal-combinations';
import { centred, eliminate, PRIME, rationalOf, type EchelonRow } from './modular-elimination';
import type { AlgebraOutcome, DerivationTerm } from './types';

/*
 * The general attack: any linear combination of published counts.
 *
 * A group (a set of leaves) has a determined count exactly when its 0/1 indicator vector lies in the row space of
 * the cell x leaf incidence matrix; its count is then the same combination of cell counts. This catches what no
 * enumeration of differences does, e.g. cells {a,b}, {b,c}, {a,c} determine a = (ab + ac - bc) / 2.
 *
 * Leaves contained in exactly the same cells ("classes") can never be told apart, so the columns are classes. The
 * reduced row echelon form (RREF) is computed modulo a prime (modular-elimination.ts), then every support-minimal
 * 0/1 vector of the row space is enumerated (minimal-combinations.ts explains why checking those is complete). When
 * the search exhausts its node budget the outcome is 'partial' and the set attacks remain the safety net.
 */

export interface AlgebraLeakCandidate {
  readonly size: number;
  readonly leaves: readonly number[];
  readonly derivation: readonly DerivationTerm[];
  readonly cellIndices: readonly number[];
}

export interface AlgebraResult {
  readonly outcome: AlgebraOutcome;
  readonly rank: number | null;
}

export function runAlgebraicAttack(
  index: ContainmentIndex,
  level: number,
  maxNonzeros: number,
  maxNodes: number,
  report: (candidate: AlgebraLeakCandidate) => void,
  anomalies: string[],
): AlgebraResult {
  const { cells, cellsOfLeaf } = index;
  const classOfLeaf = new Int32Array(cellsOfLeaf.length).fill(-1);
  const classLeaves: number[][] = [];
  const classByKey = new Map<string, number>();
  cellsOfLeaf.forEach((owners, leaf) => {
    if (owners.length === 0) return;
    const key = owners.join(',');
    let id = classByKey.get(key);
    if (id === undefined) {
      id = classLeaves.length;
      classByKey.set(key, id);
      classLeaves.push([]);
    }
    classOfLeaf[leaf] = id;
    classLeaves[id]?.push(leaf);
  });

  const rows = cells
    .map((entry, source) => {
      const columns = [...new Set(Array.from(entry.leaves, (leaf) => classOfLeaf[leaf] as number))].sort((a, b) => a - b);
      return { columns, rhs: entry.cell.count, source };
    })
    .sort((a, b) => a.columns.length - b.columns.length || a.source - b.source);

  const elimination = eliminate(rows, classLeaves.length, maxNonzeros);
  for (const source of elimination.inconsistent) {
    anomalies.push(`the count of cell ${cells[source]?.cell.id} contradicts the counts of other cells`);
  }
  if (!elimination.finished) return { outcome: 'skipped', rank: null };

  const rowsOfEchelon = elimination.rows;
  const finished = forEachMinimalCombination(rowsOfEchelon, maxNodes, (members, rhs) => {
    // Most determined groups are fine: decide on the count before assembling the derivation.
    const size = centred(rhs);
    if (size === 0 || size >= level) return;
    const combination = new Map<number, number>();
    const columns = new Map<number, number>();
    for (const member of members) {
      const row = rowsOfEchelon[member] as EchelonRow;
      for (const [source, value] of row.combination) combination.set(source, ((combination.get(source) ?? 0) + value) % PRIME);
      for (const [column, value] of row.columns) columns.set(column, ((columns.get(column) ?? 0) + value) % PRIME);
    }
    for (const [source, value] of combination) if (value === 0) combination.delete(source);
    if (combination.size === 1) return; // a published cell itself: rule 1 is checked elsewhere
    if (size < 0) {
      anomalies.push('a determined group has a negative count: the published counts are inconsistent');
      return;
    }
    const cellIndices = [...combination.keys()].sort((a, b) => a - b);
    const leaves = [...columns]
      .filter(([, value]) => value === 1)
      .flatMap(([column]) => classLeaves[column] ?? [])
      .sort((a, b) => a - b);
    report({
      size,
      leaves,
      derivation: cellIndices.map((source) => ({
        cellId: cells[source]?.cell.id ?? '',
        coefficient: rationalOf(combination.get(source) as number),
      })),
      cellIndices,
    });
  });
  return { outcome: finished ? 'complete' : 'partial', rank: rowsOfEchelon.length };
}
