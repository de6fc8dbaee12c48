import { describe, expect, it } from 'vitest';
import { explicitHierarchy, flatHierarchy, MISSING_VALUE, orderedBandHierarchy, SUPPRESSED, unitHierarchy } from './hierarchy';

describe('generalisation hierarchies', () => {
  it('joins neighbouring bands level by level, keeping special values apart until suppressed', () => {
    const age = orderedBandHierarchy(['<25', '25-34', '35-44', '45-54', '55+'], { special: ['prefer not to say'] });
    expect(age.height).toBe(4);
    expect(age.table.get('25-34')).toEqual(['25-34', '<25..25-34', '<25..45-54', '<25..55+', SUPPRESSED]);
    expect(age.table.get('55+')).toEqual(['55+', '55+', '55+', '<25..55+', SUPPRESSED]);
    expect(age.table.get('prefer not to say')).toEqual(['prefer not to say', 'prefer not to say', 'prefer not to say', 'prefer not to say', SUPPRESSED]);
    expect(age.table.get(MISSING_VALUE)?.at(-1)).toBe(SUPPRESSED);
  });

  it('replaces units by their ancestors at a common depth, then the root, then suppressed', () => {
    const units = unitHierarchy([
      { id: 'R', parentId: null },
      { id: 'A', parentId: 'R' },
      { id: 'B', parentId: 'A' },
      { id: 'C', parentId: 'R' },
    ]);
    expect(units.height).toBe(3);
    expect(units.table.get('B')).toEqual(['B', 'A', 'R', SUPPRESSED]);
    expect(units.table.get('C')).toEqual(['C', 'C', 'R', SUPPRESSED]);
    expect(units.table.get('R')).toEqual(['R', 'R', 'R', SUPPRESSED]);
  });

  it('suppresses a flat attribute in one step', () => {
    expect(flatHierarchy(['nl', 'en']).table.get('en')).toEqual(['en', SUPPRESSED]);
  });

  it('rejects tables that are ragged, mislabelled or not monotone', () => {
    expect(() => explicitHierarchy({ a: ['a', '*'], b: ['b', 'x', '*'] })).toThrow(/levels/);
    expect(() => explicitHierarchy({ a: ['z', '*'] })).toThrow(/start with the value itself/);
    // a and b meet at level 1 but part again at level 2
    expect(() => explicitHierarchy({ a: ['a', 'ab', 'x', '*'], b: ['b', 'ab', 'y', '*'] })).toThrow(/not monotone/);
  });

  it('rejects a unit tree with a cycle', () => {
    expect(() => unitHierarchy([{ id: 'A', parentId: 'B' }, { id: 'B', parentId: 'A' }])).toThrow(/cycle/);
  });
});
