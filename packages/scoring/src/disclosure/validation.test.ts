import { describe, expect, it } from 'vitest';
import { solveDisclosure } from './solve';
import type { DisclosureInput } from './types';

const base: DisclosureInput = {
  units: [
    { id: 'R', parentId: null },
    { id: 'A', parentId: 'R' },
  ],
  responseCounts: { R: 2, A: 9 },
  demographics: [{ id: 'age', categories: ['young', 'old'], counts: { A: { young: 5, old: 4 } } }],
  k: 5,
  kSensitive: 10,
};

describe('solveDisclosure input checks', () => {
  it('accepts a valid input', () => {
    expect(() => solveDisclosure(base)).not.toThrow();
  });

  it.each([
    ['k below 5', { k: 4 }, /k must be an integer in 5\.\.50/],
    ['k above 50', { k: 51, kSensitive: 60 }, /k must be an integer in 5\.\.50/],
    ['k not an integer', { k: 5.5 }, /k must be an integer/],
    ['kSensitive below k', { kSensitive: 4 }, /kSensitive must be an integer >= k/],
    ['duplicate unit ids', { units: [...base.units, { id: 'A', parentId: null }] }, /duplicate unit id/],
    ['unknown parent', { units: [...base.units, { id: 'B', parentId: 'X' }] }, /unknown parent/],
    [
      'a cycle',
      { units: [{ id: 'R', parentId: null }, { id: 'A', parentId: 'B' }, { id: 'B', parentId: 'A' }], responseCounts: {}, demographics: [] },
      /cycle/,
    ],
    ['a negative count', { responseCounts: { A: -1 } }, /must be a count/],
    ['a fractional count', { responseCounts: { A: 1.5 } }, /must be a count/],
    ['a count for an unknown unit', { responseCounts: { Z: 1 } }, /unknown unit/],
    [
      'categories counting more than the unit',
      { demographics: [{ id: 'age', categories: ['young', 'old'], counts: { A: { young: 9, old: 4 } } }] },
      /counts more respondents/,
    ],
    [
      'an undeclared category',
      { demographics: [{ id: 'age', categories: ['young'], counts: { A: { old: 1 } } }] },
      /undeclared category/,
    ],
    [
      'a duplicate demographic',
      { demographics: [...base.demographics, ...base.demographics] },
      /duplicate demographic/,
    ],
    [
      'declaring the implicit missing category',
      { demographics: [{ id: 'age', categories: ['(missing)'], counts: {} }] },
      /may not declare/,
    ],
  ])('rejects %s', (_, change, message) => {
    expect(() => solveDisclosure({ ...base, ...change } as DisclosureInput)).toThrow(message);
  });
});
