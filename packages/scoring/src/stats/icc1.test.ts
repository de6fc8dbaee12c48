import fc from 'fast-check';
import { relativeError } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { icc1 } from './icc1';

describe('icc1', () => {
  it('matches R aov with the n0 formula for unequal team sizes', () => {
    // checked in R 4.2.2:
    // score <- c(3.2, 3.8, 3.5, 4.0, 2.9,  4.1, 4.4, 3.9, 4.6,  2.5, 2.8, 3.1, 2.2, 2.9, 3.0, 2.6,  3.6, 3.3, 3.9)
    // team <- c(rep("a", 5), rep("b", 4), rep("c", 7), rep("d", 3)); s <- summary(aov(score ~ factor(team)))[[1]]
    // MSB = 2.0643258145363403, MSW = 0.12348571428571445, n0 = (N - sum(nj^2)/N)/(J - 1) = 4.5964912280701755
    // (MSB - MSW) / (MSB + (n0 - 1) * MSW) = 0.77372360790833528
    // (multilevel::ICC1(aov(...)) = 0.76792047848564793 uses the mean team size N/J instead of n0)
    const score = [3.2, 3.8, 3.5, 4.0, 2.9, 4.1, 4.4, 3.9, 4.6, 2.5, 2.8, 3.1, 2.2, 2.9, 3.0, 2.6, 3.6, 3.3, 3.9];
    const team = [...'aaaaa', ...'bbbb', ...'ccccccc', ...'ddd'];
    expect(relativeError(icc1(score, team), 0.77372360790833528)).toBeLessThan(1e-14);
  });

  it('matches multilevel::ICC1 for equal team sizes, where n0 is the team size', () => {
    // checked in R 4.2.2, multilevel 2.7: ICC1(aov(c(1, 2, 3, 4, 5, 6) ~ factor(c("a","a","a","b","b","b"))))
    // = 0.80645161290322587
    expect(relativeError(icc1([1, 2, 3, 4, 5, 6], ['a', 'a', 'a', 'b', 'b', 'b']), 0.80645161290322587)).toBeLessThan(
      1e-14,
    );
    // multilevel::ICC1(aov(s2 ~ factor(rep(1:4, each = 3)))) with s2 <- c(3, 4, 3, 5, 4, 3, 4, 5, 2, 4, 3, 4)
    // = -0.35000000000000064 (negative: teams differ less than chance would make them)
    expect(
      relativeError(icc1([3, 4, 3, 5, 4, 3, 4, 5, 2, 4, 3, 4], [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]), -0.35000000000000064),
    ).toBeLessThan(1e-13);
  });

  it('rejects mismatched lengths, one group, singleton-only groups, non-finite and constant scores', () => {
    expect(() => icc1([1, 2], ['a'])).toThrow('icc1 requires one group per score');
    expect(() => icc1([1, 2, 3], ['a', 'a', 'a'])).toThrow('icc1 requires at least 2 groups');
    expect(() => icc1([1, 2, 3], ['a', 'b', 'c'])).toThrow('icc1 requires at least one group with 2 or more members');
    expect(() => icc1([1, Number.NaN, 3], ['a', 'a', 'b'])).toThrow('icc1 requires finite scores');
    expect(() => icc1([2, 2, 2, 2], ['a', 'a', 'b', 'b'])).toThrow('icc1 requires the scores to vary');
  });

  const score = fc.double({ min: 1, max: 5, noNaN: true });

  it('is -1/(n - 1), its minimum, when every team holds the same scores', () => {
    fc.assert(
      fc.property(
        fc.array(score, { minLength: 2, maxLength: 8 }).filter((values) => new Set(values).size > 1),
        fc.integer({ min: 2, max: 6 }),
        (members, teams) => {
          const scores = Array.from({ length: teams }, () => members).flat();
          const groups = Array.from({ length: teams }, (_, team) => members.map(() => team)).flat();
          expect(icc1(scores, groups)).toBeCloseTo(-1 / (members.length - 1), 8);
        },
      ),
      { seed: 20240703, numRuns: 200 },
    );
  });

  it('is 1 when teams differ but members of a team agree', () => {
    fc.assert(
      fc.property(
        fc.array(score, { minLength: 2, maxLength: 6 }).filter((values) => new Set(values).size > 1),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 6, maxLength: 6 }),
        (teamScores, sizes) => {
          const scores = teamScores.flatMap((value, team) => Array.from({ length: sizes[team] ?? 1 }, () => value));
          const groups = teamScores.flatMap((_, team) => Array.from({ length: sizes[team] ?? 1 }, () => `t${team}`));
          fc.pre(scores.length > teamScores.length);
          expect(icc1(scores, groups)).toBeCloseTo(1, 10);
        },
      ),
      { seed: 20240704, numRuns: 200 },
    );
  });

  it('does not depend on the order of respondents, team labels, or a linear rescaling of scores', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(score, fc.integer({ min: 0, max: 4 })), { minLength: 6, maxLength: 60 }),
        (pairs) => {
          const scores = pairs.map(([value]) => value);
          const groups = pairs.map(([, team]) => team);
          fc.pre(new Set(groups).size >= 2 && new Set(groups).size < pairs.length && new Set(scores).size > 1);
          const value = icc1(scores, groups);
          expect(icc1([...scores].reverse(), [...groups].reverse())).toBeCloseTo(value, 9);
          expect(icc1(scores, groups.map((team) => `team-${4 - team}`))).toBeCloseTo(value, 9);
          expect(icc1(scores.map((s) => 25 * s - 25), groups)).toBeCloseTo(value, 9);
          expect(value).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
      { seed: 20240705, numRuns: 200 },
    );
  });
});
