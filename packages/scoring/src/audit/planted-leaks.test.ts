import { describe, expect, it } from 'vitest';
import { auditPublishedCells } from './audit';
import type { AuditCell, AuditInput, AuditReport, LeafPartition } from './types';

/*
 * Hand-made unsafe published sets: the auditor must find each planted leak, with a derivation that reproduces the
 * derived size from the published counts. Safe sets of the same shape must pass.
 */

const cell = (id: string, leafGroups: string[], count: number, threshold = 5): AuditCell => ({ id, leafGroups, count, threshold });

/** Each leaf of `units` split by one dimension into `categories`: leaf "U" -> parts "U|c". */
function split(dimension: string, units: string[], categories: string[]): LeafPartition[] {
  return units.map((leaf) => ({ leaf, dimension, parts: categories.map((c) => `${leaf}|${c}`) }));
}

function expectDerivationsHold(input: AuditInput, report: AuditReport): void {
  const count = new Map(input.cells.map((c) => [c.id, c.count]));
  for (const leak of report.leaks) {
    const derived = leak.derivation.reduce((sum, term) => sum + term.coefficient * (count.get(term.cellId) ?? NaN), 0);
    expect(derived).toBeCloseTo(leak.size, 9);
  }
}

function findLeak(input: AuditInput, leafGroups: string[], size: number) {
  const report = auditPublishedCells(input);
  expect(report.ok).toBe(false);
  expectDerivationsHold(input, report);
  const match = report.leaks.find((leak) => leak.size === size && [...leak.leafGroups].sort().join() === [...leafGroups].sort().join());
  expect(match, JSON.stringify(report.leaks)).toBeDefined();
  return match;
}

describe('auditor finds planted leaks', () => {
  it('worked example: D 12 and A 9 published reveal B (3)', () => {
    const leak = findLeak({ cells: [cell('D', ['A', 'B'], 12), cell('A', ['A'], 9)] }, ['B'], 3);
    expect(leak?.kind).toBe('nested-difference');
  });

  it('a parent published with all but one of its children', () => {
    const input = {
      cells: [
        cell('P', ['a', 'b', 'c', 'd', 'p'], 23),
        cell('A', ['a'], 6),
        cell('B', ['b'], 5),
        cell('C', ['c'], 6),
        cell('D', ['d'], 5),
      ],
    };
    // d and the parent's own members p (1) are separate leaves; publishing every child leaves p: 23 - 22 = 1.
    const leak = findLeak(input, ['p'], 1);
    expect(leak?.kind).toBe('parent-remainder');
    expect(leak?.derivation.map((term) => [term.cellId, term.coefficient])).toEqual([
      ['P', 1],
      ['A', -1],
      ['B', -1],
      ['C', -1],
      ['D', -1],
    ]);
  });

  it('a remainder across levels: a hidden child does not stop subtracting a published grandchild', () => {
    // R = {r, x, y, z}: X = {x, y} hidden, its child Y = {y} published, Z = {z} published, R's own r = 2.
    const input = { cells: [cell('R', ['r', 'x', 'y', 'z'], 15), cell('Y', ['y'], 6), cell('Z', ['z'], 7)] };
    findLeak(input, ['r', 'x'], 2);
  });

  it('differences of sibling cells where one contains the other', () => {
    // "A and B" published as a merged group next to A alone.
    findLeak({ cells: [cell('A+B', ['a', 'b'], 12), cell('A', ['a'], 9), cell('B+C', ['b', 'c'], 11)] }, ['b'], 3);
  });

  it('a unit minus its demographic cells', () => {
    const input = {
      cells: [cell('U', ['U'], 12), cell('U young', ['U|young'], 9)],
      partitions: split('age', ['U'], ['young', 'old', 'missing']),
    };
    const leak = findLeak(input, ['U|old', 'U|missing'], 3);
    expect(leak?.view).toBe('age');
  });

  it('a unit minus all but one of its demographic cells', () => {
    const input = {
      cells: [cell('U', ['U'], 20), cell('U young', ['U|young'], 9), cell('U old', ['U|old'], 8)],
      partitions: split('age', ['U'], ['young', 'old', 'missing']),
    };
    findLeak(input, ['U|missing'], 3);
  });

  it('the same demographic cut in a parent and a child', () => {
    // D = {D direct, A}. D young 8 minus A young 6 reveals the 2 young people attached directly to D.
    const input = {
      cells: [cell('D', ['D', 'A'], 20), cell('A', ['A'], 12), cell('D young', ['D|young', 'A|young'], 8), cell('A young', ['A|young'], 6)],
      partitions: split('age', ['D', 'A'], ['young', 'old']),
    };
    findLeak(input, ['D|young'], 2);
  });

  it('nested differences between any two cells, not only parent and child', () => {
    const input = {
      cells: [cell('G', ['a', 'b', 'c', 'd'], 40), cell('a+b+c', ['a', 'b', 'c'], 36), cell('a', ['a'], 20)],
    };
    findLeak(input, ['d'], 4);
  });

  it("a child cut coarser than its parent's: parent band minus the children that publish that band", () => {
    // P = {r, v1, v2} with bands a, b, c. P publishes a, b, c; v1 publishes a, b, c; v2 publishes a and {b, c}.
    // P b - v1 b = (r b) + (v2 b) = 0 + 2: v2's b, which v2 itself merged away, is revealed.
    const input = {
      cells: [
        cell('P', ['r', 'v1', 'v2'], 45),
        cell('v1', ['v1'], 20),
        cell('v2', ['v2'], 15),
        cell('P a', ['r|a', 'v1|a', 'v2|a'], 20),
        cell('P b', ['r|b', 'v1|b', 'v2|b'], 8),
        cell('P c', ['r|c', 'v1|c', 'v2|c'], 17),
        cell('v1 a', ['v1|a'], 7),
        cell('v1 b', ['v1|b'], 6),
        cell('v1 c', ['v1|c'], 7),
        cell('v2 a', ['v2|a'], 6),
        cell('v2 bc', ['v2|b', 'v2|c'], 9),
      ],
      partitions: split('band', ['r', 'v1', 'v2'], ['a', 'b', 'c']),
    };
    findLeak(input, ['r|b', 'v2|b'], 2);
  });

  it('a linear combination no difference reveals: three overlapping pairs', () => {
    const input = { cells: [cell('ab', ['a', 'b'], 12), cell('bc', ['b', 'c'], 19), cell('ac', ['a', 'c'], 9)] };
    const leak = findLeak(input, ['a'], 1);
    expect(leak?.kind).toBe('linear-combination');
    expect(leak?.derivation.map((term) => term.coefficient)).toEqual([0.5, -0.5, 0.5]);
  });

  it('sensitive figures are held to their own threshold among themselves', () => {
    const input = { cells: [cell('S ab', ['a', 'b'], 25, 10), cell('S a', ['a'], 18, 10)] };
    const leak = findLeak(input, ['b'], 7);
    expect(leak?.level).toBe(10);
  });

  it('counts of sensitive cells combine with ordinary cells at the ordinary threshold', () => {
    const input = { cells: [cell('ab', ['a', 'b'], 25, 5), cell('S a', ['a'], 22, 10)] };
    expect(findLeak(input, ['b'], 3)?.level).toBe(5);
  });

  it('a published cell below its threshold', () => {
    const report = auditPublishedCells({ cells: [cell('A', ['a'], 3)] });
    expect(report.leaks).toMatchObject([{ kind: 'below-threshold', size: 3, leafGroups: ['a'] }]);
  });
});

describe('auditor passes safe sets', () => {
  it('the worked example, solved', () => {
    const report = auditPublishedCells({ cells: [cell('D', ['A', 'B', 'C'], 18), cell('A', ['A'], 9)] });
    expect(report).toMatchObject({ ok: true, leaks: [], anomalies: [] });
    expect(report.coverage.every((view) => view.algebra === 'complete')).toBe(true);
  });

  it('remainders of exactly 0 or k, and sizes derivable only as 0', () => {
    const input = {
      cells: [cell('D', ['D', 'A'], 20), cell('A', ['A'], 15), cell('D young', ['D|young', 'A|young'], 6), cell('A young', ['A|young'], 6), cell('A old', ['A|old'], 9)],
      partitions: split('age', ['D', 'A'], ['young', 'old']),
    };
    expect(auditPublishedCells(input)).toMatchObject({ ok: true, leaks: [] });
  });

  it('reports inconsistent counts as anomalies, not as leaks', () => {
    const report = auditPublishedCells({ cells: [cell('D', ['A', 'B'], 12), cell('A', ['A'], 14)] });
    expect(report.anomalies.length).toBeGreaterThan(0);
  });
});
