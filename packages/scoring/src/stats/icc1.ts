/**
 * The [intraclass correlation ICC(1)](https://en.wikipedia.org/wiki/Intraclass_correlation)
 * of scores nested in groups (respondents in teams): the share of score variance that lies
 * between teams, from a one-way ANOVA,
 * ICC(1) = (MSB - MSW) / (MSB + (n₀ - 1) MSW), with the average group size adjusted for
 * unequal sizes n₀ = (N - Σ n_j² / N) / (J - 1). It shows whether aggregating scores to
 * teams is meaningful. As `multilevel::ICC1` on `aov(score ~ factor(team))` for equal
 * sizes; for unequal sizes this uses n₀ (Bliese 2000 uses the mean group size).
 *
 * The value can be negative when teams differ less than chance would make them; it is
 * returned as is.
 *
 * References:
 * * Bliese, P. D. (2000). Within-group agreement, non-independence, and reliability.
 *   In Klein & Kozlowski (eds.), Multilevel Theory, Research, and Methods in Organizations, 349-381.
 * * Snedecor, G. W. & Cochran, W. G. (1989). Statistical Methods, 8th ed., section 13.6 (n₀).
 * * scoring conventions, docs/instrument.md ("ICC(1) of scale scores over teams")
 *
 * Cost: O(N).
 *
 * @param scores one score per respondent
 * @param groups the group (team) of each respondent, same order
 * @returns ICC(1), at most 1
 * @throws {Error} if the arrays differ in length, a score is not finite, there are fewer than
 *   2 groups, no group has 2 or more members (N = J), or all scores are equal
 * @example
 * icc1([1, 2, 3, 4, 5, 6], ['a', 'a', 'a', 'b', 'b', 'b']); // => 0.8065 (rounded)
 */
export function icc1(scores: readonly number[], groups: ReadonlyArray<string | number>): number {
  if (scores.length !== groups.length) {
    throw new Error('icc1 requires one group per score');
  }
  if (!scores.every(Number.isFinite)) {
    throw new Error('icc1 requires finite scores');
  }
  const members = new Map<string | number, number[]>();
  scores.forEach((score, i) => {
    const group = groups[i] as string | number;
    const list = members.get(group);
    if (list) list.push(score);
    else members.set(group, [score]);
  });
  const total = scores.length;
  const groupCount = members.size;
  if (groupCount < 2) {
    throw new Error('icc1 requires at least 2 groups');
  }
  if (total <= groupCount) {
    throw new Error('icc1 requires at least one group with 2 or more members');
  }
  const grandMean = scores.reduce((sum, score) => sum + score, 0) / total;
  let sumOfSquaresBetween = 0;
  let sumOfSquaresWithin = 0;
  let sumOfSquaredSizes = 0;
  for (const list of members.values()) {
    const groupMean = list.reduce((sum, score) => sum + score, 0) / list.length;
    sumOfSquaresBetween += list.length * (groupMean - grandMean) ** 2;
    sumOfSquaresWithin += list.reduce((sum, score) => sum + (score - groupMean) ** 2, 0);
    sumOfSquaredSizes += list.length ** 2;
  }
  const meanSquareBetween = sumOfSquaresBetween / (groupCount - 1);
  const meanSquareWithin = sumOfSquaresWithin / (total - groupCount);
  if (meanSquareBetween === 0 && meanSquareWithin === 0) {
    throw new Error('icc1 requires the scores to vary');
  }
  const n0 = (total - sumOfSquaredSizes / total) / (groupCount - 1);
  return (meanSquareBetween - meanSquareWithin) / (meanSquareBetween + (n0 - 1) * meanSquareWithin);
}
