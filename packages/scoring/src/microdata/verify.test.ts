import { describe, expect, it } from 'vitest';
import { verifyAnonymity } from './verify';

const requirement = { quasiIdentifiers: ['unit', 'age'], sensitive: ['harassed'], k: 3, l: 2 };

describe('verifyAnonymity', () => {
  it('passes a table where every class has >= k records and >= l distinct answers', () => {
    const table = [
      { unit: 'A', age: '<35', harassed: 1 },
      { unit: 'A', age: '<35', harassed: 0 },
      { unit: 'A', age: '<35', harassed: null },
      { unit: 'B', age: '*', harassed: 0 },
      { unit: 'B', age: '*', harassed: 1 },
      { unit: 'B', age: '*', harassed: 1 },
    ];
    expect(verifyAnonymity(table, requirement)).toMatchObject({ ok: true, classes: 2, smallestClass: 3, lowestDiversity: 2 });
  });

  it('catches a class smaller than k', () => {
    const table = [
      { unit: 'A', age: '<35', harassed: 1 },
      { unit: 'A', age: '<35', harassed: 0 },
      { unit: 'A', age: '35+', harassed: 0 },
    ];
    const result = verifyAnonymity(table, { ...requirement, k: 2 });
    expect(result.ok).toBe(false);
    expect(result.violations).toContainEqual({ kind: 'k-anonymity', quasiIdentifierValues: { unit: 'A', age: '35+' }, size: 1 });
  });

  it('catches a homogeneous class, even when some members did not answer', () => {
    const table = [
      { unit: 'A', age: '<35', harassed: 1 },
      { unit: 'A', age: '<35', harassed: 1 },
      { unit: 'A', age: '<35', harassed: null },
    ];
    const result = verifyAnonymity(table, requirement);
    expect(result.violations).toEqual([
      { kind: 'l-diversity', quasiIdentifierValues: { unit: 'A', age: '<35' }, size: 3, variable: 'harassed', distinct: 1 },
    ]);
  });

  it('lets a class where nobody answered pass l-diversity (nothing to disclose)', () => {
    const table = [1, 2, 3].map(() => ({ unit: 'A', age: '<35', harassed: null }));
    expect(verifyAnonymity(table, requirement)).toMatchObject({ ok: true, lowestDiversity: null });
  });

  it('accepts an empty table', () => {
    expect(verifyAnonymity([], requirement)).toMatchObject({ ok: true, records: 0, classes: 0, smallestClass: null });
  });
});
