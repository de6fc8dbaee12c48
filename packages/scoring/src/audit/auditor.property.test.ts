import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditPublishedCells } from './audit';
import type { AuditCell } from './types';

/*
 * The auditor against brute-force oracles, in both directions: it must find a leak exactly when one exists.
 */

describe('auditor on trees of units (laminar families)', () => {
  // Oracle: derivable groups of a laminar family are exactly the unions of its atoms (a published unit minus its
  // maximal published descendants), so a leak exists iff some atom is in (0, k).
  const arbitrary = fc.record({
    parents: fc.array(fc.nat({ max: 100 }), { minLength: 1, maxLength: 25 }),
    counts: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 20 })), {
      minLength: 25,
      maxLength: 25,
    }),
    publish: fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
    k: fc.integer({ min: 5, max: 8 }),
  });

  it('reports a leak exactly when some atom is in (0, k)', () => {
    fc.assert(
      fc.property(arbitrary, ({ parents, counts, publish, k }) => {
        const n = parents.length;
        const parent = parents.map((choice, i) => (i === 0 ? -1 : choice % i));
        const total = counts.slice(0, n);
        for (let i = n - 1; i > 0; i--) total[parent[i] as number] = (total[parent[i] as number] ?? 0) + (total[i] ?? 0);
        const subtree = (u: number): number[] => [u, ...parent.flatMap((p, child) => (p === u ? subtree(child) : []))];
        const published = parents.map((_, u) => publish[u] === true && (total[u] ?? 0) >= k);
        const cells: AuditCell[] = [];
        let leak = false;
        for (let u = 0; u < n; u++) {
          if (!published[u]) continue;
          cells.push({ id: `u${u}`, leafGroups: subtree(u).map((v) => `leaf${v}`), count: total[u] ?? 0, threshold: k });
          // atom: walk down, stopping at published descendants
          let atom = 0;
          const stack = [u];
          while (stack.length > 0) {
            const v = stack.pop() as number;
            atom += counts[v] ?? 0;
            parent.forEach((p, child) => {
              if (p === v && !published[child]) stack.push(child);
            });
          }
          if (atom > 0 && atom < k) leak = true;
        }
        const report = auditPublishedCells({ cells });
        expect(report.ok).toBe(!leak);
        expect(report.coverage.every((view) => view.algebra === 'complete')).toBe(true);
      }),
      { numRuns: 400 },
    );
  }, 120_000);
});

describe('auditor on arbitrary small families (brute force over every group)', () => {
  /** Rank of a small 0/1 matrix, by elimination in doubles (exact enough at this size). */
  function rank(rows: number[][]): number {
    const m = rows.map((row) => [...row]);
    let r = 0;
    const width = m[0]?.length ?? 0;
    for (let c = 0; c < width && r < m.length; c++) {
      const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c] ?? 0) > 1e-9);
      if (pivot < 0) continue;
      [m[r], m[pivot]] = [m[pivot] as number[], m[r] as number[]];
      const top = m[r] as number[];
      for (let i = 0; i < m.length; i++) {
        if (i === r) continue;
        const row = m[i] as number[];
        const f = (row[c] ?? 0) / (top[c] as number);
        if (f !== 0) for (let j = c; j < width; j++) row[j] = (row[j] ?? 0) - f * (top[j] ?? 0);
      }
      r++;
    }
    return r;
  }

  const arbitrary = fc.record({
    leafCounts: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 12 })), {
      minLength: 2,
      maxLength: 7,
    }),
    masks: fc.array(fc.nat({ max: 127 }), { minLength: 1, maxLength: 9 }),
  });

  it('finds a leak exactly when some group with a determined count is in (0, 5), and every reported size is true', () => {
    fc.assert(
      fc.property(arbitrary, ({ leafCounts, masks }) => {
        const L = leafCounts.length;
        const full = (1 << L) - 1;
        const sets = [...new Set(masks.map((mask) => mask & full).filter((mask) => mask !== 0))];
        const sizeOf = (mask: number) => leafCounts.reduce((sum, c, i) => sum + ((mask >> i) & 1 ? c : 0), 0);
        const published = sets.filter((mask) => sizeOf(mask) >= 5);
        if (published.length === 0) return;
        const vector = (mask: number) => Array.from({ length: L }, (_, i) => (mask >> i) & 1);
        const matrix = published.map(vector);
        const base = rank(matrix);
        const determined = (mask: number) => rank([...matrix, vector(mask)]) === base;
        let leak = false;
        for (let mask = 1; mask <= full; mask++) {
          const size = sizeOf(mask);
          if (size > 0 && size < 5 && determined(mask)) leak = true;
        }
        const cells = published.map((mask) => ({
          id: `m${mask}`,
          leafGroups: Array.from({ length: L }, (_, i) => `l${i}`).filter((_, i) => (mask >> i) & 1),
          count: sizeOf(mask),
          threshold: 5,
        }));
        const report = auditPublishedCells({ cells });
        expect(report.ok).toBe(!leak);
        for (const found of report.leaks) {
          const mask = found.leafGroups.reduce((m, leaf) => m | (1 << Number(leaf.slice(1))), 0);
          expect(found.size).toBe(sizeOf(mask));
          expect(determined(mask)).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  }, 120_000);
});
