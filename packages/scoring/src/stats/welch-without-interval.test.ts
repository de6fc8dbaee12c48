import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { welchTTestFromSummary, welchTTestFromSummaryWithoutInterval, type SampleMoments } from './welch-t-test-from-summary';

const moments: fc.Arbitrary<SampleMoments> = fc.record({
  n: fc.integer({ min: 2, max: 5000 }),
  mean: fc.double({ min: 0, max: 100, noNaN: true }),
  sd: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 50, noNaN: true })),
});

describe('welchTTestFromSummaryWithoutInterval', () => {
  it('gives exactly the p-value, flag and other figures of welchTTestFromSummary', () => {
    fc.assert(
      fc.property(moments, moments, fc.constantFrom(0.05, 0.01, 0.1), (a, b, alpha) => {
        fc.pre(a.sd > 0 || b.sd > 0);
        const { ci: _ci, ...full } = welchTTestFromSummary(a, b, alpha);
        expect(welchTTestFromSummaryWithoutInterval(a, b, alpha)).toEqual(full);
      }),
      { seed: 20261218, numRuns: 500 },
    );
  });

  it('checks its input as welchTTestFromSummary does', () => {
    const group = { n: 10, mean: 50, sd: 10 };
    expect(() => welchTTestFromSummaryWithoutInterval({ n: 1, mean: 50, sd: 10 }, group)).toThrow('n >= 2 in group a');
    expect(() => welchTTestFromSummaryWithoutInterval(group, { n: 10, mean: 50, sd: -1 })).toThrow('sd >= 0 in group b');
    expect(() => welchTTestFromSummaryWithoutInterval({ ...group, sd: 0 }, { ...group, sd: 0 })).toThrow('some spread');
  });
});
