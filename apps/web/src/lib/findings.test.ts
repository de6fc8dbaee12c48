import { describe, expect, it } from 'vitest';
import { heatmapFixture } from '../testing/results-fixtures';
import { largestDifferences, redScales, unitsNeedingAttention } from './findings';

describe('main findings of the report', () => {
  it('lists the topics in the red zone of the unit the report is about, worst first', () => {
    const map = heatmapFixture('mean');
    expect(redScales(map)).toEqual([]);
    const red = { ...map, rows: [map.rows[1]!, ...map.rows.slice(2)] };
    expect(redScales(red).map((r) => [r.column.scaleId, r.value])).toEqual([
      ['pace', 62],
      ['psy', 44.6],
    ]);
  });

  it('counts the red topics per unit below it, leaving hidden cells out of the count', () => {
    expect(unitsNeedingAttention(heatmapFixture('mean'))).toEqual([{ unitId: 'care', unitName: 'Care', red: 2, shown: 2 }]);
  });

  it('gives the largest differences from the organisation, significant first, a few per unit', () => {
    const found = largestDifferences(heatmapFixture('vsOrganisation'));
    expect(found.map((d) => [d.unitName, d.column.scaleId, d.difference, d.verdict])).toEqual([
      ['Care', 'psy', -12.4, 'worse'],
      ['Care', 'pace', 9.6, 'worse'],
      ['IT', 'psy', 14.2, 'better'],
      ['IT', 'pace', -3, 'better'],
    ]);
    expect(largestDifferences(heatmapFixture('vsOrganisation'), 8, 1).map((d) => d.unitName)).toEqual(['Care', 'IT']);
  });
});
