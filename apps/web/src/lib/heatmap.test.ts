import { describe, expect, it } from 'vitest';
import { COLUMNS, heatmapFixture } from '../testing/results-fixtures';
import { BAND_FILL, categoryFills, cellLook, contrast, legendSteps, parseSort, significanceMark, sortRows } from './heatmap';
import type { HeatmapCell } from './results';

const INK = '#1b1f24';
const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('sorting the heatmap', () => {
  const map = heatmapFixture();

  it('keeps the tree order, or sorts by name, always with the unit the view starts from on top', () => {
    expect(names(sortRows(map.rows, 'tree', COLUMNS, 'mean'))).toEqual(['Acme', 'Care', 'IT', 'Desk']);
    expect(names(sortRows(map.rows, 'name', COLUMNS, 'mean'))).toEqual(['Acme', 'Care', 'Desk', 'IT']);
  });

  it('puts the most worrying unit first for a topic, following its direction, and hidden units last', () => {
    // Psychological safety: low is bad. Work pace: high is bad.
    expect(names(sortRows(map.rows, 'scale:psy', COLUMNS, 'mean'))).toEqual(['Acme', 'Care', 'IT', 'Desk']);
    expect(names(sortRows(map.rows, 'scale:pace', COLUMNS, 'mean'))).toEqual(['Acme', 'Care', 'IT', 'Desk']);
    const swapped = map.rows.map((row) => (row.unitId === 'it' ? { ...row, cells: [{ value: 10, n: 9, ci: null, significant: null, band: 'red' as const }, ...row.cells.slice(1)] } : row));
    expect(names(sortRows(swapped, 'scale:psy', COLUMNS, 'mean'))).toEqual(['Acme', 'IT', 'Care', 'Desk']);
    // % favourable is "higher is better" on every topic.
    const favourable = heatmapFixture('favourable');
    expect(names(sortRows(favourable.rows, 'scale:pace', COLUMNS, 'favourable'))).toEqual(['Acme', 'IT', 'Care', 'Desk']);
  });

  it('reads the order from the address, ignoring what it does not know', () => {
    expect(parseSort('scale:pace', COLUMNS)).toBe('scale:pace');
    expect(parseSort('scale:nope', COLUMNS)).toBe('tree');
    expect(parseSort(null, COLUMNS)).toBe('tree');
    expect(parseSort('name', COLUMNS)).toBe('name');
  });
});

describe('colours and marks', () => {
  const value = (v: number | null, significant: boolean | null = null): HeatmapCell => ({ value: v, n: 10, ci: null, significant, band: 'amber' });

  it('keeps every fill readable with dark text (WCAG AA, 4.5:1)', () => {
    const fills = [
      ...Object.values(BAND_FILL),
      ...(['favourable', 'vsOrganisation'] as const).flatMap((m) => legendSteps(m).map((s) => s.fill)),
      ...[-40, -20, -5, 0, 5, 20, 40, 100].flatMap((v) => [cellLook(value(v), COLUMNS[0]!, 'vsBenchmark').fill, cellLook(value(Math.abs(v)), COLUMNS[0]!, 'favourable').fill]),
      ...categoryFills(11, 'higher-is-better'),
    ];
    for (const fill of fills) expect(contrast(fill, INK), fill).toBeGreaterThanOrEqual(4.5);
  });

  it('hatches hidden cells and colours the reference grey', () => {
    expect(cellLook({ hidden: true }, COLUMNS[0]!, 'mean').hatched).toBe(true);
    expect(cellLook(value(null), COLUMNS[0]!, 'vsOrganisation')).toEqual({ fill: BAND_FILL.none, ink: INK, hatched: false });
  });

  it('marks significance as better or worse by the topic’s direction, and not at all without a test', () => {
    expect(significanceMark(value(-5, true), COLUMNS[0]!, 'vsOrganisation')).toBe('worse');
    expect(significanceMark(value(-5, true), COLUMNS[1]!, 'vsOrganisation')).toBe('better');
    expect(significanceMark(value(-5, false), COLUMNS[0]!, 'vsOrganisation')).toBeNull();
    expect(significanceMark(value(60, true), COLUMNS[0]!, 'mean')).toBe('differs');
    expect(significanceMark(value(60, true), COLUMNS[0]!, 'favourable')).toBeNull();
    expect(significanceMark({ hidden: true }, COLUMNS[0]!, 'mean')).toBeNull();
  });
});
