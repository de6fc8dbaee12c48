/**
 * Percent favourable: the share of respondents, as a percentage (0-100), whose scale
 * score is at or above a threshold — by default 4 on the 1-5 scale, i.e. "agree" or
 * "fully agree" on average after reverse-keying. A summary familiar from employee surveys
 * that is easier to read than a mean.
 *
 * Scale scores are means of whole-number answers, so a score of exactly 4 is represented
 * exactly and counts as favourable; no tolerance is applied.
 *
 * References:
 * * scoring conventions, docs/instrument.md ("% favourable")
 *
 * Cost: O(n).
 *
 * @param scores the scale scores of the group (missing ones already removed)
 * @param threshold lowest favourable score (default 4)
 * @returns the percentage of scores >= threshold, in [0, 100]
 * @throws {Error} if scores is empty or holds a non-finite number, or threshold is not finite
 * @example
 * percentFavourable([4, 3.5, 5, 2]); // => 50
 */
export function percentFavourable(scores: readonly number[], threshold = 4): number {
  if (scores.length === 0) {
    throw new Error('percentFavourable requires at least one score');
  }
  if (!scores.every(Number.isFinite)) {
    throw new Error('percentFavourable requires finite scores');
  }
  if (!Number.isFinite(threshold)) {
    throw new Error('percentFavourable requires a finite threshold');
  }
  const favourable = scores.filter((score) => score >= threshold).length;
  return (favourable / scores.length) * 100;
}
