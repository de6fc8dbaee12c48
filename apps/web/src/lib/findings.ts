import { isHidden, judgement, type Heatmap, type ScaleColumn } from './results';

export interface RedScale {
  column: ScaleColumn;
  value: number;
}

/** Topics whose score of the first row (the unit the report is about) is in the red zone, worst first. */
export function redScales(mean: Heatmap): RedScale[] {
  const top = mean.rows[0];
  if (!top) return [];
  return mean.columns
    .map((column, i) => ({ column, cell: top.cells[i] }))
    .flatMap(({ column, cell }) => (cell && !isHidden(cell) && cell.band === 'red' && cell.value !== null ? [{ column, value: cell.value }] : []))
    .sort((a, b) => (a.column.direction === 'higher-is-worse' ? b.value - a.value : a.value - b.value));
}

export interface Difference {
  unitId: string;
  unitName: string;
  column: ScaleColumn;
  difference: number;
  significant: boolean;
  verdict: 'better' | 'worse';
}

export interface UnitAttention {
  unitId: string;
  unitName: string;
  red: number;
  shown: number;
}

/** Units below the first row with topics in the red zone, the most first: where to look first. */
export function unitsNeedingAttention(mean: Heatmap): UnitAttention[] {
  return mean.rows
    .slice(1)
    .map((row) => {
      const shown = row.cells.filter((c) => !isHidden(c));
      return { unitId: row.unitId, unitName: row.name, red: shown.filter((c) => !isHidden(c) && c.band === 'red').length, shown: shown.length };
    })
    .filter((u) => u.red > 0)
    .sort((a, b) => b.red - a.red || a.unitName.localeCompare(b.unitName));
}

/**
 * The largest differences between a unit and the organisation (rows below the first), significant ones first, then
 * by size; at most `perUnit` per unit, so that one unit does not fill the list. Hidden cells and the organisation
 * itself have no difference and are left out.
 */
export function largestDifferences(vsOrganisation: Heatmap, limit = 8, perUnit = 2): Difference[] {
  const found: Difference[] = [];
  for (const row of vsOrganisation.rows.slice(1)) {
    vsOrganisation.columns.forEach((column, i) => {
      const cell = row.cells[i];
      if (!cell || isHidden(cell) || cell.value === null) return;
      const verdict = judgement(cell.value, column.direction);
      if (verdict === null) return;
      found.push({ unitId: row.unitId, unitName: row.name, column, difference: cell.value, significant: cell.significant === true, verdict });
    });
  }
  const taken = new Map<string, number>();
  return found
    .sort((a, b) => Number(b.significant) - Number(a.significant) || Math.abs(b.difference) - Math.abs(a.difference))
    .filter((d) => {
      const count = taken.get(d.unitId) ?? 0;
      taken.set(d.unitId, count + 1);
      return count < perUnit;
    })
    .slice(0, limit);
}
